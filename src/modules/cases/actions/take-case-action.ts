/**
 * A step on a case (`POST /api/v1/cases/{number}/actions`) by its applicant or by staff of its agency: the
 * workflow decides; the new state is stored only if the case is still at the version the caller saw.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { getItemForm } from '../../forms/index.js';
import { accountIdOf, type Principal } from '../../identity/index.js';
import { claimUploads } from '../../uploads/index.js';
import { requireActorOnCase } from '../case-access.js';
import { chinaToday } from '../case-number.js';
import { findCaseByNumber, insertCaseMaterials, type CaseRecord } from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';
import { staleCase, storeTransition } from '../store-transition.js';
import { allowedActions, type ActionInput, type CaseAction } from '../workflow.js';

export interface CaseActionInput extends ActionInput {
  action: CaseAction;
  /** The version the caller saw (GET …/cases/{number}); when given and stale, 409 without trying. */
  version?: number;
  /** submit_correction only: corrected or added materials, claimed in the same transaction. */
  materials?: { material: string; upload: string }[];
}

export interface CaseActionResult {
  record: CaseRecord;
  allowedActions: CaseAction[];
}

export async function takeCaseAction(
  deps: CasesDeps,
  principal: Principal,
  number: string,
  { action, version, materials = [], ...input }: CaseActionInput,
  meta: { requestId?: string; now?: Date } = {},
): Promise<CaseActionResult> {
  const { record, actor } = await requireActorOnCase(deps.db, principal, await findCaseByNumber(deps.db, number));
  if (version !== undefined && version !== record.version) throw staleCase(allowedActions(record.state, actor, record.rules.workflow));
  const requirements = materials.length > 0 ? await correctionRequirements(deps, record, action, principal, materials) : new Map<string, string>();
  const today = chinaToday(meta.now);
  const updated = await deps.db.transaction(async (tx) => {
    const next = await storeTransition(tx, record, action, input, { actor, actorName: principal.name, today, requestId: meta.requestId });
    if (materials.length > 0) await attachMaterials(tx, deps, record, principal, materials, requirements);
    return next;
  });
  return { record: updated, allowedActions: allowedActions(updated.state, actor, updated.rules.workflow) };
}


/** The item's requirement names by id, after checking that materials may come with this action and name known requirements. */
async function correctionRequirements(
  deps: CasesDeps,
  record: CaseRecord,
  action: CaseAction,
  principal: Principal,
  materials: NonNullable<CaseActionInput['materials']>,
): Promise<Map<string, string>> {
  if (action !== 'submit_correction' || principal.account.kind !== 'person') {
    throw new AppError('validation_failed', {
      message: '只有申请人提交补正时可以附材料。Materials come only with the applicant\'s submit_correction.',
      errors: [{ field: 'materials', code: 'not_allowed', message: '此操作不接受材料 / this action takes no materials' }],
    });
  }
  const form = await getItemForm(deps.db, record.implementationCode);
  const names = new Map((form?.materials ?? []).map((m) => [m.id, m.name]));
  const errors: FieldError[] = materials.flatMap((m, i) =>
    names.has(m.material) ? [] : [{ field: `materials.${i}.material`, code: 'unknown_material', message: '该事项没有这项材料要求。No such material requirement for this item.' }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', { message: '补正材料有误。Some materials are not valid.', errors });
  return names;
}

async function attachMaterials(
  tx: Queryable,
  deps: CasesDeps,
  record: CaseRecord,
  principal: Principal,
  materials: NonNullable<CaseActionInput['materials']>,
  names: Map<string, string>,
): Promise<void> {
  if (principal.account.kind !== 'person') return;
  const claimed = await claimUploads(tx, {
    owner: accountIdOf({ kind: 'person', personId: principal.account.personId }),
    uploadIds: materials.map((m) => m.upload),
    caseRef: record.number,
    maxTotalBytes: deps.config.uploadMaxCaseBytes,
    fieldOf: (i) => `materials.${i}.upload`,
    totalField: 'materials',
  });
  await insertCaseMaterials(
    tx,
    record.id,
    claimed.map((upload, i) => {
      const requirementId = materials[i]!.material;
      return { requirementId, requirement: names.get(requirementId) ?? requirementId, uploadId: upload.id, name: upload.name, mediaType: upload.mediaType, size: upload.size, sha256: upload.sha256 };
    }),
  );
}
