/** All of the cases module's SQL (schema `cases`). */
import type { Queryable } from '../../platform/db/index.js';
import type { CaseClocks } from './case-clock.js';
import type { CaseRecordRules } from './case-rules.js';
import type { CaseState, CaseStatus, Notice } from './workflow.js';

export interface CaseRecord {
  id: string;
  number: string;
  implementationCode: string;
  itemName: string;
  agencyId: number;
  /** accountIdOf the applicant person, without a company. */
  applicant: string;
  companyId: string | null;
  companyUscc: string | null;
  status: CaseStatus;
  state: CaseState;
  version: number;
  rules: CaseRecordRules;
  formVersion: number;
  form: Record<string, unknown>;
  queryCodeHash: string;
  submittedAt: string;
  clock: CaseClocks;
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

const CASE_COLUMNS = `id, number, implementation_code AS "implementationCode", item_name AS "itemName", agency_id AS "agencyId",
  applicant, company_id AS "companyId", company_uscc AS "companyUscc", status, state, version, rules,
  form_version AS "formVersion", form, query_code_hash AS "queryCodeHash", submitted_at AS "submittedAt", clock`;

const toCase = (row: CaseRecord): CaseRecord => ({ ...row, submittedAt: iso(row.submittedAt) });

/** The next number of the item's daily sequence (1, 2 …): one row per item and day, locked until commit. */
export async function allocateSequence(tx: Queryable, implementationCode: string, day: string): Promise<number> {
  const rows = await tx.query<{ value: number }>(
    `INSERT INTO cases.number_counter (implementation_code, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (implementation_code, day) DO UPDATE SET last_value = cases.number_counter.last_value + 1
     RETURNING last_value AS value`,
    [implementationCode, day],
  );
  return rows[0]!.value;
}

export type NewCase = Omit<CaseRecord, 'submittedAt' | 'version' | 'status'>;

export async function insertCase(tx: Queryable, c: NewCase): Promise<void> {
  await tx.query(
    `INSERT INTO cases."case" (id, number, implementation_code, item_name, agency_id, applicant, company_id, company_uscc,
        status, state, version, rules, form_version, form, query_code_hash, clock)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::jsonb, $13, $14::jsonb, $15, $16::jsonb)`,
    [
      c.id,
      c.number,
      c.implementationCode,
      c.itemName,
      c.agencyId,
      c.applicant,
      c.companyId,
      c.companyUscc,
      c.state.status,
      JSON.stringify(c.state),
      c.state.version,
      JSON.stringify(c.rules),
      c.formVersion,
      JSON.stringify(c.form),
      c.queryCodeHash,
      JSON.stringify(c.clock),
    ],
  );
}

export async function findCaseByNumber(db: Queryable, number: string): Promise<CaseRecord | undefined> {
  const rows = await db.query<CaseRecord>(`SELECT ${CASE_COLUMNS} FROM cases."case" WHERE number = $1`, [number]);
  return rows[0] ? toCase(rows[0]) : undefined;
}

/** Store a transition's result if nobody changed the case since `expectedVersion` was read; false when someone did. */
export async function updateCaseState(tx: Queryable, id: string, expectedVersion: number, state: CaseState, clock: CaseClocks): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE cases."case" SET status = $3, state = $4::jsonb, version = $5, clock = $6::jsonb, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, expectedVersion, state.status, JSON.stringify(state), state.version, JSON.stringify(clock)],
  );
  return rows.length === 1;
}

export interface NewCaseEvent {
  caseId: string;
  actor: string;
  actorName: string;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  detail: Record<string, unknown>;
  notices: Notice[];
}

/** Appends to the timeline; the case row is locked by the caller's update, so seq is the next one. Returns seq. */
export async function insertCaseEvent(tx: Queryable, e: NewCaseEvent): Promise<number> {
  const rows = await tx.query<{ seq: number }>(
    `INSERT INTO cases.case_event (case_id, seq, actor, actor_name, action, from_status, to_status, detail, notices)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb FROM cases.case_event WHERE case_id = $1
     RETURNING seq`,
    [e.caseId, e.actor, e.actorName, e.action, e.fromStatus, e.toStatus, JSON.stringify(e.detail), JSON.stringify(e.notices)],
  );
  return rows[0]!.seq;
}

/** A timeline entry as read back: the event without whose case and account it is, with its place and time. */
export interface CaseEvent extends Omit<NewCaseEvent, 'caseId' | 'actor'> {
  seq: number;
  at: string;
  actorKind: 'applicant' | 'staff' | 'system';
}

export async function listCaseEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  const rows = await db.query<CaseEvent & { actor: string }>(
    `SELECT seq, at, actor, actor_name AS "actorName", action, from_status AS "fromStatus", to_status AS "toStatus", detail, notices
       FROM cases.case_event WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map(({ actor, ...row }) => ({
    ...row,
    at: iso(row.at),
    actorKind: actor.startsWith('staff:') ? 'staff' : actor.startsWith('system:') ? 'system' : 'applicant',
  }));
}

export interface CaseMaterial {
  requirementId: string;
  requirement: string;
  uploadId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export async function insertCaseMaterials(tx: Queryable, caseId: string, materials: CaseMaterial[]): Promise<void> {
  if (materials.length === 0) return;
  await tx.query(
    `INSERT INTO cases.case_material (case_id, requirement_id, requirement, upload_id, name, media_type, size, sha256)
     SELECT $1, m."requirementId", m.requirement, m."uploadId", m.name, m."mediaType", m.size, m.sha256
       FROM jsonb_to_recordset($2::jsonb) AS m("requirementId" text, requirement text, "uploadId" uuid, name text, "mediaType" text, size bigint, sha256 text)`,
    [caseId, JSON.stringify(materials)],
  );
}

export function listCaseMaterials(db: Queryable, caseId: string): Promise<CaseMaterial[]> {
  return db.query<CaseMaterial>(
    `SELECT requirement_id AS "requirementId", requirement, upload_id AS "uploadId", name, media_type AS "mediaType", size, sha256
       FROM cases.case_material WHERE case_id = $1 ORDER BY requirement_id, name`,
    [caseId],
  );
}

export interface IdempotencyRecord {
  requestHash: string;
  caseNumber: string | null;
  queryCodeEnc: string | null;
}

export async function findIdempotency(db: Queryable, account: string, key: string): Promise<IdempotencyRecord | undefined> {
  const rows = await db.query<IdempotencyRecord>(
    `SELECT request_hash AS "requestHash", case_number AS "caseNumber", query_code_enc AS "queryCodeEnc"
       FROM cases.idempotency WHERE account = $1 AND key = $2`,
    [account, key],
  );
  return rows[0];
}

/**
 * Claims the key for this transaction; false when another transaction holds it (on PostgreSQL the insert
 * waits for that transaction: after its commit the key is taken, after its rollback it is ours).
 */
export async function reserveIdempotency(tx: Queryable, account: string, key: string, requestHash: string): Promise<boolean> {
  const rows = await tx.query<{ key: string }>(
    `INSERT INTO cases.idempotency (account, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (account, key) DO NOTHING RETURNING key`,
    [account, key, requestHash],
  );
  return rows.length === 1;
}

export async function completeIdempotency(tx: Queryable, account: string, key: string, caseNumber: string, queryCodeEnc: string): Promise<void> {
  await tx.query(`UPDATE cases.idempotency SET case_number = $3, query_code_enc = $4 WHERE account = $1 AND key = $2`, [
    account,
    key,
    caseNumber,
    queryCodeEnc,
  ]);
}

export interface NewNotification {
  caseId: string;
  eventSeq: number;
  account: string;
  kind: string;
  title: string;
  body: string;
}

export async function insertNotification(tx: Queryable, n: NewNotification): Promise<void> {
  await tx.query(
    `INSERT INTO cases.notification (case_id, event_seq, account, kind, title, body) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, event_seq, kind) DO NOTHING`,
    [n.caseId, n.eventSeq, n.account, n.kind, n.title, n.body],
  );
}

export interface CaseListFilter {
  /** The filer's cases (accountIdOf the person without a company). */
  applicant?: string;
  /** A company's cases, optionally only these items (an agent's scope). */
  companyId?: string;
  itemCodes?: string[] | null;
}

/** Newest first. */
export async function listCases(db: Queryable, filter: CaseListFilter, limit: number, offset: number): Promise<{ total: number; items: CaseRecord[] }> {
  const where = `($1::text IS NULL OR applicant = $1) AND ($2::uuid IS NULL OR company_id = $2)
     AND ($3::text[] IS NULL OR implementation_code = ANY($3::text[]))`;
  const params = [filter.applicant ?? null, filter.companyId ?? null, filter.itemCodes ?? null];
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM cases."case" WHERE ${where}`, params);
  const rows = await db.query<CaseRecord>(
    `SELECT ${CASE_COLUMNS} FROM cases."case" WHERE ${where} ORDER BY submitted_at DESC, number DESC LIMIT $4 OFFSET $5`,
    [...params, limit, offset],
  );
  return { total: count?.total ?? 0, items: rows.map(toCase) };
}

/** Received cases (the acceptance clock runs), oldest first, for the deemed-acceptance job: few, as they last 5 working days. */
export async function listReceivedCases(db: Queryable): Promise<CaseRecord[]> {
  const rows = await db.query<CaseRecord>(`SELECT ${CASE_COLUMNS} FROM cases."case" WHERE status = 'received' ORDER BY submitted_at, number`);
  return rows.map(toCase);
}
