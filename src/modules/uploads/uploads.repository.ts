/** All of the uploads module's SQL (schema `uploads`). */
import type { Queryable } from '../../platform/db/index.js';

export interface UploadRow {
  id: string;
  owner: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  createdAt: string;
  attachedTo: string | null;
  attachedAt: string | null;
}

/** An upload as a case sees it. */
export interface CaseUpload {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  attachedAt: string;
}

const COLUMNS = `id, owner, sha256, size, media_type AS "mediaType", name, created_at::text AS "createdAt",
  attached_to AS "attachedTo", attached_at::text AS "attachedAt"`;

export async function insertUpload(
  tx: Queryable,
  upload: { owner: string; sha256: string; size: number; mediaType: string; name: string },
): Promise<UploadRow> {
  const [row] = await tx.query<UploadRow>(
    `INSERT INTO uploads.upload (owner, sha256, size, media_type, name) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [upload.owner, upload.sha256, upload.size, upload.mediaType, upload.name],
  );
  return row!;
}

export async function findUpload(db: Queryable, id: string): Promise<UploadRow | null> {
  const [row] = await db.query<UploadRow>(`SELECT ${COLUMNS} FROM uploads.upload WHERE id = $1`, [id]);
  return row ?? null;
}

/** The rows for these ids, locked until the transaction ends (two claims of one upload: the second waits, then sees it attached). */
export function lockUploads(tx: Queryable, ids: string[]): Promise<UploadRow[]> {
  return tx.query<UploadRow>(`SELECT ${COLUMNS} FROM uploads.upload WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) ORDER BY id FOR UPDATE`, [
    JSON.stringify(ids),
  ]);
}

export async function attachUploads(tx: Queryable, ids: string[], caseRef: string): Promise<void> {
  await tx.query('UPDATE uploads.upload SET attached_to = $2, attached_at = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) AND attached_to IS NULL', [
    JSON.stringify(ids),
    caseRef,
  ]);
}

export function uploadsOf(db: Queryable, caseRef: string): Promise<CaseUpload[]> {
  return db.query<CaseUpload>(
    `SELECT id, sha256, size, media_type AS "mediaType", name, attached_at::text AS "attachedAt"
       FROM uploads.upload WHERE attached_to = $1 ORDER BY attached_at, created_at, id`,
    [caseRef],
  );
}
