import type { Queryable } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import type { ItemFilters, ItemSummary, SearchMode, SearchParams, SearchResult } from '../model.js';
import { planQuery } from '../query-plan.js';
import { buildFacets, facetCounts, pageTiers, rankRows, titleTier, type FacetCount, type TieredRow } from '../results.js';
import { checkQuery } from '../segment.js';
import {
  agencyCounts,
  agencyMatches,
  agencyNames,
  browseDocuments,
  findJurisdiction,
  jurisdictionNames,
  matchQuery,
  similarTexts,
  tallyCounts,
  topDocuments,
  trigramUsable,
  type CandidateRow,
  type DocumentFilters,
  type JurisdictionRef,
  type Scope,
} from '../search.repository.js';
import { cachedSynonyms } from '../synonyms.js';

/**
 * Documents reached only through their agency's name (杭州 in 杭州公积金) are read row by row, at
 * most this many; beyond it `total` is a lower bound (`totalExact: false`).
 */
export const AGENCY_PATH_LIMIT = 2000;

/** The agency facet counts documents one by one (no tally holds agencies): only up to this total. */
export const AGENCY_FACET_LIMIT = 2000;

/** Similar names (pg_trgm fallback) considered. */
const SIMILAR_LIMIT = 50;

/** Query groups beyond this are not combined with agency names (a bitmask per agency). */
const MAX_MASK_GROUPS = 30;

export function toDocumentFilters(f: ItemFilters): DocumentFilters {
  return { jurisdiction: f.jurisdiction, agency: f.agency, type: f.type, audience: f.audience, topic: f.topic, minStars: f.stars };
}

export function toSummary(r: CandidateRow): ItemSummary {
  return {
    code: r.implementation_code,
    name: r.name,
    agency: { id: r.agency_id, name: r.agency_name },
    jurisdiction: { code: r.jurisdiction_code, name: r.jurisdiction_name },
    type: r.type_code,
    stars: r.stars,
  };
}

/** Jurisdictions are reference data: each process keeps the ones it has found (not the misses). */
const scopeCache = new WeakMap<object, Map<string, JurisdictionRef>>();

/** The jurisdiction filter must name a real jurisdiction: an unknown code is a 404, not an empty list. */
export async function resolveScope(db: Queryable, code: string | undefined): Promise<JurisdictionRef | undefined> {
  if (code === undefined) return undefined;
  let cache = scopeCache.get(db);
  if (!cache) scopeCache.set(db, (cache = new Map()));
  const scope = cache.get(code) ?? (await findJurisdiction(db, code));
  if (!scope) throw new AppError('not_found', { message: `没有行政区划 ${code} / No jurisdiction with code ${code}.` });
  cache.set(code, scope);
  return scope;
}

function toScope(ref: JurisdictionRef): Scope {
  const ancestors = ref.ancestors.includes(ref.code) ? ref.ancestors : [...ref.ancestors, ref.code];
  return { code: ref.code, depth: ancestors.length, ancestors };
}

const trigramCache = new WeakMap<object, Promise<boolean>>();
function cachedTrigramUsable(db: Queryable): Promise<boolean> {
  let usable = trigramCache.get(db);
  if (!usable) {
    usable = trigramUsable(db).catch(() => false);
    trigramCache.set(db, usable);
  }
  return usable;
}

/** What a query matched: texts with their tiers, and documents found through agency names. */
interface Matches {
  mode: SearchMode;
  texts: { id: number; tier: number }[];
  /** Read while the texts are counted (the two do not depend on each other). */
  viaAgency: Promise<AgencyPath>;
  /** The texts that do not match, when they are fewer than those that do (facets are then every text minus these). */
  otherTexts?: number[] | undefined;
}

interface Context {
  db: Queryable;
  scope: Scope | undefined;
  filters: DocumentFilters;
}

/** Documents found through their agency's name; `capped`: the path stopped at AGENCY_PATH_LIMIT. */
interface AgencyPath {
  rows: TieredRow[];
  capped: boolean;
}
const NO_AGENCY_PATH: Promise<AgencyPath> = Promise.resolve({ rows: [], capped: false });

const bits = (groups: number[]) => groups.reduce((mask, g) => (g <= MAX_MASK_GROUPS ? mask | (1 << (g - 1)) : mask), 0);

/** Text ids up to `maxId` not in `ids`, when they are fewer than `ids` (ids are dense: an identity, never deleted). */
function otherTexts(ids: number[], maxId: number): number[] | undefined {
  if (ids.length * 2 <= maxId) return undefined;
  const matched = new Set(ids);
  const others: number[] = [];
  for (let id = 1; id <= maxId; id++) if (!matched.has(id)) others.push(id);
  return others;
}

/** Full-text matches for 'all' (every group) or, when nothing has all, 'any' (some group). */
async function fullText(ctx: Context, q: string, counts: (m: Matches) => Promise<Counted>): Promise<Counted | undefined> {
  const plan = planQuery(q, await cachedSynonyms(ctx.db));
  if (plan.groups.length === 0) return undefined;
  const { texts, agencies, maxTextId } = await matchQuery(ctx.db, {
    any: plan.any,
    groups: plan.groups,
    titleGroups: plan.titleGroups,
    withAgencies: plan.groups.length <= MAX_MASK_GROUPS,
  });
  const full = plan.groups.length <= MAX_MASK_GROUPS ? 2 ** plan.groups.length - 1 : -1;
  const textMasks = texts.map((t) => ({ id: t.id, mask: bits(t.groups) }));
  const tiers = new Map(texts.map((t) => [t.id, titleTier(t.name === q, t.title_hits)]));
  const modes: ('all' | 'any')[] = plan.groups.length > 1 ? ['all', 'any'] : ['all'];
  let last: Counted | undefined;
  for (const mode of modes) {
    const satisfied = (t: { groups: number[] }) => (mode === 'all' ? t.groups.length === plan.groups.length : t.groups.length > 0);
    let viaAgency = NO_AGENCY_PATH;
    // Only agencies whose name completes some text's match (or matches on its own) can add documents.
    const textOnly = (mask: number) => (mode === 'all' ? mask === full : mask !== 0);
    const partial = [0, ...new Set(textMasks.map((t) => t.mask).filter((mask) => !textOnly(mask)))];
    const helpful = agencies.map((a) => ({ id: a.id, mask: bits(a.groups) })).filter((a) => partial.some((mask) => textOnly(mask | a.mask)));
    if (helpful.length > 0) {
      viaAgency = agencyMatches(ctx.db, {
        agencies: helpful,
        texts: textMasks,
        full,
        mode,
        scope: ctx.scope,
        filters: ctx.filters,
        limit: AGENCY_PATH_LIMIT + 1,
      }).then((rows) => ({
        rows: rows.slice(0, AGENCY_PATH_LIMIT).map((r) => ({ ...r, tier: tiers.get(r.text_id) ?? titleTier(r.name === q, 0) })),
        capped: rows.length > AGENCY_PATH_LIMIT,
      }));
    }
    const matched = texts.filter(satisfied);
    last = await counts({
      mode,
      texts: matched.map((t) => ({ id: t.id, tier: tiers.get(t.id)! })),
      otherTexts: otherTexts(matched.map((t) => t.id), maxTextId),
      viaAgency,
    });
    if (last.total > 0) return last;
  }
  return last;
}

interface Counted {
  mode: SearchMode;
  total: number;
  totalExact: boolean;
  hits: CandidateRow[];
  facets: FacetCount[];
}

/**
 * Totals, facets and one page for matched texts (null: every document, no query). Counts come from
 * the tally (exact), documents from the per-text B-trees, only for the tiers the page needs.
 */
async function countAndPage(ctx: Context, m: Matches | null, page: { offset: number; size: number }): Promise<Counted> {
  const textIds = m === null ? null : m.texts.map((t) => t.id);
  const [tally, agencyPath] = await Promise.all([
    textIds !== null && textIds.length === 0 ? [] : tallyCounts(ctx.db, { textIds, otherIds: m?.otherTexts, scope: ctx.scope, filters: ctx.filters }),
    m?.viaAgency ?? NO_AGENCY_PATH,
  ]);
  const perText = new Map<number, number>();
  const facets: FacetCount[] = [];
  const provinces = tally.filter((r) => r.facet === 'province');
  for (const r of tally) {
    if (r.facet === 'text') perText.set(Number(r.value), r.n);
    else if (r.facet === 'child') {
      if (ctx.scope || provinces.length <= 1) facets.push({ facet: 'jurisdiction', value: r.value, count: r.n });
    } else if (r.facet === 'province') {
      if (!ctx.scope && provinces.length > 1) facets.push({ facet: 'jurisdiction', value: r.value, count: r.n });
    } else facets.push({ facet: r.facet, value: r.value, count: r.n, name: r.name ?? undefined });
  }
  const viaAgency = agencyPath.rows;
  const facetRoot = ctx.scope?.code ?? (provinces.length === 1 ? provinces[0]!.value : undefined);
  facets.push(...facetCounts(viaAgency, facetRoot));
  const titleTotal = [...perText.values()].reduce((a, b) => a + b, 0);
  const total = titleTotal + viaAgency.length;

  // The agency facet of a small result and the page are read at the same time.
  const countAgencies = !tally.some((r) => r.facet === 'agency') && total > 0 && total - viaAgency.length <= AGENCY_FACET_LIMIT && textIds !== null;
  const [counted, hits] = await Promise.all([
    countAgencies ? agencyCounts(ctx.db, { textIds: [...perText.keys()], scope: ctx.scope, filters: ctx.filters }) : [],
    readPage(ctx, m, page, perText, viaAgency),
  ]);
  facets.push(...counted.map((a): FacetCount => ({ facet: 'agency', value: String(a.id), count: a.n, name: a.name })));
  return { mode: m?.mode ?? 'browse', total, totalExact: !agencyPath.capped, hits, facets: await nameFacets(ctx.db, facets) };
}

/** One page: the tiers it overlaps, their texts' top documents and the agency-path rows, ranked. */
async function readPage(
  ctx: Context,
  m: Matches | null,
  page: { offset: number; size: number },
  perText: Map<number, number>,
  viaAgency: TieredRow[],
): Promise<CandidateRow[]> {
  if (m === null) return browseDocuments(ctx.db, { filters: ctx.filters, offset: page.offset, limit: page.size });
  const tierOf = new Map(m.texts.map((t) => [t.id, t.tier]));
  const tierCounts = new Map<number, number>();
  const count = (tier: number, n: number) => tierCounts.set(tier, (tierCounts.get(tier) ?? 0) + n);
  for (const [id, n] of perText) count(tierOf.get(id)!, n);
  for (const r of viaAgency) count(r.tier, 1);
  const { skip, tiers } = pageTiers(tierCounts, page.offset, page.size);
  const limit = page.offset + page.size - skip;
  const texts = m.texts.filter((t) => tiers.has(t.tier) && perText.has(t.id));
  const top = texts.length === 0 ? [] : await topDocuments(ctx.db, { texts, scope: ctx.scope, filters: ctx.filters, limit });
  const merged = rankRows([...top, ...viaAgency.filter((r) => tiers.has(r.tier))]);
  return merged.slice(page.offset - skip, page.offset - skip + page.size);
}

/** Jurisdiction names are reference data: each process keeps the ones it has looked up. */
const jurisdictionNameCache = new WeakMap<object, Map<string, string>>();
async function cachedJurisdictionNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  let cache = jurisdictionNameCache.get(db);
  if (!cache) jurisdictionNameCache.set(db, (cache = new Map()));
  const missing = codes.filter((c) => !cache.has(c));
  for (const [code, name] of await jurisdictionNames(db, missing)) cache.set(code, name);
  return cache;
}

/** Names for the jurisdiction and agency facet values. */
async function nameFacets(db: Queryable, counts: FacetCount[]): Promise<FacetCount[]> {
  const unnamed = (facet: FacetCount['facet']) => [...new Set(counts.filter((c) => c.facet === facet && c.name === undefined).map((c) => c.value))];
  const [jurisdictions, agencies] = await Promise.all([
    cachedJurisdictionNames(db, unnamed('jurisdiction')),
    agencyNames(db, unnamed('agency').map(Number)),
  ]);
  return counts.map((c) =>
    c.name !== undefined ? c
    : c.facet === 'jurisdiction' ? { ...c, name: jurisdictions.get(c.value) ?? c.value }
    : c.facet === 'agency' ? { ...c, name: agencies.get(Number(c.value)) ?? c.value }
    : c,
  );
}

/** Full-text search with filters, ranking, facets and paging (the API and the search page share it). */
export async function searchItems(db: Queryable, params: SearchParams): Promise<SearchResult> {
  const q = checkQuery(params.q ?? '');
  const ref = await resolveScope(db, params.jurisdiction);
  const ctx: Context = { db, scope: ref ? toScope(ref) : undefined, filters: toDocumentFilters(params) };
  const page = { offset: (params.page - 1) * params.pageSize, size: params.pageSize };
  const run = (m: Matches | null) => countAndPage(ctx, m, page);

  let found: Counted | undefined;
  if (q === '') found = await run(null);
  else {
    found = await fullText(ctx, q, run);
    if ((found === undefined || found.total === 0) && (await cachedTrigramUsable(db))) {
      const similar = await similarTexts(db, q, SIMILAR_LIMIT);
      // Similarity is the tier: more similar names first, then popularity.
      const matched = similar.length === 0 ? undefined : await run({ mode: 'similar', texts: similar.map((s) => ({ id: s.id, tier: s.similarity })), viaAgency: NO_AGENCY_PATH });
      if (matched && matched.total > 0) found = matched;
    }
  }
  found ??= { mode: 'none', total: 0, totalExact: true, hits: [], facets: [] };
  return {
    query: q,
    mode: found.mode,
    total: found.total,
    totalExact: found.totalExact,
    page: params.page,
    pageSize: params.pageSize,
    hits: found.hits.map(toSummary),
    facets: buildFacets(found.facets),
    scope: ref ? { code: ref.code, name: ref.name } : null,
  };
}
