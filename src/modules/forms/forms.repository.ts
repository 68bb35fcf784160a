/** All SQL of the forms module (schema `forms`, migration 0014). */
import type { Queryable } from '../../platform/db/index.js';
import type { Draft, FormDefinition } from './model.js';

export type DefinitionKeyKind = 'basic' | 'implementation';

interface DefinitionRow {
  key_kind: DefinitionKeyKind;
  version: number;
  definition: FormDefinition | string;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The latest stored definition for this implementation code or, failing that, for its basic code. */
export async function findLatestDefinition(q: Queryable, implementationCode: string, basicCode: string): Promise<FormDefinition | null> {
  const rows = await q.query<DefinitionRow>(
    `SELECT key_kind, version, definition FROM forms.form_definition
      WHERE (key_kind = 'implementation' AND code = $1) OR (key_kind = 'basic' AND code = $2)
      ORDER BY CASE key_kind WHEN 'implementation' THEN 0 ELSE 1 END, version DESC
      LIMIT 1`,
    [implementationCode, basicCode],
  );
  const row = rows[0];
  return row ? { ...parsed(row.definition), version: row.version } : null;
}

export async function maxDefinitionVersion(q: Queryable, kind: DefinitionKeyKind, code: string): Promise<number> {
  const rows = await q.query<{ max: number | null }>('SELECT max(version) AS max FROM forms.form_definition WHERE key_kind = $1 AND code = $2', [kind, code]);
  return rows[0]?.max ?? 0;
}

export async function insertDefinition(q: Queryable, kind: DefinitionKeyKind, code: string, definition: FormDefinition, createdBy: string): Promise<void> {
  await q.query('INSERT INTO forms.form_definition (key_kind, code, version, definition, created_by) VALUES ($1, $2, $3, $4, $5)', [
    kind,
    code,
    definition.version,
    JSON.stringify(definition),
    createdBy,
  ]);
}

interface DraftRow {
  id: string;
  owner: string;
  implementation_code: string;
  form_version: number;
  data: Record<string, unknown> | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const DRAFT_COLUMNS = 'id, owner, implementation_code, form_version, data, created_at, updated_at';

const toDraft = (r: DraftRow): Draft => ({
  id: r.id,
  owner: r.owner,
  implementationCode: r.implementation_code,
  formVersion: r.form_version,
  data: parsed(r.data),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function insertDraft(
  q: Queryable,
  input: { owner: string; implementationCode: string; formVersion: number; data: Record<string, unknown> },
): Promise<Draft> {
  const rows = await q.query<DraftRow>(
    `INSERT INTO forms.draft (owner, implementation_code, form_version, data) VALUES ($1, $2, $3, $4) RETURNING ${DRAFT_COLUMNS}`,
    [input.owner, input.implementationCode, input.formVersion, JSON.stringify(input.data)],
  );
  return toDraft(rows[0]!);
}

/** The draft if this owner has it; null otherwise (another owner's draft looks like no draft). */
export async function findOwnDraft(q: Queryable, owner: string, id: string): Promise<Draft | null> {
  const rows = await q.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM forms.draft WHERE id = $1 AND owner = $2`, [id, owner]);
  return rows[0] ? toDraft(rows[0]) : null;
}

export async function updateOwnDraft(q: Queryable, owner: string, id: string, data: Record<string, unknown>): Promise<Draft | null> {
  const rows = await q.query<DraftRow>(
    `UPDATE forms.draft SET data = $3, updated_at = now() WHERE id = $1 AND owner = $2 RETURNING ${DRAFT_COLUMNS}`,
    [id, owner, JSON.stringify(data)],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

export async function deleteOwnDraft(q: Queryable, owner: string, id: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>('DELETE FROM forms.draft WHERE id = $1 AND owner = $2 RETURNING id', [id, owner]);
  return rows.length > 0;
}

export async function listOwnDrafts(q: Queryable, owner: string, limit: number): Promise<Draft[]> {
  const rows = await q.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM forms.draft WHERE owner = $1 ORDER BY updated_at DESC, id LIMIT $2`, [owner, limit]);
  return rows.map(toDraft);
}
