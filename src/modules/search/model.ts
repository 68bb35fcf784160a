/** The search module's data shapes: what the catalogue hands in, and what searches return. */
import type { Facets } from './results.js';

export type { Facets, FacetValue } from './results.js';

/** What the catalogue hands to the index for each published implementation item. */
export interface SearchDocumentInput {
  itemId: number;
  implementationCode: string;
  name: string;
  basicCode: string;
  agency: { id: number; name: string };
  jurisdiction: { code: string; name: string; ancestors: string[] };
  typeCode: string;
  /** 服务对象 codes */
  audiences: string[];
  /** Topic codes, prefixed by list: 'p:01' person, 'b:03' business, 'c:09' convenience. */
  topics: string[];
  stars: number;
  popularity: number;
  /** Extra searchable text with a lower weight (e.g. result names, acceptance conditions). */
  extraText?: string;
}

/** A jurisdiction as search keeps it (行政区划): `ancestors` runs from the root and may end with the code itself. */
export interface JurisdictionInput {
  code: string;
  name: string;
  ancestors: string[];
}

/** Filters shared by search and browse; every one is optional. */
export interface ItemFilters {
  /** A jurisdiction code: the jurisdiction and all its descendants (含下级). */
  jurisdiction?: string | undefined;
  agency?: number | undefined;
  /** 事项类型 code */
  type?: string | undefined;
  /** 服务对象 code */
  audience?: string | undefined;
  /** Topic code with its list prefix, e.g. 'c:09'. */
  topic?: string | undefined;
  /** Minimum star rating. */
  stars?: number | undefined;
}

export interface Paging {
  /** 1-based */
  page: number;
  /** At most MAX_PAGE_SIZE */
  pageSize: number;
}

export interface SearchParams extends ItemFilters, Paging {
  q?: string | undefined;
}

/** One item in a result list (search hit or browse entry). */
export interface ItemSummary {
  /** 实施编码 */
  code: string;
  name: string;
  agency: { id: number; name: string };
  jurisdiction: { code: string; name: string };
  /** 事项类型 code */
  type: string;
  stars: number;
}

/**
 * How the results were found: every query term ('all'), some of them when no item has all ('any'),
 * similar names when full-text search found nothing ('similar'), no query ('browse'), or nothing
 * searchable in the query ('none').
 */
export type SearchMode = 'all' | 'any' | 'similar' | 'browse' | 'none';

export interface SearchResult {
  query: string;
  mode: SearchMode;
  /** Number of matches; a lower bound when `totalExact` is false (more matches than the candidate cap). */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  hits: ItemSummary[];
  /** Counted over the same candidates as `total`. */
  facets: Facets;
  /** The jurisdiction filter, resolved. */
  scope: { code: string; name: string } | null;
}

export interface BrowseResult {
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  items: ItemSummary[];
}

export const MAX_PAGE_SIZE = 50;
