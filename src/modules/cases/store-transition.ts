/**
 * Stores one workflow transition, in the caller's transaction: the new state (only if the case still has
 * the version that was read: optimistic concurrency), the legal clocks, the timeline event, the audit record
 * and the applicant's notification.
 */
import { writeAudit } from '../../platform/audit.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { applyClockEffects } from './case-clock.js';
import { insertCaseEvent, insertNotification, updateCaseState, type CaseRecord } from './cases.repository.js';
import { ACTION_LABELS, STATUS_LABELS } from './labels.js';
import { allowedActions, transition, type ActionInput, type Actor, type CaseAction } from './workflow.js';

export interface TransitionContext {
  actor: Actor;
  /** Shown in the timeline: the person's or staff member's name, or the job's. */
  actorName: string;
  today: string;
  requestId?: string | undefined;
}

/** The problem for a refused transition: 409 with `allowed`, 403, or 400 with field errors. */
function refusal(code: 'illegal_action' | 'forbidden' | 'invalid_input', action: CaseAction, allowed: string[], errors?: AppError['errors']): AppError {
  if (code === 'illegal_action') {
    return new AppError('invalid_transition', {
      message: `当前状态下不能执行“${ACTION_LABELS[action].zh}”。This action is not possible in the case's current state.`,
      extensions: { allowed },
    });
  }
  if (code === 'forbidden') {
    return new AppError('forbidden', { message: '您无权对此办件执行该操作。You may not take this action on this case.', errors, extensions: { allowed } });
  }
  return new AppError('validation_failed', { message: '办理意见有误。Some inputs are missing or invalid.', errors, extensions: { allowed } });
}

export const staleCase = (allowed: string[]) =>
  new AppError('conflict', { message: '办件已被他人更新，请刷新后重试。The case was changed meanwhile: reload and try again.', extensions: { allowed } });

/** Take `action` on `record` for `ctx.actor`; throws the refusal or the conflict. Returns the updated record. */
export async function storeTransition(
  tx: Queryable,
  record: CaseRecord,
  action: CaseAction,
  input: ActionInput,
  ctx: TransitionContext,
): Promise<CaseRecord> {
  const rules = record.rules.workflow;
  const result = transition(record.state, action, ctx.actor, input, rules);
  if (!result.ok) throw refusal(result.code, action, result.allowed, result.errors);
  const clock = applyClockEffects(record.clock, result.clock, record.rules.limits, ctx.today);
  if (!(await updateCaseState(tx, record.id, record.version, result.next, clock))) throw staleCase(allowedActions(record.state, ctx.actor, rules));
  const seq = await insertCaseEvent(tx, {
    caseId: record.id,
    actor: result.audit.actor,
    actorName: ctx.actorName,
    action,
    fromStatus: record.status,
    toStatus: result.next.status,
    detail: result.audit.detail,
    notices: result.notices,
  });
  await writeAudit(tx, { actor: result.audit.actor, action: result.audit.action, subject: record.number, requestId: ctx.requestId, detail: result.audit.detail });
  // The applicant hears of every step taken by someone else.
  if (ctx.actor.kind !== 'applicant') {
    const status = STATUS_LABELS[result.next.status];
    await insertNotification(tx, {
      caseId: record.id,
      eventSeq: seq,
      account: record.applicant,
      kind: action,
      title: `${ACTION_LABELS[action].zh} / ${ACTION_LABELS[action].en}`,
      body:
        `您的办件 ${record.number}（${record.itemName}）${ACTION_LABELS[action].zh}，当前状态：${status.zh}。` +
        `${result.notices.length > 0 ? `文书：${result.notices.map((n) => n.title.zh).join('、')}。` : ''}` +
        ` Your case ${record.number}: ${ACTION_LABELS[action].en.toLowerCase()}; status: ${status.en}.`,
    });
  }
  return { ...record, status: result.next.status, state: result.next, version: result.next.version, clock };
}
