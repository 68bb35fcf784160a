/** Send a version under review back to draft, with the reviewer's reasons (审核驳回). */
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { getVersion, setOpenVersionStatus, type VersionDetails } from '../catalog.repository.js';
import { requireItem, requireOpenVersion } from '../item-lookup.js';

export async function rejectItem(
  db: Db,
  { implementationCode, reasons, actor, requestId }: { implementationCode: string; reasons: string[]; actor: string; requestId?: string },
): Promise<VersionDetails> {
  const given = reasons.map((r) => r.trim()).filter((r) => r !== '');
  if (given.length === 0) {
    throw new AppError('validation_failed', { message: '驳回须说明理由。', errors: [{ field: 'reasons', code: 'required', message: '请填写驳回理由' }] });
  }
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, implementationCode);
    const inReview = await requireOpenVersion(tx, item, 'in_review');
    await setOpenVersionStatus(tx, inReview.id, 'draft', given.join('\n'));
    await writeAudit(tx, { actor, action: 'catalog.item.rejected', subject: implementationCode, requestId, detail: { version: inReview.version, reasons: given } });
    return (await getVersion(tx, inReview.id))!;
  });
}
