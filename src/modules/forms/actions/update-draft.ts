/** Replace the data of one's own draft. Another person's draft is not found (404), never revealed. */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import { checkDraftSize, draftNotFound } from '../drafts.js';
import { updateOwnDraft } from '../forms.repository.js';
import type { Draft } from '../model.js';

export interface UpdateDraftInput {
  owner: string;
  id: string;
  data: Record<string, unknown>;
  requestId?: string;
}

export async function updateDraft(db: Db, input: UpdateDraftInput): Promise<Draft> {
  checkDraftSize(input.data);
  return db.transaction(async (tx) => {
    const draft = await updateOwnDraft(tx, input.owner, input.id, input.data);
    if (!draft) throw draftNotFound();
    await writeAudit(tx, { actor: input.owner, action: 'forms.draft.update', subject: `draft:${draft.id}`, requestId: input.requestId });
    return draft;
  });
}
