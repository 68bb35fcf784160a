/** Save a new draft of an application (草稿) for a published item. */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { checkDraftSize } from '../drafts.js';
import { insertDraft } from '../forms.repository.js';
import { getItemForm } from '../item-form.js';
import type { Draft } from '../model.js';

export interface CreateDraftInput {
  /** accountIdOf the person (without company). */
  owner: string;
  implementationCode: string;
  data: Record<string, unknown>;
  requestId?: string;
}

export async function createDraft(db: Db, input: CreateDraftInput): Promise<Draft> {
  checkDraftSize(input.data);
  return db.transaction(async (tx) => {
    const form = await getItemForm(tx, input.implementationCode);
    if (!form) {
      throw new AppError('validation_failed', {
        message: '事项不存在或未发布。The item does not exist or is not published.',
        errors: [{ field: 'item', code: 'unknown_item', message: '事项不存在或未发布。Unknown or unpublished item.' }],
      });
    }
    const draft = await insertDraft(tx, { owner: input.owner, implementationCode: input.implementationCode, formVersion: form.definition.version, data: input.data });
    await writeAudit(tx, {
      actor: input.owner,
      action: 'forms.draft.create',
      subject: `draft:${draft.id}`,
      requestId: input.requestId,
      detail: { item: input.implementationCode, formVersion: draft.formVersion },
    });
    return draft;
  });
}
