/**
 * Public face of the search module (Chinese full-text search over published items).
 * Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/context.js';
import { registerSearchRoutes } from './routes.js';

export type {
  SearchDocumentInput,
  ItemFilters,
  Paging,
  SearchParams,
  SearchResult,
  SearchMode,
  BrowseResult,
  ItemSummary,
  Facets,
  FacetValue,
  JurisdictionInput,
} from './model.js';
export { MAX_PAGE_SIZE } from './model.js';
export { MAX_QUERY_LENGTH } from './segment.js';
export { indexDocuments } from './actions/index-documents.js';
export { removeDocuments } from './actions/remove-documents.js';
export { indexJurisdictions } from './actions/index-jurisdictions.js';
export { searchItems } from './actions/search-items.js';
export { browseItems } from './actions/browse-items.js';
export { suggest } from './actions/suggest-names.js';

/** Registers GET /api/v1/search, /api/v1/search/suggest and /api/v1/items. */
export async function registerSearch(http: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await registerSearchRoutes(http, ctx);
}
