/**
 * All SQL of the catalogue module. Reads assemble the shapes of model.ts; writes take arrays so that
 * one code path serves a single edit and a bulk load (one statement per batch via jsonb_to_recordset).
 */
import { inBatches, insertFromJson, queryInBatches, type JsonColumns } from '../../platform/db/batches.js';
import type { Queryable } from '../../platform/db/index.js';
import type { Agency, BasicItem, CodeEntry, ItemElements, ItemGuide, Jurisdiction } from './model.js';

/** Rows per bulk statement: large enough to amortise round trips, small enough for one JSON parameter. */
const BATCH_ROWS = 2000;

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded';

const json = (value: unknown) => JSON.stringify(value);
const isoOrNull = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));

// ---------------------------------------------------------------------------------------------
// Jurisdictions

export interface JurisdictionRow {
  code: string;
  name: string;
  level: Jurisdiction['level'];
  parentCode: string | null;
  ancestors: string[];
}

export async function getJurisdiction(q: Queryable, code: string): Promise<Jurisdiction | null> {
  const rows = await q.query<{
    code: string;
    name: string;
    level: Jurisdiction['level'];
    ancestors: string[];
    parent_code: string | null;
    parent_name: string | null;
    children: { code: string; name: string }[];
  }>(
    `SELECT j.code, j.name, j.level, j.ancestors, p.code AS parent_code, p.name AS parent_name,
            coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name) ORDER BY c.code)
                        FROM catalog.jurisdiction c WHERE c.parent_code = j.code), '[]'::jsonb) AS children
       FROM catalog.jurisdiction j LEFT JOIN catalog.jurisdiction p ON p.code = j.parent_code
      WHERE j.code = $1`,
    [code],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parent: r.parent_code ? { code: r.parent_code, name: r.parent_name ?? '' } : null,
    ancestors: r.ancestors,
    children: r.children,
  };
}

export async function listJurisdictionChildren(q: Queryable, code: string): Promise<{ code: string; name: string; level: Jurisdiction['level'] }[]> {
  return q.query('SELECT code, name, level FROM catalog.jurisdiction WHERE parent_code = $1 ORDER BY code', [code]);
}

/** Ancestor paths of existing jurisdictions, to extend when importing their children. */
export async function jurisdictionAncestors(q: Queryable, codes: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await q.query<{ code: string; ancestors: string[] }>(
    'SELECT code, ancestors FROM catalog.jurisdiction WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.ancestors]));
}

/** Every jurisdiction with its path, parents first (to rebuild the search index's copy). */
export async function allJurisdictions(q: Queryable): Promise<JurisdictionRow[]> {
  return q.query<JurisdictionRow>(
    `SELECT code, name, level, parent_code AS "parentCode", ancestors FROM catalog.jurisdiction ORDER BY cardinality(ancestors), code`,
  );
}

/** Insert or update jurisdictions; parents must come before their children in `rows`. Returns rows written. */
export async function upsertJurisdictions(q: Queryable, rows: readonly JurisdictionRow[], batchSize = BATCH_ROWS): Promise<number> {
  await queryInBatches(
    q,
    `INSERT INTO catalog.jurisdiction (code, name, level, parent_code, ancestors)
     SELECT x.code, x.name, x.level, x."parentCode", x.ancestors
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, level text, "parentCode" text, ancestors text[])
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, ancestors = EXCLUDED.ancestors`,
    rows,
    batchSize,
  );
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Agencies

export interface AgencyInput {
  uscc: string;
  name: string;
  jurisdictionCode: string;
  parentUscc?: string | null;
  parentId?: number | null;
  nature: string;
  address: string;
  hours: string;
  consultationPhone: string;
  complaintPhone: string;
}

const AGENCY_SELECT = `
  SELECT a.id, a.uscc, a.name, a.nature, a.address, a.hours, a.consultation_phone, a.complaint_phone,
         j.code AS jurisdiction_code, j.name AS jurisdiction_name, p.id AS parent_id, p.name AS parent_name,
         coalesce((SELECT jsonb_agg(jsonb_build_object('typeCode', t.type_code, 'count', t.n) ORDER BY t.type_code)
                     FROM (SELECT b.type_code, count(*)::int AS n
                             FROM catalog.item i JOIN catalog.basic_item b ON b.code = i.basic_code
                            WHERE i.agency_id = a.id AND i.published_version_id IS NOT NULL
                            GROUP BY b.type_code) t), '[]'::jsonb) AS item_counts
    FROM catalog.agency a
    JOIN catalog.jurisdiction j ON j.code = a.jurisdiction_code
    LEFT JOIN catalog.agency p ON p.id = a.parent_id`;

interface AgencyDbRow {
  id: number;
  uscc: string;
  name: string;
  nature: string;
  address: string;
  hours: string;
  consultation_phone: string;
  complaint_phone: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  parent_id: number | null;
  parent_name: string | null;
  item_counts: { typeCode: string; count: number }[];
}

function toAgency(r: AgencyDbRow): Agency {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    jurisdiction: { code: r.jurisdiction_code, name: r.jurisdiction_name },
    parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    nature: r.nature,
    address: r.address,
    hours: r.hours,
    consultationPhone: r.consultation_phone,
    complaintPhone: r.complaint_phone,
    itemCounts: r.item_counts,
  };
}

export async function getAgency(q: Queryable, id: number): Promise<Agency | null> {
  const rows = await q.query<AgencyDbRow>(`${AGENCY_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ? toAgency(rows[0]) : null;
}

export async function listAgencies(q: Queryable, options: { jurisdiction: string; includeDescendants?: boolean }): Promise<Agency[]> {
  const where = options.includeDescendants ? 'j.ancestors @> ARRAY[$1::text]' : 'a.jurisdiction_code = $1';
  const rows = await q.query<AgencyDbRow>(`${AGENCY_SELECT} WHERE ${where} ORDER BY j.code, a.name`, [options.jurisdiction]);
  return rows.map(toAgency);
}

/** Insert or update agencies by USCC, then link parents given by USCC. Returns USCC → id. */
export async function upsertAgencies(q: Queryable, agencies: readonly AgencyInput[]): Promise<Map<string, number>> {
  const rows = await queryInBatches<{ id: number; uscc: string }>(
    q,
    `INSERT INTO catalog.agency (uscc, name, jurisdiction_code, parent_id, nature, address, hours, consultation_phone, complaint_phone)
     SELECT x.uscc, x.name, x."jurisdictionCode", x."parentId", x.nature, x.address, x.hours, x."consultationPhone", x."complaintPhone"
       FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, name text, "jurisdictionCode" text, "parentId" bigint, nature text,
            address text, hours text, "consultationPhone" text, "complaintPhone" text)
     ON CONFLICT (uscc) DO UPDATE
       SET name = EXCLUDED.name, jurisdiction_code = EXCLUDED.jurisdiction_code, nature = EXCLUDED.nature, address = EXCLUDED.address,
           hours = EXCLUDED.hours, consultation_phone = EXCLUDED.consultation_phone, complaint_phone = EXCLUDED.complaint_phone
     RETURNING id, uscc`,
    agencies.map((a) => ({ ...a, parentId: a.parentId ?? null })),
    BATCH_ROWS,
  );
  const parents = agencies.filter((a) => a.parentUscc).map((a) => ({ uscc: a.uscc, parentUscc: a.parentUscc }));
  await queryInBatches(
    q,
    `UPDATE catalog.agency a SET parent_id = p.id
       FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, "parentUscc" text)
       JOIN catalog.agency p ON p.uscc = x."parentUscc"
      WHERE a.uscc = x.uscc`,
    parents,
    BATCH_ROWS,
  );
  return new Map(rows.map((r) => [r.uscc, r.id]));
}

export async function agencyIdsByUscc(q: Queryable, usccs: readonly string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ id: number; uscc: string }>('SELECT id, uscc FROM catalog.agency WHERE uscc = ANY($1::text[])', [usccs]);
  return new Map(rows.map((r) => [r.uscc, r.id]));
}

export interface AgencyPowerCount {
  agency: { id: number; name: string; jurisdictionCode: string };
  /** Published items of the agency. */
  total: number;
  /** Published items by item type code (types with none are left out). */
  counts: { typeCode: string; count: number }[];
}

/** Published items per agency and item type, for the power lists of 阳光政务. */
export async function agencyPowerCounts(q: Queryable, options: { jurisdiction: string; includeDescendants?: boolean }): Promise<AgencyPowerCount[]> {
  const where = options.includeDescendants ? 'j.ancestors @> ARRAY[$1::text]' : 'a.jurisdiction_code = $1';
  const rows = await q.query<{ id: number; name: string; jurisdiction_code: string; type_code: string | null; n: number }>(
    `SELECT a.id, a.name, a.jurisdiction_code, b.type_code, count(i.id)::int AS n
       FROM catalog.agency a
       JOIN catalog.jurisdiction j ON j.code = a.jurisdiction_code
       LEFT JOIN catalog.item i ON i.agency_id = a.id AND i.published_version_id IS NOT NULL
       LEFT JOIN catalog.basic_item b ON b.code = i.basic_code
      WHERE ${where}
      GROUP BY a.id, a.name, a.jurisdiction_code, b.type_code
      ORDER BY a.jurisdiction_code, a.name, a.id, b.type_code`,
    [options.jurisdiction],
  );
  const byAgency = new Map<number, AgencyPowerCount>();
  for (const r of rows) {
    let entry = byAgency.get(r.id);
    if (!entry) {
      entry = { agency: { id: r.id, name: r.name, jurisdictionCode: r.jurisdiction_code }, total: 0, counts: [] };
      byAgency.set(r.id, entry);
    }
    if (r.type_code && r.n > 0) {
      entry.counts.push({ typeCode: r.type_code, count: r.n });
      entry.total += r.n;
    }
  }
  return [...byAgency.values()];
}

// ---------------------------------------------------------------------------------------------
// Basic catalogue

export async function upsertBasicItems(q: Queryable, items: readonly BasicItem[]): Promise<void> {
  // Main items before sub-items, so that a sub-item's parent exists when it is inserted.
  const ordered = [...items].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  await queryInBatches(
    q,
    `INSERT INTO catalog.basic_item (code, name, type_code, legal_basis, levels, status, version, parent_code)
     SELECT x.code, x.name, x."typeCode", x."legalBasis", x.levels, x.status, x.version, x."parentCode"
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, "typeCode" text, "legalBasis" text, levels text[],
            status text, version int, "parentCode" text)
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, type_code = EXCLUDED.type_code, legal_basis = EXCLUDED.legal_basis, levels = EXCLUDED.levels,
           status = EXCLUDED.status, version = EXCLUDED.version, parent_code = EXCLUDED.parent_code
       WHERE catalog.basic_item.version < EXCLUDED.version`,
    ordered,
    BATCH_ROWS,
  );
}

export async function basicItemTypes(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ code: string; type_code: string }>('SELECT code, type_code FROM catalog.basic_item WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r.type_code]));
}

// ---------------------------------------------------------------------------------------------
// Items and versions

export interface ItemRef {
  id: number;
  implementationCode: string;
  basicCode: string;
  typeCode: string;
  agencyId: number;
  level: string;
  publishedVersionId: number | null;
}

export async function findItem(q: Queryable, implementationCode: string): Promise<ItemRef | null> {
  const rows = await q.query<ItemRef>(
    `SELECT i.id, i.implementation_code AS "implementationCode", i.basic_code AS "basicCode", b.type_code AS "typeCode",
            i.agency_id AS "agencyId", i.level, i.published_version_id AS "publishedVersionId"
       FROM catalog.item i JOIN catalog.basic_item b ON b.code = i.basic_code
      WHERE i.implementation_code = $1`,
    [implementationCode],
  );
  return rows[0] ?? null;
}

/** The draft or in-review version of an item, locked for the caller's transaction. */
export async function findOpenVersion(q: Queryable, itemId: number): Promise<{ id: number; version: number; status: VersionStatus } | null> {
  const rows = await q.query<{ id: number; version: number; status: VersionStatus }>(
    `SELECT id, version, status FROM catalog.item_version WHERE item_id = $1 AND status IN ('draft', 'in_review') FOR UPDATE`,
    [itemId],
  );
  return rows[0] ?? null;
}

/** Items (by id) that have a draft or in-review version. */
export async function itemsWithOpenVersions(q: Queryable, itemIds: readonly number[]): Promise<Set<number>> {
  const rows = await q.query<{ item_id: number }>(
    `SELECT item_id FROM catalog.item_version WHERE item_id = ANY($1::bigint[]) AND status IN ('draft', 'in_review')`,
    [itemIds],
  );
  return new Set(rows.map((r) => r.item_id));
}

export interface ItemInput {
  implementationCode: string;
  basicCode: string;
  agencyId: number;
  level: string;
  popularity?: number | null;
}

/** Create the items that do not exist yet; returns implementation code → id for all of them. */
export async function ensureItems(q: Queryable, items: readonly ItemInput[]): Promise<Map<string, number>> {
  const rows = await queryInBatches<{ id: number; implementation_code: string }>(
    q,
    `INSERT INTO catalog.item (implementation_code, basic_code, agency_id, level, popularity)
     SELECT x."implementationCode", x."basicCode", x."agencyId", x.level, coalesce(x.popularity, 0)
       FROM jsonb_to_recordset($1::jsonb) AS x("implementationCode" text, "basicCode" text, "agencyId" bigint, level text, popularity int)
     ON CONFLICT (implementation_code) DO UPDATE SET implementation_code = EXCLUDED.implementation_code
     RETURNING id, implementation_code`,
    items,
    BATCH_ROWS,
  );
  return new Map(rows.map((r) => [r.implementation_code, r.id]));
}

export interface VersionInput {
  itemId: number;
  status: Exclude<VersionStatus, 'superseded'>;
  name: string;
  bodyNature: string;
  powerSource: string;
  elements: ItemElements;
  stars: number;
}

/** Columns of item_version that hold elements (filtered or ruled on); the rest go to `elements` or child tables. */
function versionColumns(v: VersionInput) {
  const {
    caseType, onlineDepth, visits, serviceObjects, personTopics, businessTopics, convenienceTopics,
    materials: _materials, fees: _fees, links: _links, faq: _faq, results: _results, ...rest
  } = v.elements;
  return {
    itemId: v.itemId, status: v.status, name: v.name, bodyNature: v.bodyNature, powerSource: v.powerSource, stars: v.stars,
    caseType, onlineDepth, visits, serviceObjects, personTopics, businessTopics, convenienceTopics, rest,
  };
}

/**
 * Insert new versions, each numbered one past the item's latest version (an item appears at most
 * once per call). Child rows are written too. Returns the new version ids in input order.
 */
export async function insertVersions(q: Queryable, versions: readonly VersionInput[]): Promise<number[]> {
  const rows = await queryInBatches<{ id: number; item_id: number }>(
    q,
    `INSERT INTO catalog.item_version (item_id, version, status, name, body_nature, power_source, case_type, online_depth, visits,
            service_objects, person_topics, business_topics, convenience_topics, elements, stars, submitted_at, published_at)
     SELECT x."itemId", coalesce((SELECT max(v.version) FROM catalog.item_version v WHERE v.item_id = x."itemId"), 0) + 1,
            x.status, x.name, x."bodyNature", x."powerSource", x."caseType", x."onlineDepth", x.visits,
            x."serviceObjects", x."personTopics", x."businessTopics", x."convenienceTopics", x.rest, x.stars,
            CASE WHEN x.status <> 'draft' THEN now() END, CASE WHEN x.status = 'published' THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS x("itemId" bigint, status text, name text, "bodyNature" text, "powerSource" text,
            "caseType" text, "onlineDepth" text, visits int, "serviceObjects" text[], "personTopics" text[], "businessTopics" text[],
            "convenienceTopics" text[], rest jsonb, stars smallint)
     RETURNING id, item_id`,
    versions.map(versionColumns),
    BATCH_ROWS,
  );
  const byItem = new Map(rows.map((r) => [r.item_id, r.id]));
  const ids = versions.map((v) => byItem.get(v.itemId)!);
  await insertChildren(
    q,
    versions.map((v, i) => ({ versionId: ids[i]!, elements: v.elements })),
  );
  return ids;
}

/** Replace the content of an open (draft) version. */
export async function replaceDraftContent(q: Queryable, versionId: number, version: Omit<VersionInput, 'itemId' | 'status'>): Promise<void> {
  const c = versionColumns({ ...version, itemId: 0, status: 'draft' });
  await q.query(
    `UPDATE catalog.item_version
        SET name = $2, body_nature = $3, power_source = $4, case_type = $5, online_depth = $6, visits = $7, service_objects = $8::text[],
            person_topics = $9::text[], business_topics = $10::text[], convenience_topics = $11::text[], elements = $12::jsonb, stars = $13
      WHERE id = $1 AND status = 'draft'`,
    [versionId, c.name, c.bodyNature, c.powerSource, c.caseType, c.onlineDepth, c.visits, c.serviceObjects, c.personTopics,
      c.businessTopics, c.convenienceTopics, json(c.rest), c.stars],
  );
  for (const table of ['item_material', 'item_fee', 'item_link', 'item_faq', 'item_result']) {
    await q.query(`DELETE FROM catalog.${table} WHERE version_id = $1`, [versionId]);
  }
  await insertChildren(q, [{ versionId, elements: version.elements }]);
}

async function insertChildren(q: Queryable, versions: readonly { versionId: number; elements: ItemElements }[]): Promise<void> {
  // Each child table: version_id and position, then the child's own columns (row keys = column names).
  const insert = <T>(table: string, columns: JsonColumns, children: (e: ItemElements) => readonly T[], toRow: (child: T) => object) =>
    queryInBatches(
      q,
      insertFromJson(table, { version_id: 'bigint', position: 'int', ...columns }),
      versions.flatMap(({ versionId, elements }) => children(elements).map((c, position) => ({ version_id: versionId, position, ...toRow(c) }))),
      BATCH_ROWS,
    );
  await insert(
    'catalog.item_material',
    { name: 'text', kind: 'text', form: 'text', required: 'boolean', blank_form: 'text', sample: 'text', source_channel: 'text', copies: 'int',
      notes: 'text', licence_type: 'text', shared_data: 'boolean' },
    (e) => e.materials,
    (m) => ({
      name: m.name, kind: m.kind, form: m.form, required: m.required, blank_form: m.blankForm ?? null, sample: m.sample ?? null,
      source_channel: m.sourceChannel, copies: m.copies, notes: m.notes ?? null, licence_type: m.licenceType ?? null, shared_data: m.sharedData ?? false,
    }),
  );
  await insert(
    'catalog.item_fee',
    { name: 'text', standard: 'text', legal_basis: 'text', reductions: 'text' },
    (e) => e.fees,
    (f) => ({ name: f.name, standard: f.standard, legal_basis: f.legalBasis, reductions: f.reductions ?? null }),
  );
  await insert(
    'catalog.item_link',
    { name: 'text', unit: 'text', time_limit: 'jsonb', role: 'text' },
    (e) => e.links,
    (l) => ({ name: l.name, unit: l.unit, time_limit: l.timeLimit, role: l.role ?? null }),
  );
  await insert('catalog.item_faq', { question: 'text', answer: 'text' }, (e) => e.faq, (f) => ({ question: f.question, answer: f.answer }));
  await insert(
    'catalog.item_result',
    { type: 'text', name: 'text', sample: 'text', electronic: 'boolean' },
    (e) => e.results,
    (r) => ({ type: r.type, name: r.name, sample: r.sample ?? null, electronic: r.electronic ?? false }),
  );
}

/** Move an open version to another open status (submit for review, reject back to draft). */
export async function setOpenVersionStatus(
  q: Queryable,
  versionId: number,
  status: 'draft' | 'in_review',
  reviewNote: string | null,
): Promise<void> {
  await q.query(
    `UPDATE catalog.item_version
        SET status = $2, review_note = $3, submitted_at = CASE WHEN $2 = 'in_review' THEN now() ELSE submitted_at END
      WHERE id = $1`,
    [versionId, status, reviewNote],
  );
}

/**
 * Publish versions: each gets its stars, the item's previous published version becomes superseded,
 * and the item points at the new one.
 */
export async function publishVersions(q: Queryable, versions: readonly { versionId: number; stars: number }[]): Promise<void> {
  for (const batch of inBatches(versions, BATCH_ROWS)) {
    const ids = batch.map((v) => v.versionId);
    await q.query(
      `UPDATE catalog.item_version old SET status = 'superseded'
         FROM catalog.item_version nv
        WHERE nv.id = ANY($1::bigint[]) AND old.item_id = nv.item_id AND old.status = 'published' AND old.id <> nv.id`,
      [ids],
    );
    await q.query(
      `UPDATE catalog.item_version v SET status = 'published', stars = x.stars, published_at = coalesce(v.published_at, now())
         FROM jsonb_to_recordset($1::jsonb) AS x("versionId" bigint, stars smallint)
        WHERE v.id = x."versionId" AND (v.status <> 'published' OR v.stars <> x.stars)`,
      [json(batch)],
    );
    await q.query(
      `UPDATE catalog.item i SET published_version_id = v.id
         FROM catalog.item_version v
        WHERE v.id = ANY($1::bigint[]) AND i.id = v.item_id`,
      [ids],
    );
  }
}

/** Transaction-scoped advisory lock id that serialises conditional catalogue loads across processes. */
const CATALOGUE_LOAD_LOCK = 7_110_330_001;

/** Wait for other conditional catalogue loads to finish; held until the caller's transaction ends. */
export async function lockCatalogueLoads(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOAD_LOCK]);
}

export async function isCatalogueEmpty(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM catalog.item) AS empty');
  return rows[0]?.empty ?? true;
}

// ---------------------------------------------------------------------------------------------
// Reading versions back (guide, export, search documents)

const VERSION_SELECT = `
  SELECT i.id, i.implementation_code, i.basic_code, i.level, i.popularity,
         v.id AS version_id, v.version, v.status, v.name, v.body_nature, v.power_source, v.case_type, v.online_depth, v.visits,
         v.service_objects, v.person_topics, v.business_topics, v.convenience_topics, v.elements, v.stars, v.published_at, v.review_note,
         b.name AS basic_name, b.type_code, b.legal_basis, b.levels, b.status AS basic_status, b.version AS basic_version,
         b.parent_code AS basic_parent_code,
         a.id AS agency_id, a.name AS agency_name, a.uscc,
         j.code AS jurisdiction_code, j.name AS jurisdiction_name, j.ancestors,
         coalesce((SELECT jsonb_agg(jsonb_build_object('name', m.name, 'kind', m.kind, 'form', m.form, 'required', m.required,
                     'blankForm', m.blank_form, 'sample', m.sample, 'sourceChannel', m.source_channel, 'copies', m.copies,
                     'notes', m.notes, 'licenceType', m.licence_type, 'sharedData', m.shared_data) ORDER BY m.position)
                     FROM catalog.item_material m WHERE m.version_id = v.id), '[]'::jsonb) AS materials,
         coalesce((SELECT jsonb_agg(jsonb_build_object('name', f.name, 'standard', f.standard, 'legalBasis', f.legal_basis,
                     'reductions', f.reductions) ORDER BY f.position)
                     FROM catalog.item_fee f WHERE f.version_id = v.id), '[]'::jsonb) AS fees,
         coalesce((SELECT jsonb_agg(jsonb_build_object('name', l.name, 'unit', l.unit, 'timeLimit', l.time_limit, 'role', l.role)
                     ORDER BY l.position)
                     FROM catalog.item_link l WHERE l.version_id = v.id), '[]'::jsonb) AS links,
         coalesce((SELECT jsonb_agg(jsonb_build_object('question', q.question, 'answer', q.answer) ORDER BY q.position)
                     FROM catalog.item_faq q WHERE q.version_id = v.id), '[]'::jsonb) AS faq,
         coalesce((SELECT jsonb_agg(jsonb_build_object('type', r.type, 'name', r.name, 'sample', r.sample, 'electronic', r.electronic)
                     ORDER BY r.position)
                     FROM catalog.item_result r WHERE r.version_id = v.id), '[]'::jsonb) AS results
    FROM catalog.item_version v
    JOIN catalog.item i ON i.id = v.item_id
    JOIN catalog.basic_item b ON b.code = i.basic_code
    JOIN catalog.agency a ON a.id = i.agency_id
    JOIN catalog.jurisdiction j ON j.code = a.jurisdiction_code`;

interface VersionDbRow {
  id: number;
  implementation_code: string;
  basic_code: string;
  level: string;
  popularity: number;
  version_id: number;
  version: number;
  status: VersionStatus;
  name: string;
  body_nature: string;
  power_source: string;
  case_type: string;
  online_depth: string;
  visits: number;
  service_objects: string[];
  person_topics: string[];
  business_topics: string[];
  convenience_topics: string[];
  elements: Omit<ItemElements, 'caseType' | 'onlineDepth' | 'visits' | 'serviceObjects' | 'personTopics' | 'businessTopics' | 'convenienceTopics' | 'materials' | 'fees' | 'links' | 'faq' | 'results'>;
  stars: number;
  published_at: unknown;
  review_note: string | null;
  basic_name: string;
  type_code: string;
  legal_basis: string;
  levels: string[];
  basic_status: string;
  basic_version: number;
  basic_parent_code: string | null;
  agency_id: number;
  agency_name: string;
  uscc: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  ancestors: string[];
  materials: ItemElements['materials'];
  fees: ItemElements['fees'];
  links: ItemElements['links'];
  faq: ItemElements['faq'];
  results: ItemElements['results'];
}

/** A version with everything around it: the guide for published ones, the working copy for drafts. */
export interface VersionDetails extends Omit<ItemGuide, 'status'> {
  status: VersionStatus;
  reviewNote: string | null;
}

function toVersionDetails(r: VersionDbRow): VersionDetails {
  const elements: ItemElements = {
    ...r.elements,
    caseType: r.case_type,
    onlineDepth: r.online_depth,
    visits: r.visits,
    serviceObjects: r.service_objects,
    personTopics: r.person_topics,
    businessTopics: r.business_topics,
    convenienceTopics: r.convenience_topics,
    materials: r.materials,
    fees: r.fees,
    links: r.links,
    faq: r.faq,
    results: r.results,
  };
  return {
    id: r.id,
    versionId: r.version_id,
    implementationCode: r.implementation_code,
    basicCode: r.basic_code,
    agencyUscc: r.uscc,
    level: r.level,
    name: r.name,
    bodyNature: r.body_nature,
    powerSource: r.power_source,
    version: r.version,
    status: r.status,
    reviewNote: r.review_note,
    elements,
    publishedAt: isoOrNull(r.published_at),
    typeCode: r.type_code,
    basic: {
      code: r.basic_code,
      name: r.basic_name,
      typeCode: r.type_code,
      legalBasis: r.legal_basis,
      levels: r.levels,
      status: r.basic_status,
      version: r.basic_version,
      parentCode: r.basic_parent_code,
    },
    agency: { id: r.agency_id, name: r.agency_name, uscc: r.uscc },
    jurisdiction: { code: r.jurisdiction_code, name: r.jurisdiction_name, ancestors: r.ancestors },
    stars: r.stars,
    popularity: r.popularity,
  };
}

/** The published guide of an item, or null when the code is unknown or nothing is published. */
export async function getPublishedVersion(q: Queryable, implementationCode: string): Promise<VersionDetails | null> {
  const rows = await q.query<VersionDbRow>(`${VERSION_SELECT} WHERE i.implementation_code = $1 AND v.id = i.published_version_id`, [implementationCode]);
  return rows[0] ? toVersionDetails(rows[0]) : null;
}

export async function getVersion(q: Queryable, versionId: number): Promise<VersionDetails | null> {
  const rows = await q.query<VersionDbRow>(`${VERSION_SELECT} WHERE v.id = $1`, [versionId]);
  return rows[0] ? toVersionDetails(rows[0]) : null;
}

/** Every version of an item, oldest first (history, tests of immutability). */
export async function listVersions(q: Queryable, itemId: number): Promise<VersionDetails[]> {
  const rows = await q.query<VersionDbRow>(`${VERSION_SELECT} WHERE v.item_id = $1 ORDER BY v.version`, [itemId]);
  return rows.map(toVersionDetails);
}

/** Published versions, optionally in one jurisdiction and those under it, ordered by code. */
export async function listPublishedVersions(q: Queryable, options: { jurisdiction?: string | undefined }): Promise<VersionDetails[]> {
  const rows = options.jurisdiction
    ? await q.query<VersionDbRow>(`${VERSION_SELECT} WHERE v.id = i.published_version_id AND j.ancestors @> ARRAY[$1::text] ORDER BY i.implementation_code`, [
        options.jurisdiction,
      ])
    : await q.query<VersionDbRow>(`${VERSION_SELECT} WHERE v.id = i.published_version_id ORDER BY i.implementation_code`);
  return rows.map(toVersionDetails);
}

export interface SearchSourceRow {
  itemId: number;
  implementationCode: string;
  name: string;
  basicCode: string;
  agencyId: number;
  agencyName: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  ancestors: string[];
  typeCode: string;
  serviceObjects: string[];
  personTopics: string[];
  businessTopics: string[];
  convenienceTopics: string[];
  stars: number;
  popularity: number;
  resultNames: string | null;
  acceptanceConditions: string | null;
}

/** What the search index needs of the published versions of these items. */
export async function searchSources(q: Queryable, itemIds: readonly number[]): Promise<SearchSourceRow[]> {
  return q.query<SearchSourceRow>(
    `SELECT i.id AS "itemId", i.implementation_code AS "implementationCode", v.name, i.basic_code AS "basicCode",
            a.id AS "agencyId", a.name AS "agencyName", j.code AS "jurisdictionCode", j.name AS "jurisdictionName", j.ancestors,
            b.type_code AS "typeCode", v.service_objects AS "serviceObjects", v.person_topics AS "personTopics",
            v.business_topics AS "businessTopics", v.convenience_topics AS "convenienceTopics", v.stars, i.popularity,
            (SELECT string_agg(r.name, ' ' ORDER BY r.position) FROM catalog.item_result r WHERE r.version_id = v.id) AS "resultNames",
            v.elements->>'acceptanceConditions' AS "acceptanceConditions"
       FROM catalog.item i
       JOIN catalog.item_version v ON v.id = i.published_version_id
       JOIN catalog.basic_item b ON b.code = i.basic_code
       JOIN catalog.agency a ON a.id = i.agency_id
       JOIN catalog.jurisdiction j ON j.code = a.jurisdiction_code
      WHERE i.id = ANY($1::bigint[])
      ORDER BY i.id`,
    [itemIds],
  );
}

/** Ids of the items that have a published version (what the search index should hold), ascending. */
export async function publishedItemIds(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>('SELECT id FROM catalog.item WHERE published_version_id IS NOT NULL ORDER BY id');
  return rows.map((r) => r.id);
}

/** Ids of the items without a published version (nothing of theirs belongs in the search index). */
export async function unpublishedItemIds(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>('SELECT id FROM catalog.item WHERE published_version_id IS NULL ORDER BY id');
  return rows.map((r) => r.id);
}

export async function basicItemsByCode(q: Queryable, codes: readonly string[]): Promise<BasicItem[]> {
  return q.query<BasicItem>(
    `SELECT code, name, type_code AS "typeCode", legal_basis AS "legalBasis", levels, status, version, parent_code AS "parentCode"
       FROM catalog.basic_item WHERE code = ANY($1::text[]) ORDER BY code`,
    [codes],
  );
}

// ---------------------------------------------------------------------------------------------
// Code lists

export async function codeListEntries(q: Queryable, list: string): Promise<CodeEntry[]> {
  return q.query<CodeEntry>(
    `SELECT e.code, e.name_zh AS zh, e.name_en AS en
       FROM catalog.code_list l JOIN catalog.code_list_entry e ON e.list = l.list AND e.version = l.version
      WHERE l.list = $1 AND l.is_current
      ORDER BY e.sort`,
    [list],
  );
}

/** An agency's name and jurisdiction only: the cheap read for headers and account pages. */
export async function getAgencySummary(q: Queryable, id: number): Promise<{ id: number; name: string; jurisdictionCode: string } | null> {
  const rows = await q.query<{ id: number; name: string; jurisdictionCode: string }>(
    'SELECT id::int AS id, name, jurisdiction_code AS "jurisdictionCode" FROM catalog.agency WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
