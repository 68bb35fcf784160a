/** Edit the draft version of an item. Elements given replace the draft's elements of the same name. */
import type { Db } from '../../../platform/db/index.js';
import { writeAudit } from '../../../platform/audit.js';
import { getVersion, replaceDraftContent, type VersionDetails } from '../catalog.repository.js';
import type { ItemElements } from '../model.js';
import { requireItem, requireOpenVersion } from '../item-lookup.js';
import { computeStars } from '../stars.js';

export interface UpdateItemDraftInput {
  implementationCode: string;
  changes: { name?: string; bodyNature?: string; powerSource?: string; elements?: Partial<ItemElements> };
  actor: string;
  requestId?: string;
}

export async function updateItemDraft(db: Db, { implementationCode, changes, actor, requestId }: UpdateItemDraftInput): Promise<VersionDetails> {
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, implementationCode);
    const draft = await requireOpenVersion(tx, item, 'draft');
    const current = (await getVersion(tx, draft.id))!;
    const name = changes.name ?? current.name;
    const elements = { ...current.elements, ...changes.elements };
    await replaceDraftContent(tx, draft.id, {
      name,
      bodyNature: changes.bodyNature ?? current.bodyNature,
      powerSource: changes.powerSource ?? current.powerSource,
      elements,
      stars: computeStars(elements, name),
    });
    await writeAudit(tx, {
      actor,
      action: 'catalog.item.draft_updated',
      subject: implementationCode,
      requestId,
      detail: { version: draft.version, fields: [...Object.keys(changes).filter((k) => k !== 'elements'), ...Object.keys(changes.elements ?? {})] },
    });
    return (await getVersion(tx, draft.id))!;
  });
}
