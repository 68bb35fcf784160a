import type { CandidateRow } from './search.repository.js';

/**
 * Ranking, paging and facet counting (pure functions).
 *
 * Ranking (排序): exact title match first, then the number of query groups found in the title,
 * then popularity (办件量), then item id so that pages are stable. The first two keys depend on the
 * title only, so they are one number per text, its tier; documents are ordered by (tier, popularity, id).
 */
const EXACT_TIER = 1000;

/** The tier of a text: exact title match above any number of title hits. */
export function titleTier(exact: boolean, titleHits: number): number {
  return (exact ? EXACT_TIER : 0) + titleHits;
}

export interface TieredRow extends CandidateRow {
  tier: number;
}

/** Distinct rows in rank order: tier, then popularity, then item id. */
export function rankRows<T extends TieredRow>(rows: T[]): T[] {
  const seen = new Set<number>();
  const distinct = rows.filter((r) => !seen.has(r.item_id) && seen.add(r.item_id));
  return distinct.sort((a, b) => b.tier - a.tier || b.popularity - a.popularity || a.item_id - b.item_id);
}

/**
 * Which tiers a page needs, given how many documents each tier holds: `skip` documents lie in
 * higher tiers before the page, and `tiers` are the ones that overlap positions [offset, offset + limit).
 */
export function pageTiers(counts: Map<number, number>, offset: number, limit: number): { skip: number; tiers: Set<number> } {
  let start = 0;
  let skip = 0;
  const tiers = new Set<number>();
  for (const tier of [...counts.keys()].sort((a, b) => b - a)) {
    const end = start + counts.get(tier)!;
    if (end <= offset) skip = end;
    else if (start < offset + limit) tiers.add(tier);
    start = end;
  }
  return { skip, tiers };
}

export interface FacetValue {
  /** The value to filter by: a jurisdiction code, agency id, type code, audience code, topic code or star count. */
  value: string;
  /** A display name where the search module knows it (jurisdictions, agencies); code lists are labelled by the page. */
  name?: string;
  count: number;
}

export interface Facets {
  /** Children of the scope jurisdiction (下级区划) with their counts. */
  jurisdiction: FacetValue[];
  /** The agencies with the most matches, at most AGENCY_FACET_SIZE. */
  agency: FacetValue[];
  type: FacetValue[];
  audience: FacetValue[];
  topic: FacetValue[];
  /** Count per exact star rating (0–5). */
  stars: FacetValue[];
}

export const AGENCY_FACET_SIZE = 10;

/** One counted facet value (what SQL aggregates or computeFacets yields). */
export interface FacetCount {
  facet: keyof Facets;
  value: string;
  count: number;
  name?: string | undefined;
}

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);
const byValue = (a: FacetValue, b: FacetValue) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * Facets from counted values, summing repeats (counts from several sources add up): jurisdictions by
 * count, the AGENCY_FACET_SIZE largest agencies, code lists in code order, stars from 5 down.
 */
export function buildFacets(counts: Iterable<FacetCount>): Facets {
  const merged = new Map<string, FacetCount>();
  for (const c of counts) {
    const key = `${c.facet}\u0000${c.value}`;
    const entry = merged.get(key);
    if (entry) {
      entry.count += c.count;
      entry.name ??= c.name;
    } else merged.set(key, { ...c });
  }
  const of = (facet: keyof Facets) =>
    [...merged.values()]
      .filter((c) => c.facet === facet && c.count > 0)
      .map((c): FacetValue => ({ value: c.value, ...(c.name === undefined ? {} : { name: c.name }), count: c.count }));
  return {
    jurisdiction: of('jurisdiction').sort(byCount),
    agency: of('agency').sort(byCount).slice(0, AGENCY_FACET_SIZE),
    type: of('type').sort(byValue),
    audience: of('audience').sort(byValue),
    topic: of('topic').sort(byValue),
    stars: of('stars').sort(byValue).reverse(),
  };
}

/** Facet values of rows, one count each; jurisdiction children are the codes one level below `scope`. */
export function facetCounts(rows: CandidateRow[], scope: string | undefined): FacetCount[] {
  const counts: FacetCount[] = [];
  for (const r of rows) {
    const depth = scope === undefined ? 0 : r.jurisdictions.indexOf(scope) + 1;
    const child = depth > 0 || scope === undefined ? r.jurisdictions[depth] : undefined;
    if (child !== undefined) counts.push({ facet: 'jurisdiction', value: child, count: 1, name: child === r.jurisdiction_code ? r.jurisdiction_name : undefined });
    counts.push({ facet: 'agency', value: String(r.agency_id), count: 1, name: r.agency_name });
    counts.push({ facet: 'type', value: r.type_code, count: 1 });
    for (const a of new Set(r.audiences)) counts.push({ facet: 'audience', value: a, count: 1 });
    for (const t of new Set(r.topics)) counts.push({ facet: 'topic', value: t, count: 1 });
    counts.push({ facet: 'stars', value: String(r.stars), count: 1 });
  }
  return counts;
}

/** Facet counts over the rows (see facetCounts and buildFacets). */
export function computeFacets(rows: CandidateRow[], scope: string | undefined): Facets {
  return buildFacets(facetCounts(rows, scope));
}
