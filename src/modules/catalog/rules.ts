/**
 * Publishing (guide-quality) rules for an implementation item, and the checks on an agency.
 * Pure functions: each failure is a field-level error with a stable `code` and a Chinese message,
 * so the API, the import report and the staff pages all show the same thing.
 */
import type { FieldError } from '../../platform/errors.js';
import { usccProblem } from '../../platform/checksums.js';
import type { ItemElements, TimeLimit } from './model.js';

/** 行政许可 in the item_type code list. */
export const LICENSING_TYPE = '01';
/** The five process links a licensing guide must show (受理, 审核, 审批, 办结, 送达). */
export const LICENSING_LINKS = ['受理', '审核', '审批', '办结', '送达'] as const;
const IMMEDIATE_CASE = '1';
const FULLY_ONLINE_DEPTH = '4';
const NATURAL_PERSON = '1';
const ONLINE_FORMS = ['2', '3'];

export interface PublishCandidate {
  /** 事项类型 code of the basic item. */
  typeCode: string;
  name: string;
  elements: ItemElements;
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';
const fieldError = (field: string, code: string, message: string): FieldError => ({ field, code, message });
const normalisePhone = (phone: string) => phone.replace(/[\s()（）-]/g, '');

/** An item can be applied for online: online depth Ⅲ or Ⅳ and an online handling form. */
export function appliesOnline(elements: ItemElements): boolean {
  return Number(elements.onlineDepth) >= 3 && elements.handlingForms.some((f) => ONLINE_FORMS.includes(f));
}

/** The mandatory elements of a guide (要素完整): the basis of 1★ and the first thing publishing checks. */
export function completenessProblems(item: Pick<PublishCandidate, 'name' | 'elements'>): FieldError[] {
  const el = item.elements;
  const errors: FieldError[] = [];
  const requireText = (field: string, value: string | null | undefined, label: string) => {
    if (blank(value)) errors.push(fieldError(field, 'required', `${label}不能为空`));
  };
  requireText('name', item.name, '事项名称');
  requireText('acceptanceConditions', el.acceptanceConditions, '受理条件');
  requireText('place', el.place, '办理地点');
  requireText('hours', el.hours, '办理时间');
  requireText('consultationPhone', el.consultationPhone, '咨询电话');
  requireText('complaintPhone', el.complaintPhone, '监督投诉电话');
  requireText('reviewBody', el.reviewBody, '行政复议机关');
  requireText('litigationBody', el.litigationBody, '行政诉讼机关');
  if (el.serviceObjects.length === 0) errors.push(fieldError('serviceObjects', 'required', '请至少选择一个服务对象'));
  if (el.handlingForms.length === 0) errors.push(fieldError('handlingForms', 'required', '请至少选择一种办理形式'));
  errors.push(...timeLimitProblems('legalLimit', el.legalLimit, '法定办结时限'));
  errors.push(...timeLimitProblems('promisedLimit', el.promisedLimit, '承诺办结时限'));
  if (!Number.isInteger(el.visits) || el.visits < 0) errors.push(fieldError('visits', 'visits_invalid', '到办事现场次数应为非负整数'));
  el.materials.forEach((m, i) => requireText(`materials[${i}].name`, m.name, '材料名称'));
  el.links.forEach((l, i) => requireText(`links[${i}].name`, l.name, '环节名称'));
  el.faq.forEach((f, i) => {
    requireText(`faq[${i}].question`, f.question, '常见问题');
    requireText(`faq[${i}].answer`, f.answer, '问题解答');
  });
  return errors;
}

function timeLimitProblems(field: string, limit: TimeLimit, label: string): FieldError[] {
  const immediate = limit.unit === 'IMMEDIATE';
  const valid = immediate ? limit.value === null : Number.isInteger(limit.value) && (limit.value ?? 0) > 0;
  return valid ? [] : [fieldError(field, 'time_limit_invalid', `${label}应为正整数天数，或“即办”且不填天数`)];
}

/**
 * True when the promised limit certainly exceeds the legal one. Mixed units compare only when the
 * answer is certain: n working days always span at least n calendar days.
 */
function promisedExceedsLegal(promised: TimeLimit, legal: TimeLimit): boolean {
  if (promised.unit === 'IMMEDIATE') return false;
  if (legal.unit === 'IMMEDIATE') return true;
  const p = promised.value ?? 0;
  const l = legal.value ?? 0;
  if (promised.unit === legal.unit) return p > l;
  return promised.unit === 'WD' && p > l;
}

/** Every publishing rule; an empty list means the version may be published. */
export function publishingProblems(item: PublishCandidate): FieldError[] {
  const el = item.elements;
  const errors = completenessProblems(item);
  const timeLimitsValid = !errors.some((e) => e.code === 'time_limit_invalid');

  if (timeLimitsValid && promisedExceedsLegal(el.promisedLimit, el.legalLimit)) {
    errors.push(fieldError('promisedLimit', 'promised_exceeds_legal', '承诺办结时限不能超过法定办结时限'));
  }
  if ((el.promisedLimit.unit === 'IMMEDIATE') !== (el.caseType === IMMEDIATE_CASE)) {
    errors.push(fieldError('promisedLimit', 'promised_limit_immediate_mismatch', '承诺时限为“即办”当且仅当办件类型为即办件'));
  }
  if (el.visits > 0 && blank(el.visitReason)) {
    errors.push(fieldError('visitReason', 'visit_reason_required', '到办事现场次数不为0时，须填写必须现场办理的原因'));
  }
  if (el.onlineDepth === FULLY_ONLINE_DEPTH && el.visits !== 0) {
    errors.push(fieldError('visits', 'depth4_requires_zero_visits', '网上办理深度为Ⅳ级（全程网办）时，到办事现场次数须为0'));
  }
  if (el.visits === 0 && !appliesOnline(el) && !el.postalApplication) {
    errors.push(fieldError('postalApplication', 'postal_required', '到办事现场次数为0且不支持网上申办时，须支持邮寄申请'));
  }
  errors.push(...feeProblems(el));
  if (!blank(el.consultationPhone) && normalisePhone(el.consultationPhone) === normalisePhone(el.complaintPhone)) {
    errors.push(fieldError('complaintPhone', 'phones_must_differ', '咨询电话与监督投诉电话不能相同'));
  }
  if (item.typeCode === LICENSING_TYPE) errors.push(...licensingProblems(el));
  el.results.forEach((r, i) => {
    if (blank(r.sample)) errors.push(fieldError(`results[${i}].sample`, 'result_sample_required', `审批结果“${r.name}”须提供结果样本`));
  });
  errors.push(...audienceTopicProblems(el));
  return errors;
}

function feeProblems(el: ItemElements): FieldError[] {
  const errors: FieldError[] = [];
  if (el.charged !== el.fees.length > 0) {
    errors.push(
      fieldError('fees', 'fee_items_mismatch', el.charged ? '收费事项须列出收费项目' : '不收费的事项不能列出收费项目'),
    );
  }
  el.fees.forEach((fee, i) => {
    if (blank(fee.name) || blank(fee.standard)) errors.push(fieldError(`fees[${i}]`, 'fee_item_required', '收费项目须填写名称和收费标准'));
    if (blank(fee.legalBasis)) errors.push(fieldError(`fees[${i}].legalBasis`, 'fee_basis_required', '收费项目须填写收费依据'));
  });
  if (el.charged && !el.onlinePayment) {
    errors.push(fieldError('onlinePayment', 'fee_requires_online_payment', '收费事项须支持网上支付'));
  }
  if (!el.charged && el.onlinePayment) {
    errors.push(fieldError('onlinePayment', 'no_fee_forbids_online_payment', '不收费的事项不能设置网上支付'));
  }
  return errors;
}

function licensingProblems(el: ItemElements): FieldError[] {
  const errors: FieldError[] = [];
  if (el.faq.length < 1) errors.push(fieldError('faq', 'licensing_faq_required', '行政许可事项须至少有1条常见问题'));
  const missing = LICENSING_LINKS.filter((name) => !el.links.some((l) => l.name.includes(name)));
  if (el.links.length < LICENSING_LINKS.length || missing.length > 0) {
    const detail = missing.length > 0 ? `，缺少：${missing.join('、')}` : '';
    errors.push(fieldError('links', 'licensing_links_required', `行政许可事项须至少有5个办理环节（受理、审核、审批、办结、送达）${detail}`));
  }
  return errors;
}

/** 服务对象 and 主题分类 agree: natural persons ⇔ person topics, legal persons and organisations ⇔ business topics. */
function audienceTopicProblems(el: ItemElements): FieldError[] {
  const errors: FieldError[] = [];
  const servesPersons = el.serviceObjects.includes(NATURAL_PERSON);
  const servesOrganisations = el.serviceObjects.some((o) => o !== NATURAL_PERSON);
  if (servesPersons !== el.personTopics.length > 0) {
    errors.push(
      fieldError(
        'personTopics',
        'audience_topic_mismatch',
        servesPersons ? '服务对象含自然人时须选择自然人主题' : '服务对象不含自然人时不能选择自然人主题',
      ),
    );
  }
  if (servesOrganisations !== el.businessTopics.length > 0) {
    errors.push(
      fieldError(
        'businessTopics',
        'audience_topic_mismatch',
        servesOrganisations ? '服务对象含法人或其他组织时须选择法人主题' : '服务对象不含法人或其他组织时不能选择法人主题',
      ),
    );
  }
  return errors;
}

export interface AgencyCandidate {
  uscc: string;
  name: string;
  consultationPhone: string;
  complaintPhone: string;
}

const USCC_MESSAGES = {
  uscc_format: '统一社会信用代码格式不正确（18位，不含I、O、S、V、Z）',
  uscc_check: '统一社会信用代码校验码错误（GB 32100）',
  uscc_org_check: '统一社会信用代码中的组织机构代码校验码错误（GB 11714）',
} as const;

/** Checks on an agency (实施主体): its USCC and its two phones. */
export function agencyProblems(agency: AgencyCandidate): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(agency.name)) errors.push(fieldError('name', 'required', '实施主体名称不能为空'));
  const problem = usccProblem(agency.uscc);
  if (problem) errors.push(fieldError('uscc', problem, USCC_MESSAGES[problem]));
  if (blank(agency.consultationPhone)) errors.push(fieldError('consultationPhone', 'required', '咨询电话不能为空'));
  if (blank(agency.complaintPhone)) errors.push(fieldError('complaintPhone', 'required', '监督投诉电话不能为空'));
  else if (normalisePhone(agency.consultationPhone) === normalisePhone(agency.complaintPhone)) {
    errors.push(fieldError('complaintPhone', 'phones_must_differ', '咨询电话与监督投诉电话不能相同'));
  }
  return errors;
}
