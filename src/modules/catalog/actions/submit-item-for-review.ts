/** Send an item's draft for review (草稿 → 审核中). */
import type { Db } from '../../../platform/db/index.js';
import { writeAudit } from '../../../platform/audit.js';
import { getVersion, setOpenVersionStatus, type VersionDetails } from '../catalog.repository.js';
import { requireItem, requireOpenVersion } from '../item-lookup.js';

export async function submitItemForReview(
  db: Db,
  { implementationCode, actor, requestId }: { implementationCode: string; actor: string; requestId?: string },
): Promise<VersionDetails> {
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, implementationCode);
    const draft = await requireOpenVersion(tx, item, 'draft');
    await setOpenVersionStatus(tx, draft.id, 'in_review', null);
    await writeAudit(tx, { actor, action: 'catalog.item.submitted', subject: implementationCode, requestId, detail: { version: draft.version } });
    return (await getVersion(tx, draft.id))!;
  });
}
