import { writeAudit } from '../../../platform/audit.js';
import type { Queryable } from '../../../platform/db/index.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { attachUploads, lockUploads } from '../uploads.repository.js';

const DEFAULT_MAX_TOTAL_BYTES = 100 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ClaimUploadsInput {
  /** accountIdOf({kind: 'person', personId}): the uploader, without the company they may act for. */
  owner: string;
  uploadIds: string[];
  /** The claiming case's reference (its number or id, as the cases module chooses). */
  caseRef: string;
  /** Largest total size of the claimed files: pass config.uploadMaxCaseBytes (ONESTOP_UPLOAD_MAX_CASE_MB); 100 MB when omitted. */
  maxTotalBytes?: number;
  /** The field name for the error about uploadIds[index]; `uploads.<index>` when omitted. */
  fieldOf?: (index: number) => string;
  /** The field name for the error about the total size; `uploads` when omitted. */
  totalField?: string;
}

export interface ClaimedUpload {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

/**
 * Attach uploads to a case (材料关联), inside the caller's transaction (the one that creates the case). Every
 * id must be the owner's and not attached yet; otherwise nothing is attached and validation_failed lists every
 * bad id at once. Another person's upload reads as unknown, so a claim learns nothing about it. The rows are
 * locked: of two claims of one upload at once, the second waits and then finds it attached.
 */
export async function claimUploads(tx: Queryable, input: ClaimUploadsInput): Promise<ClaimedUpload[]> {
  const fieldOf = input.fieldOf ?? ((i: number) => `uploads.${i}`);
  const wellFormed = [...new Set(input.uploadIds.filter((id) => UUID.test(id)))];
  const rows = wellFormed.length > 0 ? await lockUploads(tx, wellFormed) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.uploadIds.forEach((id, index) => {
    const row = byId.get(id);
    if (!row || row.owner !== input.owner) {
      errors.push({ field: fieldOf(index), code: 'unknown_upload', message: '找不到该上传文件。No such upload.' });
    } else if (seen.has(id)) {
      errors.push({ field: fieldOf(index), code: 'duplicate_upload', message: '同一文件不能重复提交。The same upload is given twice.' });
    } else if (row.attachedTo !== null) {
      errors.push({ field: fieldOf(index), code: 'upload_attached', message: '该文件已用于其他办件。This upload already belongs to a case.' });
    }
    seen.add(id);
  });
  // Without errors, every id is known, the owner's and given once.
  const claimed = errors.length === 0 ? input.uploadIds.map((id) => byId.get(id)!) : [];
  const maxTotal = input.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  if (errors.length === 0) {
    const total = claimed.reduce((sum, row) => sum + row.size, 0);
    if (total > maxTotal) {
      const mb = Math.round((maxTotal / 1024 / 1024) * 100) / 100;
      errors.push({
        field: input.totalField ?? 'uploads',
        code: 'case_too_large',
        message: `材料合计超过每件 ${mb} MB 的上限。The files together exceed the ${mb} MB limit per case.`,
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { message: '材料有误。Some materials are not valid.', errors });
  if (claimed.length === 0) return [];
  await attachUploads(tx, claimed.map((row) => row.id), input.caseRef);
  await writeAudit(tx, { actor: input.owner, action: 'uploads.upload.claimed', subject: input.caseRef, detail: { uploads: claimed.map((row) => row.id) } });
  return claimed.map(({ id, sha256, size, mediaType, name }) => ({ id, sha256, size, mediaType, name }));
}
