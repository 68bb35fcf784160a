/**
 * Public face of the catalogue module (政务服务事项库). Other modules, the CLI and the composition
 * root import only this file.
 */
import type { HttpServer } from '../../platform/http/server.js';
import type { ModuleContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repository from './catalog.repository.js';
import type { ItemGuide } from './model.js';
import { toGuide } from './records.js';
import { registerCatalogRoutes } from './routes.js';

export type {
  Jurisdiction,
  Agency,
  ItemGuide,
  CodeEntry,
  BasicItem,
  ImplementationItemRecord,
  ItemElements,
  Material,
  Fee,
  ProcessLink,
  Faq,
  ItemResult,
  TimeLimit,
  CatalogueData,
  DivisionRecord,
  AgencyRecord,
} from './model.js';
export type { AgencyPowerCount, VersionDetails, AgencyInput } from './catalog.repository.js';
export type { FieldError } from '../../platform/errors.js';

export async function registerCatalog(http: HttpServer, ctx: ModuleContext): Promise<void> {
  await registerCatalogRoutes(http, ctx);
}

// Reads
export const getJurisdiction = repository.getJurisdiction;
export const listJurisdictionChildren = repository.listJurisdictionChildren;
export const listAgencies = repository.listAgencies;
export const getAgency = repository.getAgency;
export const getAgencySummary = repository.getAgencySummary;
export const agencyPowerCounts = repository.agencyPowerCounts;
export const isCatalogueEmpty = repository.isCatalogueEmpty;
export { codeList } from './code-lists.js';

/** The published guide of an item, or null when the code is unknown or nothing is published. */
export async function getItemGuide(db: Queryable, implementationCode: string): Promise<ItemGuide | null> {
  const version = await repository.getPublishedVersion(db, implementationCode);
  return version ? toGuide(version) : null;
}

// Pure logic other modules show or reuse
export { publishingProblems, agencyProblems } from './rules.js';
export { computeStars, STAR_CRITERIA } from './stars.js';

// Actions
export { createAgency } from './actions/create-agency.js';
export { createItemDraft, type NewItem } from './actions/create-item-draft.js';
export { updateItemDraft } from './actions/update-item-draft.js';
export { submitItemForReview } from './actions/submit-item-for-review.js';
export { publishItem } from './actions/publish-item.js';
export { rejectItem } from './actions/reject-item.js';
export { loadCatalogue, type LoadResult } from './actions/load-catalogue.js';
export { importDivisions, type ImportDivisionsResult } from './actions/import-divisions.js';
export { exportItems } from './actions/export-items.js';
export { importItems, type ImportItemsResult } from './actions/import-items.js';
export { reindexSearch, type ReindexResult } from './actions/reindex-search.js';
