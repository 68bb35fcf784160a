/**
 * 网上申报: a signed-in person applies for a published item. Checks the level, the agent's scope, the form
 * (every error at once) and the materials (every missing one at once); then, in ONE transaction: the
 * Idempotency-Key, the case number from the daily counter, the uploads claimed, the case, its first timeline
 * event, the audit record and the applicant's notification — and, for items without online pre-review, the
 * system's `receive` (the acceptance clock starts). A retry with the same key returns the same answer.
 */
import crypto from 'node:crypto';
import { writeAudit } from '../../../platform/audit.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { getItemGuide } from '../../catalog/index.js';
import { getItemForm, validateApplication } from '../../forms/index.js';
import { accountIdOf, agentItemScope, type PersonPrincipal } from '../../identity/index.js';
import { claimUploads } from '../../uploads/index.js';
import { noClocks } from '../case-clock.js';
import { chinaToday, formatCaseNumber, MAX_DAILY_SEQUENCE, newQueryCode, queryCodeSubject } from '../case-number.js';
import { caseRecordRules } from '../case-rules.js';
import {
  allocateSequence,
  completeIdempotency,
  findCaseByNumber,
  findIdempotency,
  insertCase,
  insertCaseEvent,
  insertCaseMaterials,
  insertNotification,
  reserveIdempotency,
  type CaseRecord,
  type IdempotencyRecord,
} from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';
import { requestHash } from '../request-hash.js';
import { storeTransition } from '../store-transition.js';
import { newCaseState, type CaseStatus } from '../workflow.js';

export interface SubmitCaseInput {
  item: string;
  form: Record<string, unknown>;
  materials: { material: string; upload: string }[];
}

export interface SubmittedCase {
  number: string;
  status: CaseStatus;
  queryCode: string;
  /** True when this answers a retry: nothing new was created. */
  replayed: boolean;
}

const LEVEL_NAMES = ['未认证 (0)', '一级：手机号码已验证', '二级：实名认证', '三级：窗口现场核验'];
const LEVEL_HOW = [
  '',
  '在“我的账户”验证手机号码 (POST /api/v1/me/phone/verification)',
  '在“我的账户”用银行卡或社保卡完成实名认证 (POST /api/v1/me/real-name)',
  '携带身份证到政务服务窗口现场核验',
];

export const QUERY_CODE_PURPOSE = 'case_query_code';

/** The list of problems with the materials: unknown requirements and every required one missing. */
function materialErrors(requirements: { id: string; name: string; required: boolean }[], materials: SubmitCaseInput['materials']): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set(requirements.map((r) => r.id));
  materials.forEach((m, i) => {
    if (!ids.has(m.material)) errors.push({ field: `materials.${i}.material`, code: 'unknown_material', message: '该事项没有这项材料要求。No such material requirement for this item.' });
  });
  const given = new Set(materials.map((m) => m.material));
  for (const r of requirements) {
    if (r.required && !given.has(r.id)) {
      errors.push({ field: `materials.${r.id}`, code: 'required', message: `缺少必交材料：${r.name}。Required material missing: ${r.name}.` });
    }
  }
  return errors;
}

async function replay(deps: CasesDeps, found: IdempotencyRecord, hash: string): Promise<SubmittedCase> {
  if (found.requestHash !== hash || !found.caseNumber || !found.queryCodeEnc) {
    throw new AppError('idempotency_key_reused', {
      message: '此 Idempotency-Key 已用于另一份申请；新申请请使用新的键。This Idempotency-Key was used for a different request.',
    });
  }
  const record = await findCaseByNumber(deps.db, found.caseNumber);
  return { number: found.caseNumber, status: record?.status ?? 'submitted', queryCode: deps.fields.decrypt(found.queryCodeEnc), replayed: true };
}

export async function submitCase(
  deps: CasesDeps,
  principal: PersonPrincipal,
  input: SubmitCaseInput,
  meta: { idempotencyKey: string; requestId?: string; now?: Date },
): Promise<SubmittedCase> {
  const account = accountIdOf(principal.account);
  const hash = requestHash(input);
  const earlier = await findIdempotency(deps.db, account, meta.idempotencyKey);
  if (earlier) return replay(deps, earlier, hash);

  const [itemForm, guide] = await Promise.all([getItemForm(deps.db, input.item), getItemGuide(deps.db, input.item)]);
  if (!itemForm || !guide) throw new AppError('not_found', { message: '事项不存在或未发布。No such published item.' });
  if (!guide.elements.onlineSubmission) {
    throw new AppError('validation_failed', {
      message: '该事项不支持网上申报。This item cannot be applied for online.',
      errors: [{ field: 'item', code: 'not_online', message: '该事项不支持网上申报，请到窗口办理。Apply at the service window.' }],
    });
  }
  const minimumLevel = Math.max(itemForm.definition.minimumLevel, guide.elements.minAssuranceLevel);
  if (principal.level < minimumLevel) {
    throw new AppError('level_too_low', {
      message:
        `申请此事项需要${LEVEL_NAMES[minimumLevel]}，您当前为${LEVEL_NAMES[principal.level] ?? principal.level}。提升方法：${LEVEL_HOW.slice(principal.level + 1, minimumLevel + 1).join('；')}。` +
        ` This item needs assurance level ${minimumLevel}; yours is ${principal.level}.`,
      extensions: { requiredLevel: minimumLevel, currentLevel: principal.level },
    });
  }
  const acting = principal.actingAs;
  if (acting?.role === 'agent') {
    const scope = await agentItemScope(deps.db, principal.account.personId, acting.companyId);
    if (scope === undefined || (scope !== null && !scope.includes(input.item))) {
      throw new AppError('forbidden', { message: '您的经办授权不包括此事项。Your agent grant does not cover this item.' });
    }
  }
  const errors = [...validateApplication(itemForm.definition, input.form), ...materialErrors(itemForm.materials, input.materials)];
  if (errors.length > 0) throw new AppError('validation_failed', { message: '申请内容有误，请逐项修改。Please correct every field listed.', errors });

  const now = meta.now ?? new Date();
  const today = chinaToday(now);
  const rules = caseRecordRules(guide);
  const personAccount = accountIdOf({ kind: 'person', personId: principal.account.personId });
  const requirementNames = new Map(itemForm.materials.map((r) => [r.id, r.name]));

  const outcome = await deps.db.transaction(async (tx): Promise<SubmittedCase | IdempotencyRecord> => {
    if (!(await reserveIdempotency(tx, account, meta.idempotencyKey, hash))) {
      return (await findIdempotency(tx, account, meta.idempotencyKey))!;
    }
    const sequence = await allocateSequence(tx, input.item, today);
    if (sequence > MAX_DAILY_SEQUENCE) throw new AppError('unavailable', { message: '今日该事项编号已用尽。No case numbers left today for this item.' });
    const number = formatCaseNumber(input.item, today, sequence);
    const queryCode = newQueryCode();
    const claimed = await claimUploads(tx, {
      owner: personAccount,
      uploadIds: input.materials.map((m) => m.upload),
      caseRef: number,
      maxTotalBytes: deps.config.uploadMaxCaseBytes,
      fieldOf: (i) => `materials.${i}.upload`,
      totalField: 'materials',
    });
    const state = newCaseState();
    const record: CaseRecord = {
      id: crypto.randomUUID(),
      number,
      implementationCode: input.item,
      itemName: guide.name,
      agencyId: guide.agency.id,
      applicant: personAccount,
      companyId: acting?.companyId ?? null,
      companyUscc: acting?.uscc ?? null,
      status: state.status,
      state,
      version: state.version,
      rules,
      formVersion: itemForm.definition.version,
      form: input.form,
      queryCodeHash: deps.fields.lookupHash(QUERY_CODE_PURPOSE, queryCodeSubject(number, queryCode)),
      submittedAt: now.toISOString(),
      clock: noClocks(),
    };
    await insertCase(tx, record);
    await insertCaseMaterials(
      tx,
      record.id,
      claimed.map((upload, i) => {
        const requirementId = input.materials[i]!.material;
        return { requirementId, requirement: requirementNames.get(requirementId) ?? requirementId, uploadId: upload.id, name: upload.name, mediaType: upload.mediaType, size: upload.size, sha256: upload.sha256 };
      }),
    );
    const detail = { item: input.item, formVersion: record.formVersion, materials: claimed.length, company: acting?.uscc ?? null };
    const seq = await insertCaseEvent(tx, { caseId: record.id, actor: account, actorName: principal.name, action: 'submit', fromStatus: null, toStatus: 'submitted', detail, notices: [] });
    await writeAudit(tx, { actor: account, action: 'case.submit', subject: number, requestId: meta.requestId, detail });
    await insertNotification(tx, {
      caseId: record.id,
      eventSeq: seq,
      account: personAccount,
      kind: 'submit',
      title: '申报成功 / Application submitted',
      body: `您已成功申报“${guide.name}”，办件编号 ${number}。Your application for ${guide.name} was submitted: case ${number}.`,
    });
    let status: CaseStatus = record.status;
    if (!rules.onlinePreReview) {
      const received = await storeTransition(tx, record, 'receive', {}, { actor: { kind: 'system', job: 'intake' }, actorName: '系统自动接件', today, requestId: meta.requestId });
      status = received.status;
    }
    await completeIdempotency(tx, account, meta.idempotencyKey, number, deps.fields.encrypt(queryCode));
    return { number, status, queryCode, replayed: false };
  });
  return 'replayed' in outcome ? outcome : replay(deps, outcome, hash);
}

