/** Delete one's own draft (the applicant discards it, or cases removes it once submitted). */
import { writeAudit } from '../../../platform/audit.js';
import type { Db, Tx } from '../../../platform/db/index.js';
import { draftNotFound } from '../drafts.js';
import { deleteOwnDraft } from '../forms.repository.js';

export interface DeleteDraftInput {
  owner: string;
  id: string;
  requestId?: string;
}

/** In its own transaction given the Db; given a Tx (cases, in its submission transaction), inside that one. */
export async function deleteDraft(db: Db | Tx, input: DeleteDraftInput): Promise<void> {
  const run = async (tx: Tx) => {
    if (!(await deleteOwnDraft(tx, input.owner, input.id))) throw draftNotFound();
    await writeAudit(tx, { actor: input.owner, action: 'forms.draft.delete', subject: `draft:${input.id}`, requestId: input.requestId });
  };
  if ('transaction' in db) return db.transaction(run);
  return run(db);
}
