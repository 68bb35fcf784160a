/**
 * All SQL of the search module. The read model lives in schema `search`, jurisdiction names and
 * paths included (search.jurisdiction, written by the catalogue through indexJurisdictions): search
 * reads no other schema.
 *
 * Layout (migration 0005): full-text matching runs on the small tables search.text (one row per
 * distinct item text) and search.agency; documents are reached by B-tree per text; search.tally
 * holds exact counts per text, region and facet values. See the module README.
 */
import { queryInBatches } from '../../platform/db/batches.js';
import type { Queryable } from '../../platform/db/index.js';
import type { JurisdictionInput } from './model.js';
import type { Synonym } from './query-plan.js';

/** A document as indexDocuments hands it to the repository (tokens already cut). */
export interface DocumentRow {
  item_id: number;
  implementation_code: string;
  name: string;
  basic_code: string;
  agency_id: number;
  agency_name: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  jurisdictions: string[];
  type_code: string;
  audiences: string[];
  topics: string[];
  stars: number;
  popularity: number;
  title_tokens: string;
  /** The item's own extra text, without the words of its title. */
  extra_tokens: string;
  agency_tokens: string;
}

/** What a search or browse query reads of a document. */
export interface CandidateRow {
  item_id: number;
  implementation_code: string;
  name: string;
  agency_id: number;
  agency_name: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  jurisdictions: string[];
  type_code: string;
  audiences: string[];
  topics: string[];
  stars: number;
  popularity: number;
}

export interface DocumentFilters {
  jurisdiction?: string | undefined;
  agency?: number | undefined;
  type?: string | undefined;
  audience?: string | undefined;
  topic?: string | undefined;
  minStars?: number | undefined;
}

/**
 * A jurisdiction scope resolved to the document column that serves it: depth 1 province_code,
 * 2 city_code, 3 county_code, deeper the jurisdiction path itself.
 */
export interface Scope {
  code: string;
  depth: number;
  /** The scope's path from the root, itself included. */
  ancestors: string[];
}

const candidateColumns = (alias: string) =>
  ['item_id', 'implementation_code', 'name', 'agency_id', 'agency_name', 'jurisdiction_code', 'jurisdiction_name',
    'jurisdictions', 'type_code', 'audiences', 'topics', 'stars', 'popularity'].map((c) => `${alias}.${c}`).join(', ');
const CANDIDATE_COLUMNS = candidateColumns('d');

/** Parameter collector: `add(value)` returns its `$n`. */
function paramList(initial: unknown[] = []) {
  const params = [...initial];
  return { params, add: (value: unknown) => `$${params.push(value)}` };
}

/** WHERE fragments (each starting with AND) for the filters on documents aliased `d`. */
function filterSql(filters: DocumentFilters, add: (v: unknown) => string, options: { scope?: Scope | undefined } = {}): string {
  const where: string[] = [];
  if (options.scope) where.push(scopeSql('d', options.scope, add));
  else if (filters.jurisdiction !== undefined) where.push(`d.jurisdictions @> ARRAY[${add(filters.jurisdiction)}::text]`);
  if (filters.agency !== undefined) where.push(`d.agency_id = ${add(filters.agency)}`);
  where.push(...valueFilterSql('d', filters, add));
  return where.map((w) => ` AND ${w}`).join('');
}

/** Filters on the columns that documents and tally rows share. */
function valueFilterSql(alias: string, filters: DocumentFilters, add: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (filters.type !== undefined) where.push(`${alias}.type_code = ${add(filters.type)}`);
  if (filters.audience !== undefined) where.push(`${alias}.audiences @> ARRAY[${add(filters.audience)}::text]`);
  if (filters.topic !== undefined) where.push(`${alias}.topics @> ARRAY[${add(filters.topic)}::text]`);
  if (filters.minStars !== undefined) where.push(`${alias}.stars >= ${add(filters.minStars)}`);
  return where;
}

/** The scope as an equality on the column its depth indexes (so the per-text B-trees apply). */
function scopeSql(alias: string, scope: Scope, add: (v: unknown) => string): string {
  const code = add(scope.code);
  if (scope.depth === 1) return `${alias}.province_code = ${code}`;
  if (scope.depth === 2) return `${alias}.city_code = ${code}`;
  if (scope.depth === 3) return `${alias}.county_code = ${code}`;
  return `${alias}.county_code = ${add(scope.ancestors[2])} AND ${alias}.jurisdictions[${scope.depth}] = ${code}`;
}

const DOCUMENT_RECORD = `item_id bigint, implementation_code text, name text, basic_code text, agency_id bigint, agency_name text,
  jurisdiction_code text, jurisdiction_name text, jurisdictions text[], type_code text, audiences text[], topics text[],
  stars smallint, popularity int, title_tokens text, extra_tokens text, agency_tokens text`;

/**
 * The tally keys of a document (source aliased `s`, joined with `g(grain)` and `x(text_id)`): grain 1
 * (province), 2 (city), 3 (county), each under its own text and under text 0 (every text).
 */
const TALLY_KEY = `g.grain, x.text_id, s.province_code, CASE WHEN g.grain >= 2 THEN s.city_code ELSE '' END,
  CASE WHEN g.grain = 3 THEN s.county_code ELSE '' END, s.type_code, s.stars, s.audiences, s.topics`;
const TALLY_EXPAND = 'CROSS JOIN (VALUES (1), (2), (3)) AS g(grain) CROSS JOIN LATERAL (VALUES (s.text_id), (0)) AS x(text_id)';
const TALLY_COLUMNS = 'grain, text_id, province_code, city_code, county_code, type_code, stars, audiences, topics';
/** The primary key's column order: rows are locked in this order, so concurrent publishers do not deadlock. */
const TALLY_PK = 'grain, text_id, city_code, county_code, province_code, type_code, stars, audiences, topics';

/**
 * Insert or replace documents (the caller batches): texts and agencies are added when new, replaced
 * documents are taken out of the tally first, and the new ones counted in.
 */
export async function upsertDocuments(tx: Queryable, rows: DocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await deleteDocuments(tx, rows.map((r) => r.item_id));
  await tx.query(
    `INSERT INTO search.text (name, title_tokens, extra_tokens)
     SELECT DISTINCT r.name, r.title_tokens, r.extra_tokens FROM jsonb_to_recordset($1::jsonb) AS r(${DOCUMENT_RECORD})
     ON CONFLICT (name, md5(extra_tokens)) DO NOTHING`,
    [json],
  );
  await tx.query(
    `INSERT INTO search.agency (id, name, tokens)
     SELECT DISTINCT ON (r.agency_id) r.agency_id, r.agency_name, r.agency_tokens FROM jsonb_to_recordset($1::jsonb) AS r(${DOCUMENT_RECORD})
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, tokens = EXCLUDED.tokens
     WHERE (search.agency.name, search.agency.tokens) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.tokens)`,
    [json],
  );
  await tx.query(
    `WITH inserted AS (
       INSERT INTO search.document (item_id, implementation_code, text_id, name, basic_code, agency_id, agency_name,
         jurisdiction_code, jurisdiction_name, jurisdictions, province_code, city_code, county_code,
         type_code, audiences, topics, stars, popularity)
       SELECT r.item_id, r.implementation_code, t.id, r.name, r.basic_code, r.agency_id, r.agency_name,
         r.jurisdiction_code, r.jurisdiction_name, r.jurisdictions, coalesce(r.jurisdictions[1], ''),
         coalesce(r.jurisdictions[2], ''), coalesce(r.jurisdictions[3], ''),
         r.type_code, r.audiences, r.topics, r.stars, r.popularity
       FROM jsonb_to_recordset($1::jsonb) AS r(${DOCUMENT_RECORD})
       JOIN search.text t ON t.name = r.name AND md5(t.extra_tokens) = md5(r.extra_tokens)
       RETURNING text_id, province_code, city_code, county_code, type_code, stars, audiences, topics)
     INSERT INTO search.tally (${TALLY_COLUMNS}, n)
     SELECT ${TALLY_KEY}, count(*) FROM inserted s ${TALLY_EXPAND}
     GROUP BY ${TALLY_KEY} ORDER BY 1, 2, 4, 5, 3, 6, 7, 8, 9
     ON CONFLICT (${TALLY_PK}) DO UPDATE SET n = search.tally.n + EXCLUDED.n`,
    [json],
  );
  // One suggestion per distinct name, ranked by its most popular implementation.
  await tx.query(
    `INSERT INTO search.suggestion (name, popularity)
     SELECT r.name, max(r.popularity) FROM jsonb_to_recordset($1::jsonb) AS r(name text, popularity int) GROUP BY r.name
     ON CONFLICT (name) DO UPDATE SET popularity = GREATEST(search.suggestion.popularity, EXCLUDED.popularity)`,
    [JSON.stringify(rows.map((r) => ({ name: r.name, popularity: r.popularity })))],
  );
}

/** Delete documents and take them out of the tally (rows that reach 0 stay; queries skip them). */
export async function deleteDocuments(tx: Queryable, itemIds: number[]): Promise<void> {
  const same = TALLY_COLUMNS.split(', ').map((c) => `t.${c} = c.${c}`).join(' AND ');
  await tx.query(
    `WITH gone AS (
       DELETE FROM search.document WHERE item_id = ANY($1::bigint[])
       RETURNING text_id, province_code, city_code, county_code, type_code, stars, audiences, topics),
     counted AS (SELECT ${TALLY_KEY}, count(*)::int AS n FROM gone s ${TALLY_EXPAND} GROUP BY ${TALLY_KEY}),
     locked AS (
       SELECT c.* FROM search.tally t JOIN counted c(${TALLY_COLUMNS}, n) ON ${same}
       ORDER BY ${TALLY_PK.split(', ').map((c) => `t.${c}`).join(', ')} FOR UPDATE OF t)
     UPDATE search.tally t SET n = t.n - c.n FROM locked c WHERE ${same}`,
    [itemIds],
  );
}

export async function listSynonyms(db: Queryable): Promise<Synonym[]> {
  return db.query<Synonym>('SELECT term, expansion FROM search.synonym ORDER BY term, expansion');
}

/** True when pg_trgm understands Chinese here (UTF-8 ctype) and the migration built the index. */
export async function trigramUsable(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ ok: boolean }>(
    `SELECT to_regclass('search.text_name_trgm') IS NOT NULL AND cardinality(show_trgm('营业执照')) > 0 AS ok`,
  );
  return row?.ok === true;
}

/** A text that matches some query groups: which ones (1-based), and how many in the title. */
export interface MatchedText {
  id: number;
  name: string;
  groups: number[];
  title_hits: number;
}

/** An agency whose name matches some query groups. */
export interface MatchedAgency {
  id: number;
  groups: number[];
}

/**
 * In one statement: the texts matching any group, with the groups each matches and the number
 * matched in its title (`:A`); the agencies whose names match any group (when `withAgencies`); and
 * the highest text id. The group queries arrive as tsquery literals (parsed once, not per row):
 * they hold only quoted lower-case lexemes, which 'simple' would keep as they are.
 */
export async function matchQuery(
  db: Queryable,
  args: { any: string; groups: string[]; titleGroups: string[]; withAgencies: boolean },
): Promise<{ texts: MatchedText[]; agencies: MatchedAgency[]; maxTextId: number }> {
  const rows = await db.query<MatchedText & { kind: 'text' | 'agency' | 'max' }>(
    `SELECT 'text' AS kind, t.id, t.name,
       ARRAY(SELECT g.i::int FROM unnest($2::tsquery[]) WITH ORDINALITY AS g(q, i) WHERE t.tsv @@ g.q) AS groups,
       (SELECT count(*) FROM unnest($3::tsquery[]) AS g(q) WHERE t.tsv @@ g.q)::int AS title_hits
     FROM search.text t WHERE t.tsv @@ to_tsquery('simple', $1)
     UNION ALL
     SELECT 'agency', a.id, NULL, ARRAY(SELECT g.i::int FROM unnest($2::tsquery[]) WITH ORDINALITY AS g(q, i) WHERE a.tsv @@ g.q), 0
     FROM search.agency a WHERE $4 AND a.tsv @@ to_tsquery('simple', $1)
     UNION ALL
     SELECT 'max', coalesce(max(t.id), 0), NULL, NULL, 0 FROM search.text t`,
    [args.any, args.groups, args.titleGroups, args.withAgencies],
  );
  return {
    texts: rows.filter((r) => r.kind === 'text'),
    agencies: rows.filter((r) => r.kind === 'agency').map((r) => ({ id: Number(r.id), groups: r.groups })),
    maxTextId: rows.find((r) => r.kind === 'max')?.id ?? 0,
  };
}

/** Texts whose names are similar to `text` (pg_trgm word similarity), most similar first. */
export async function similarTexts(db: Queryable, text: string, limit: number): Promise<{ id: number; name: string; similarity: number }[]> {
  return db.query<{ id: number; name: string; similarity: number }>(
    `SELECT t.id, t.name, word_similarity($1, t.name) AS similarity FROM search.text t
     WHERE $1 <% t.name ORDER BY similarity DESC, t.id LIMIT $2`,
    [text, limit],
  );
}

/**
 * Documents reached through their agency's name: those of `agencies` (id with the bitmask of groups
 * its name matches) whose own text mask (from `texts`, 0 when absent) completes the match
 * (`all`: every group; `any`: some) while the text alone does not. At most `limit` rows.
 */
export async function agencyMatches(
  db: Queryable,
  args: {
    agencies: { id: number; mask: number }[];
    texts: { id: number; mask: number }[];
    full: number;
    mode: 'all' | 'any';
    scope: Scope | undefined;
    filters: DocumentFilters;
    limit: number;
  },
): Promise<(CandidateRow & { text_id: number })[]> {
  // Text masks as a dense array indexed by text id (ids are small identities): one subscript per row.
  // SQL arrays start at 1, so element i of the JS array is the mask of text i + 1.
  const masks: number[] = [];
  for (const t of args.texts) masks[t.id - 1] = t.mask;
  const { params, add } = paramList([
    args.agencies.map((a) => a.id), args.agencies.map((a) => a.mask), Array.from(masks, (m) => m ?? 0), args.full, args.limit,
  ]);
  const satisfied = (mask: string) => (args.mode === 'all' ? `((${mask}) & $4::int) = $4::int` : `((${mask}) & $4::int) <> 0`);
  const textMask = 'coalesce(($3::int[])[d.text_id], 0)';
  const filters = filterSql(args.filters, add, { scope: args.scope });
  // Agency by agency (their documents through document_agency), never a walk over every document.
  return db.query<CandidateRow & { text_id: number }>(
    `SELECT x.* FROM unnest($1::bigint[], $2::int[]) AS a(id, mask)
     CROSS JOIN LATERAL (
       SELECT ${CANDIDATE_COLUMNS}, d.text_id FROM search.document d
       WHERE d.agency_id = a.id AND ${satisfied(`${textMask} | a.mask`)} AND NOT ${satisfied(textMask)}${filters}
       ORDER BY d.popularity DESC, d.item_id LIMIT $5) AS x
     ORDER BY x.popularity DESC, x.item_id LIMIT $5`,
    params,
  );
}

/** One aggregate of a tally: per text, per jurisdiction child, province, type, stars, audience, topic, agency. */
export interface TallyRow {
  facet: 'text' | 'child' | 'province' | 'type' | 'stars' | 'audience' | 'topic' | 'agency';
  value: string;
  n: number;
  /** The agency's name (agency facet only). */
  name: string | null;
}

/**
 * Exact counts of the documents of `textIds` (null: every text) within the scope and filters, per
 * text and per facet value, from search.tally: per-text totals and the type, stars, audience, topic
 * and province facets at the scope's grain (1 unscoped or in a province, 2 in a city, 3 in a county:
 * a few rows per text), the children at the grain below (cities, or counties in a city). Within a
 * county the townships and agencies come from the documents (index-only); within a township, or
 * with an agency filter, everything does. With `otherIds` (the texts that do not match, given when
 * they are fewer) the facets are text 0 (every text) minus those, so a word found in nearly every
 * text costs no more than a rare one.
 */
export async function tallyCounts(
  db: Queryable,
  args: { textIds: number[] | null; otherIds?: number[] | undefined; scope: Scope | undefined; filters: DocumentFilters },
): Promise<TallyRow[]> {
  const { params, add } = paramList();
  const depth = args.scope?.depth ?? 0;
  // `p`: documents per text; `kids`: per child jurisdiction; `agencies`: per agency (within a county
  // or deeper); `src`: rows to count the other facets over (province, type, stars, audiences, topics, n).
  let ctes: string;
  if (depth <= 3 && args.filters.agency === undefined) {
    // Texts as a joined set, not `= ANY`: for many texts the planner then reads the grain's range once.
    const textList = args.textIds === null ? undefined : add(args.textIds);
    const matched = textList === undefined ? 'SELECT 0' : `SELECT unnest(${textList}::int[])`;
    const complement = args.textIds !== null && args.otherIds !== undefined;
    const facetTexts = complement ? `SELECT unnest(${add([0, ...args.otherIds!])}::int[])` : matched;
    const scope = args.scope;
    const scopeWhere = !scope ? []
      : depth === 1 ? [`s.province_code = ${add(scope.code)}`]
      : depth === 2 ? [`s.city_code = ${add(scope.code)}`]
      : [`s.city_code = ${add(scope.ancestors[1])}`, `s.county_code = ${add(scope.code)}`];
    const values = valueFilterSql('s', args.filters, add);
    const where = (grain: number) => [`s.grain = ${grain}`, ...scopeWhere, ...values, 's.n > 0'].join(' AND ');
    const grain = Math.max(depth, 1);
    const n = complement ? 'CASE WHEN s.text_id = 0 THEN s.n ELSE -s.n END' : 's.n';
    const perGrain = `p AS (SELECT s.text_id, sum(s.n)::int AS n FROM search.tally s JOIN (${matched}) AS m(id) ON s.text_id = m.id
             WHERE ${where(grain)} GROUP BY s.text_id),
     src AS (
       SELECT s.province_code, s.type_code, s.stars, s.audiences, s.topics, ${n} AS n
       FROM search.tally s JOIN (${facetTexts}) AS m(id) ON s.text_id = m.id WHERE ${where(grain)})`;
    if (depth < 3) {
      // Only the children need the finer grain; the other facets are counted on the per-text
      // grain's rows, a few per text instead of one per child.
      ctes = `${perGrain},
     kids AS (
       SELECT nullif(${grain === 2 ? 's.county_code' : 's.city_code'}, '') AS child, sum(${n})::int AS n
       FROM search.tally s JOIN (${facetTexts}) AS m(id) ON s.text_id = m.id WHERE ${where(grain + 1)} GROUP BY 1),
     agencies AS (SELECT NULL::bigint AS id, 0 AS n WHERE false)`;
    } else {
      // Within a county the tally has no townships or agencies: those two come from the documents
      // (document_county_text, index-only), the rest from the tally like above.
      const texts = textList === undefined ? '' : ` JOIN unnest(${textList}::int[]) AS m(id) ON d.text_id = m.id`;
      ctes = `${perGrain},
     docs AS MATERIALIZED (
       SELECT d.jurisdictions[4] AS child, d.agency_id FROM search.document d${texts}
       WHERE true${filterSql(args.filters, add, { scope })}),
     kids AS (SELECT child, count(*)::int AS n FROM docs GROUP BY child),
     agencies AS (SELECT agency_id AS id, count(*)::int AS n FROM docs GROUP BY agency_id)`;
    }
  } else {
    const texts = args.textIds === null ? '' : ` JOIN unnest(${add(args.textIds)}::int[]) AS m(id) ON d.text_id = m.id`;
    ctes = `r AS MATERIALIZED (
       SELECT d.text_id, d.jurisdictions[${depth === 0 ? 2 : depth + 1}] AS child, d.province_code, d.type_code, d.stars,
         d.audiences, d.topics, d.agency_id, 1 AS n FROM search.document d${texts}
       WHERE true${filterSql(args.filters, add, { scope: args.scope })}),
     p AS (SELECT text_id, count(*)::int AS n FROM r GROUP BY text_id),
     kids AS (SELECT child, count(*)::int AS n FROM r GROUP BY child),
     agencies AS (SELECT agency_id AS id, count(*)::int AS n FROM r GROUP BY agency_id),
     src AS (SELECT province_code, type_code, stars, audiences, topics, n FROM r)`;
  }
  // The other facets in one pass (grouping sets); the array columns are unnested only per distinct array.
  return db.query<TallyRow>(
    `WITH ${ctes},
     f AS MATERIALIZED (
       SELECT CASE WHEN GROUPING(province_code) = 0 THEN 'province' WHEN GROUPING(type_code) = 0 THEN 'type'
                   WHEN GROUPING(stars) = 0 THEN 'stars' WHEN GROUPING(audiences) = 0 THEN 'audience' ELSE 'topic' END AS facet,
         coalesce(province_code, type_code, stars::text) AS value, coalesce(audiences, topics) AS list, sum(n)::int AS n
       FROM src GROUP BY GROUPING SETS ((province_code), (type_code), (stars), (audiences), (topics)))
     SELECT 'text' AS facet, text_id::text AS value, n, NULL AS name FROM p
     UNION ALL SELECT 'child', child, n, NULL FROM kids WHERE child IS NOT NULL AND n > 0
     UNION ALL SELECT 'agency', g.id::text, g.n, a.name FROM agencies g JOIN search.agency a ON a.id = g.id
     UNION ALL SELECT facet, value, n, NULL FROM f WHERE list IS NULL AND value IS NOT NULL AND n > 0
     UNION ALL SELECT f.facet, v.value, sum(f.n)::int, NULL FROM f CROSS JOIN unnest(f.list) AS v(value) GROUP BY f.facet, v.value HAVING sum(f.n) > 0`,
    params,
  );
}

/** Agency counts, with the agencies' names, for the documents of `textIds` in the scope and filters (used when they are few). */
export async function agencyCounts(
  db: Queryable,
  args: { textIds: number[]; scope: Scope | undefined; filters: DocumentFilters },
): Promise<{ id: number; n: number; name: string }[]> {
  const { params, add } = paramList([args.textIds]);
  const filters = filterSql(args.filters, add, { scope: args.scope });
  return db.query<{ id: number; n: number; name: string }>(
    `SELECT c.id, c.n, a.name FROM (
       SELECT d.agency_id AS id, count(*)::int AS n FROM search.document d WHERE d.text_id = ANY($1::int[])${filters} GROUP BY d.agency_id) AS c
     JOIN search.agency a ON a.id = c.id`,
    params,
  );
}

/**
 * The top `limit` documents of the texts ranked by (tier, popularity, item id), each text carrying a
 * tier (its rank key from the title). Only texts that can reach the top are read: the text-level
 * cut is the `limit`-th best (tier, top popularity) pair, since each text has a document at its
 * top popularity, so no document below the cut can be in the top `limit` (a WAND-style bound).
 * The ranking reads only the per-text B-trees (popularity and item id are in them); the heap is
 * read for the `limit` winners alone.
 */
export async function topDocuments(
  db: Queryable,
  args: { texts: { id: number; tier: number }[]; scope: Scope | undefined; filters: DocumentFilters; limit: number },
): Promise<(CandidateRow & { text_id: number; tier: number })[]> {
  const { params, add } = paramList([args.texts.map((t) => t.id), args.texts.map((t) => t.tier), args.limit]);
  const filters = filterSql(args.filters, add, { scope: args.scope });
  return db.query<CandidateRow & { text_id: number; tier: number }>(
    `WITH m AS MATERIALIZED (
       SELECT t.id, t.tier, (SELECT d.popularity FROM search.document d WHERE d.text_id = t.id${filters}
                             ORDER BY d.popularity DESC, d.item_id LIMIT 1) AS top
       FROM unnest($1::int[], $2::float8[]) AS t(id, tier)),
     cut AS (SELECT tier, top FROM m WHERE top IS NOT NULL ORDER BY tier DESC, top DESC OFFSET $3 - 1 LIMIT 1),
     ranked AS MATERIALIZED (
       SELECT x.item_id, m.id AS text_id, m.tier FROM m LEFT JOIN cut ON true
       CROSS JOIN LATERAL (
         SELECT d.item_id, d.popularity FROM search.document d WHERE d.text_id = m.id${filters}
           AND (cut.tier IS NULL OR m.tier > cut.tier OR d.popularity >= cut.top)
         ORDER BY d.popularity DESC, d.item_id LIMIT $3) AS x
       WHERE m.top IS NOT NULL AND (cut.tier IS NULL OR m.tier > cut.tier OR (m.tier = cut.tier AND m.top >= cut.top))
       ORDER BY m.tier DESC, x.popularity DESC, x.item_id LIMIT $3)
     SELECT ${CANDIDATE_COLUMNS}, r.text_id, r.tier FROM ranked r JOIN search.document d ON d.item_id = r.item_id
     ORDER BY r.tier DESC, d.popularity DESC, d.item_id`,
    params,
  );
}

/** One page of documents matching only the filters, most popular first. */
export async function browseDocuments(
  db: Queryable,
  args: { filters: DocumentFilters; offset: number; limit: number },
): Promise<CandidateRow[]> {
  const { params, add } = paramList([args.limit, args.offset]);
  const filters = filterSql(args.filters, add);
  return db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM search.document d WHERE true${filters}
     ORDER BY d.popularity DESC, d.item_id LIMIT $1 OFFSET $2`,
    params,
  );
}

/** The number of documents matching the filters, counting no further than `cap`. */
export async function countDocuments(db: Queryable, args: { filters: DocumentFilters; cap: number }): Promise<number> {
  const { params, add } = paramList([args.cap]);
  const filters = filterSql(args.filters, add);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM search.document d WHERE true${filters} LIMIT $1) AS s`,
    params,
  );
  return row?.n ?? 0;
}

export interface JurisdictionRef {
  code: string;
  name: string;
  ancestors: string[];
}

const JURISDICTION_BATCH_ROWS = 2000;

/** Insert or update jurisdictions by code. */
export async function upsertJurisdictions(tx: Queryable, rows: readonly JurisdictionInput[]): Promise<void> {
  await queryInBatches(
    tx,
    `INSERT INTO search.jurisdiction (code, name, ancestors)
     SELECT x.code, x.name, x.ancestors FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, ancestors text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, ancestors = EXCLUDED.ancestors
     WHERE (search.jurisdiction.name, search.jurisdiction.ancestors) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.ancestors)`,
    rows.map((r) => ({ code: r.code, name: r.name, ancestors: r.ancestors })),
    JURISDICTION_BATCH_ROWS,
  );
}

export async function findJurisdiction(db: Queryable, code: string): Promise<JurisdictionRef | undefined> {
  const [row] = await db.query<JurisdictionRef>('SELECT code, name, ancestors FROM search.jurisdiction WHERE code = $1', [code]);
  return row;
}

export async function jurisdictionNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; name: string }>('SELECT code, name FROM search.jurisdiction WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function agencyNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; name: string }>('SELECT id, name FROM search.agency WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Up to `limit` distinct item names starting with, then containing, `text`, most popular first. */
export async function suggestNames(db: Queryable, text: string, limit: number): Promise<string[]> {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.query<{ name: string }>(
    `SELECT s.name FROM search.suggestion s
     WHERE s.name LIKE '%' || $1 || '%' ESCAPE '\\'
       AND EXISTS (SELECT 1 FROM search.document d WHERE d.name = s.name)
     ORDER BY (s.name LIKE $1 || '%' ESCAPE '\\') DESC, s.popularity DESC, s.name
     LIMIT $2`,
    [escaped, limit],
  );
  return rows.map((r) => r.name);
}
