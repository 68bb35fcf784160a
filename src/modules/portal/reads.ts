/**
 * Everything the portal reads, in one place: the catalogue's and the search module's public
 * functions (through their index.ts only), narrowed to the shapes the pages render.
 */
import type { Queryable } from '../../platform/db/index.js';
import {
  agencyPowerCounts,
  codeList,
  getAgency,
  getItemGuide,
  getJurisdiction,
  listAgencies,
  type Agency,
  type CodeEntry,
  type ItemGuide,
  type Jurisdiction,
} from '../catalog/index.js';
import { browseItems, searchItems, type FacetValue, type ItemFilters as SearchFilters, type ItemSummary, type SearchResult } from '../search/index.js';

export type { Agency, CodeEntry, ItemGuide, Jurisdiction };

/** The filters a listing can carry; every listing is scoped to a jurisdiction and its descendants. */
export type ItemFilters = SearchFilters & { jurisdiction: string };
export type ItemHit = ItemSummary;
export type { FacetValue, SearchResult };

export const FACET_NAMES = ['jurisdiction', 'agency', 'type', 'audience', 'topic', 'stars'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface BrowsePage {
  total: number;
  /** False when `total` is a lower bound (the count stops at a cap). */
  totalExact: boolean;
  hits: ItemHit[];
}

export const findJurisdiction = (db: Queryable, code: string): Promise<Jurisdiction | null> => getJurisdiction(db, code);
export const findAgency = (db: Queryable, id: number): Promise<Agency | null> => getAgency(db, id);
export const findItemGuide = (db: Queryable, code: string): Promise<ItemGuide | null> => getItemGuide(db, code);
/** The agencies of one jurisdiction itself (not of the areas under it). */
export const agenciesOf = (db: Queryable, jurisdiction: string): Promise<Agency[]> => listAgencies(db, { jurisdiction });
export const codes = (db: Queryable, list: string): Promise<CodeEntry[]> => codeList(db, list);

export interface AgencyPowers {
  agency: { id: number; name: string; jurisdictionCode: string };
  total: number;
  counts: { typeCode: string; count: number }[];
}

/** Published items per agency of one jurisdiction itself, by item type (阳光政务). */
export const powersByAgency = (db: Queryable, jurisdiction: string): Promise<AgencyPowers[]> => agencyPowerCounts(db, { jurisdiction });

/** Search (or, with an empty query, the most popular items) with facets over the capped candidates. */
export const searchListing = (db: Queryable, q: string, filters: ItemFilters, page: number, pageSize: number): Promise<SearchResult> =>
  searchItems(db, { q, ...filters, page, pageSize });

/** A plain filtered list, most popular first, without facets. */
export async function browseListing(db: Queryable, filters: ItemFilters, page: number, pageSize: number): Promise<BrowsePage> {
  const result = await browseItems(db, { ...filters, page, pageSize });
  return { total: result.total, totalExact: result.totalExact, hits: result.items };
}
