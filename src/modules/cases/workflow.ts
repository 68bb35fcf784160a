/**
 * The case workflow (办件流程) as pure transition functions: no database, no clock arithmetic, no HTTP.
 * `transition` answers whether an actor may take an action on a case now and, if so, the next state,
 * what happens to the legal clocks, which written notices (文书) to issue and what to audit; the caller
 * stores all of it in one transaction. `allowedActions` lists what an actor may do now (for
 * `allowedActions` in the case API and the 409 answers). Rules follow 行政许可法 arts. 32, 42, 44 and 45;
 * the README explains every decision.
 */
import type { FieldError } from '../../platform/errors.js';

/** 办件状态 */
export const CASE_STATUSES = [
  'submitted',
  'returned',
  'received',
  'correction_requested',
  'not_accepted',
  'accepted',
  'special_procedure',
  'concluded',
  'delivered',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States that allow no action at all. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['returned', 'not_accepted', 'delivered', 'withdrawn'];

/** Action names, as in `POST /api/v1/cases/{number}/actions`. `receive` and `deem_accepted` are ours. */
export const CASE_ACTIONS = [
  'receive',
  'return_prereview',
  'withdraw',
  'accept',
  'not_accept',
  'request_correction',
  'submit_correction',
  'deem_accepted',
  'advance',
  'extend',
  'start_special',
  'end_special',
  'approve',
  'approve_tolerated',
  'deny',
  'deliver',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Staff roles that act on cases (codes of identity's role list). */
export type WorkflowRole = 'window_clerk' | 'handler' | 'reviewer' | 'approver';

/** 特别程序 kind 2 (art. 45): the time they take is not counted. */
export const SPECIAL_KINDS = ['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert_review'] as const;
export type SpecialKind = (typeof SPECIAL_KINDS)[number];

export const DELIVERY_METHODS = ['electronic', 'post', 'window'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** 办结结果: 准予 | 容缺通过 | 不予 */
export type Outcome = 'approved' | 'approved_tolerated' | 'denied';

/** Who acts. Ownership (the applicant's own case) and agency (staff of the case's agency) are checked by the caller. */
export type Actor =
  | { kind: 'applicant'; accountId: string }
  | { kind: 'staff'; staffId: string; roles: readonly string[] }
  | { kind: 'system'; job: string };

/** 办理环节 after acceptance (承办, 审核, 批准 …): the staff role that finishes it. */
export interface WorkflowLink {
  name: string;
  role: WorkflowRole;
}

/** 行政复议 / 行政诉讼 bodies named in a negative decision. */
export interface RightsNotice {
  reviewBody: string;
  litigationBody: string;
}

/** What the workflow needs to know about the case's item (see item-rules.ts for defaults). */
export interface CaseRules {
  /** The links a case runs through after acceptance; the last one takes the decision. At least one. */
  links: readonly WorkflowLink[];
  /** 即办件 */
  immediate: boolean;
  /** 岗位分离: the acceptor may not decide, and nobody finishes two links of one case. */
  segregationOfDuties: boolean;
  /** Art. 42: the most working days all extensions of one case may add together (10 unless a law says more). */
  maxExtensionDays: number;
  /** Default rights notice for 不予受理 and 不予许可 (the item's 行政复议 / 行政诉讼 bodies). */
  rights?: RightsNotice | null;
}

/** The workflow part of a case. `version` grows by one with every transition (optimistic concurrency). */
export interface CaseState {
  status: CaseStatus;
  version: number;
  /** Index into `CaseRules.links` of the current link (accepted, special_procedure); null otherwise. */
  linkIndex: number | null;
  /** staffId of the clerk who accepted; null before acceptance and for deemed acceptance. */
  acceptedBy: string | null;
  /** 视为受理 (art. 32) */
  deemedAccepted: boolean;
  /** staffId of whoever finished each link, in order (the decider finishes the last link). */
  linkFinishers: string[];
  /** Working days added by extensions so far. */
  extendedDays: number;
  /** How many times correction (补正) was requested. */
  correctionRounds: number;
  /** The running special procedure, in special_procedure. */
  special: { kind: SpecialKind; reasons: string } | null;
  outcome: Outcome | null;
  /** 容缺: materials the applicant still owes after a tolerated approval. */
  pendingMaterials: string[];
  deliveryMethod: DeliveryMethod | null;
}

/** One entry of a correction notice (补正): a material or field and what is missing or wrong with it. */
export interface CorrectionItem {
  name: string;
  problem: string;
}

/** The body of an action (`{action, opinion, …}`); which fields are required depends on the action. */
export interface ActionInput {
  opinion?: string;
  reasons?: string;
  corrections?: CorrectionItem[];
  /** not_accept for a matter outside the agency's power: where to apply instead (art. 32). */
  referTo?: string;
  days?: number;
  kind?: SpecialKind;
  /** end_special: the outcome of the hearing, test … */
  result?: string;
  pendingMaterials?: string[];
  rights?: RightsNotice;
  method?: DeliveryMethod;
}

export type ClockName = 'acceptance' | 'decision' | 'link' | 'delivery';

/**
 * What happens to a legal clock; the calendar module turns these into dates. `stop` halts a clock (it may
 * `resume` later or simply end), `start` (re)starts it from today, or from the day the case was received
 * when `from` is 'received' (deemed acceptance), `extend` adds working days to its limit.
 */
export interface ClockEffect {
  clock: ClockName;
  effect: 'start' | 'stop' | 'resume' | 'extend';
  /** For the link clock: which link. */
  link?: number;
  /** For extend: working days added. */
  days?: number;
  from?: 'received';
}

/** 文书 */
export type NoticeKind =
  | 'prereview_return'
  | 'acceptance'
  | 'non_acceptance'
  | 'correction'
  | 'extension'
  | 'special_procedure'
  | 'approval'
  | 'denial';

export const NOTICE_TITLES: Record<NoticeKind, { zh: string; en: string }> = {
  prereview_return: { zh: '预审退回通知', en: 'Pre-review return notice' },
  acceptance: { zh: '受理通知书', en: 'Notice of acceptance' },
  non_acceptance: { zh: '不予受理决定书', en: 'Decision not to accept' },
  correction: { zh: '补正材料通知书', en: 'Notice to correct materials' },
  extension: { zh: '延长审批期限通知书', en: 'Notice of extension' },
  special_procedure: { zh: '特别程序告知书', en: 'Notice of special procedure' },
  approval: { zh: '准予行政许可决定书', en: 'Decision to grant the licence' },
  denial: { zh: '不予行政许可决定书', en: 'Decision to refuse the licence' },
};

/** A written notice to issue to the applicant; `data` fills its template. */
export interface Notice {
  kind: NoticeKind;
  title: { zh: string; en: string };
  data: Record<string, unknown>;
}

/** The audit record of a transition, for writeAudit (the caller adds the subject: the case number). */
export interface TransitionAudit {
  actor: string;
  action: `case.${CaseAction}`;
  detail: { from: CaseStatus; to: CaseStatus; version: number } & Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; next: CaseState; clock: ClockEffect[]; notices: Notice[]; audit: TransitionAudit }
  | { ok: false; code: 'illegal_action' | 'forbidden' | 'invalid_input'; allowed: CaseAction[]; errors?: FieldError[] };

/** A new case, as submitted by the applicant. */
export function newCaseState(): CaseState {
  return {
    status: 'submitted',
    version: 1,
    linkIndex: null,
    acceptedBy: null,
    deemedAccepted: false,
    linkFinishers: [],
    extendedDays: 0,
    correctionRounds: 0,
    special: null,
    outcome: null,
    pendingMaterials: [],
    deliveryMethod: null,
  };
}

interface Effects {
  next: Partial<CaseState> & { status: CaseStatus };
  clock: ClockEffect[];
  notices: Notice[];
  detail: Record<string, unknown>;
}

interface ActionSpec {
  /** Is the action possible in this state at all (whoever asks)? */
  enabled(state: CaseState, rules: CaseRules): boolean;
  /** May this actor take it? Roles only; segregation of duties is checked separately. */
  permitted(actor: Actor, state: CaseState, rules: CaseRules): boolean;
  validate(input: ActionInput, state: CaseState, rules: CaseRules): FieldError[];
  apply(state: CaseState, input: ActionInput, actor: Actor, rules: CaseRules): Effects;
}

const BEFORE_DECISION: readonly CaseStatus[] = ['submitted', 'received', 'correction_requested', 'accepted', 'special_procedure'];

const isApplicant = (actor: Actor) => actor.kind === 'applicant';
const isSystem = (actor: Actor) => actor.kind === 'system';
const hasRole = (actor: Actor, ...roles: WorkflowRole[]) => actor.kind === 'staff' && roles.some((role) => actor.roles.includes(role));
const staffIdOf = (actor: Actor) => (actor.kind === 'staff' ? actor.staffId : null);

const lastLinkIndex = (rules: CaseRules) => Math.max(0, rules.links.length - 1);
const linkAt = (rules: CaseRules, index: number): WorkflowLink => rules.links[index] ?? { name: '批准', role: 'approver' };
const inProcess = (state: CaseState) => state.status === 'accepted' && state.linkIndex !== null;
const atDecisionLink = (state: CaseState, rules: CaseRules) => inProcess(state) && state.linkIndex === lastLinkIndex(rules);
const mayFinishCurrentLink = (actor: Actor, state: CaseState, rules: CaseRules) => hasRole(actor, linkAt(rules, state.linkIndex ?? 0).role);

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function required(input: ActionInput, field: 'reasons' | 'opinion' | 'result', label: string): FieldError[] {
  return blank(input[field]) ? [{ field, code: 'required', message: `${label}不能为空 / ${field} is required` }] : [];
}

function rightsOf(input: ActionInput, rules: CaseRules): RightsNotice | null {
  const rights = input.rights ?? rules.rights ?? null;
  if (!rights || blank(rights.reviewBody) || blank(rights.litigationBody)) return null;
  return rights;
}

function correctionErrors(input: ActionInput): FieldError[] {
  const list = input.corrections;
  if (!Array.isArray(list) || list.length === 0) {
    return [{ field: 'corrections', code: 'required', message: '须一次列明全部需补正的材料 / list every item to correct' }];
  }
  const errors: FieldError[] = [];
  list.forEach((item, i) => {
    if (blank(item?.name)) errors.push({ field: `corrections.${i}.name`, code: 'required', message: '材料名称不能为空 / name is required' });
    if (blank(item?.problem)) errors.push({ field: `corrections.${i}.problem`, code: 'required', message: '补正内容不能为空 / problem is required' });
  });
  return errors;
}

/** Running clocks a case stops when it leaves the process early (withdrawal). */
function runningClocks(state: CaseState): ClockEffect[] {
  if (state.status === 'received') return [{ clock: 'acceptance', effect: 'stop' }];
  if (state.status === 'accepted') return [{ clock: 'link', effect: 'stop', link: state.linkIndex ?? 0 }, { clock: 'decision', effect: 'stop' }];
  return [];
}

function decisionEffects(state: CaseState, outcome: Outcome, actor: Actor): Pick<Effects, 'next' | 'clock'> {
  const index = state.linkIndex ?? 0;
  return {
    next: {
      status: 'concluded',
      outcome,
      linkIndex: null,
      linkFinishers: [...state.linkFinishers, staffIdOf(actor) ?? ''],
    },
    clock: [
      { clock: 'link', effect: 'stop', link: index },
      { clock: 'decision', effect: 'stop' },
      { clock: 'delivery', effect: 'start' },
    ],
  };
}

function notice(kind: NoticeKind, data: Record<string, unknown>): Notice {
  return { kind, title: NOTICE_TITLES[kind], data };
}

function acceptance(deemed: boolean, rules: CaseRules): Effects {
  return {
    next: { status: 'accepted', linkIndex: 0, deemedAccepted: deemed },
    clock: [
      { clock: 'acceptance', effect: 'stop' },
      deemed ? { clock: 'decision', effect: 'start', from: 'received' } : { clock: 'decision', effect: 'start' },
      { clock: 'link', effect: 'start', link: 0 },
    ],
    notices: [notice('acceptance', { deemed, immediate: rules.immediate })],
    detail: { deemed, link: linkAt(rules, 0).name },
  };
}

const noErrors = (): FieldError[] => [];

const SPECS: Record<CaseAction, ActionSpec> = {
  /** 接件: pre-review passed (or no pre-review); the 5-working-day acceptance clock starts. */
  receive: {
    enabled: (s) => s.status === 'submitted',
    permitted: (a) => hasRole(a, 'window_clerk') || isSystem(a),
    validate: noErrors,
    apply: (_s, input) => ({
      next: { status: 'received' },
      clock: [{ clock: 'acceptance', effect: 'start' }],
      notices: [],
      detail: { opinion: input.opinion ?? null },
    }),
  },
  /** 预审退回: returned with reasons; the applicant applies again. */
  return_prereview: {
    enabled: (s) => s.status === 'submitted',
    permitted: (a) => hasRole(a, 'window_clerk'),
    validate: (input) => required(input, 'reasons', '退回理由'),
    apply: (_s, input) => ({
      next: { status: 'returned' },
      clock: [],
      notices: [notice('prereview_return', { reasons: input.reasons })],
      detail: { reasons: input.reasons },
    }),
  },
  /** 撤回: by the applicant, any time before the decision. */
  withdraw: {
    enabled: (s) => BEFORE_DECISION.includes(s.status),
    permitted: isApplicant,
    validate: noErrors,
    apply: (s, input) => ({
      next: { status: 'withdrawn', linkIndex: null, special: null },
      clock: runningClocks(s),
      notices: [],
      detail: { reasons: input.reasons ?? null },
    }),
  },
  /** 受理 */
  accept: {
    enabled: (s) => s.status === 'received',
    permitted: (a) => hasRole(a, 'window_clerk'),
    validate: noErrors,
    apply: (_s, input, actor, rules) => {
      const effects = acceptance(false, rules);
      return { ...effects, next: { ...effects.next, acceptedBy: staffIdOf(actor) }, detail: { ...effects.detail, opinion: input.opinion ?? null } };
    },
  },
  /** 不予受理 (terminal), with reasons and a 不予受理决定书. */
  not_accept: {
    enabled: (s) => s.status === 'received',
    permitted: (a) => hasRole(a, 'window_clerk'),
    validate: (input) => required(input, 'reasons', '不予受理理由'),
    apply: (_s, input, _a, rules) => ({
      next: { status: 'not_accepted' },
      clock: [{ clock: 'acceptance', effect: 'stop' }],
      notices: [notice('non_acceptance', { reasons: input.reasons, referTo: input.referTo ?? null, rights: rightsOf(input, rules) })],
      detail: { reasons: input.reasons, referTo: input.referTo ?? null },
    }),
  },
  /** 补正: one notice lists every item; the acceptance clock stops. */
  request_correction: {
    enabled: (s) => s.status === 'received',
    permitted: (a) => hasRole(a, 'window_clerk'),
    validate: correctionErrors,
    apply: (s, input) => ({
      next: { status: 'correction_requested', correctionRounds: s.correctionRounds + 1 },
      clock: [{ clock: 'acceptance', effect: 'stop' }],
      notices: [notice('correction', { corrections: input.corrections, round: s.correctionRounds + 1 })],
      detail: { corrections: input.corrections, round: s.correctionRounds + 1 },
    }),
  },
  /** The applicant answers the correction notice: received again, the acceptance clock starts afresh. */
  submit_correction: {
    enabled: (s) => s.status === 'correction_requested',
    permitted: isApplicant,
    validate: noErrors,
    apply: (s) => ({
      next: { status: 'received' },
      clock: [{ clock: 'acceptance', effect: 'start' }],
      notices: [],
      detail: { round: s.correctionRounds },
    }),
  },
  /** 视为受理 (art. 32): nobody acted on a received case within 5 working days; the job decides when. */
  deem_accepted: {
    enabled: (s) => s.status === 'received',
    permitted: isSystem,
    validate: noErrors,
    apply: (_s, _input, _a, rules) => acceptance(true, rules),
  },
  /** Finish the current process link (承办, 审核 …) and move to the next; the last link is finished by the decision. */
  advance: {
    enabled: (s, r) => inProcess(s) && !atDecisionLink(s, r),
    permitted: mayFinishCurrentLink,
    validate: (input) => required(input, 'opinion', '环节意见'),
    apply: (s, input, actor, rules) => {
      const index = s.linkIndex ?? 0;
      return {
        next: { status: 'accepted', linkIndex: index + 1, linkFinishers: [...s.linkFinishers, staffIdOf(actor) ?? ''] },
        clock: [
          { clock: 'link', effect: 'stop', link: index },
          { clock: 'link', effect: 'start', link: index + 1 },
        ],
        notices: [],
        detail: { link: linkAt(rules, index).name, nextLink: linkAt(rules, index + 1).name, opinion: input.opinion },
      };
    },
  },
  /** 特别程序 kind 1, 延长审批 (art. 42): +N working days, by an approver, with reasons, up to the item's maximum. */
  extend: {
    enabled: inProcess,
    permitted: (a) => hasRole(a, 'approver'),
    validate: (input, s, rules) => {
      const errors = required(input, 'reasons', '延期理由');
      const days = input.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
        errors.push({ field: 'days', code: 'invalid', message: '延长天数须为正整数 / days must be a positive integer' });
      } else if (s.extendedDays + days > rules.maxExtensionDays) {
        errors.push({
          field: 'days',
          code: 'extension_exceeds_limit',
          message: `延长期限合计不得超过${rules.maxExtensionDays}个工作日 / at most ${rules.maxExtensionDays} working days in all (${s.extendedDays} used)`,
        });
      }
      return errors;
    },
    apply: (s, input) => ({
      next: { status: 'accepted', extendedDays: s.extendedDays + (input.days ?? 0) },
      clock: [{ clock: 'decision', effect: 'extend', days: input.days }],
      notices: [notice('extension', { days: input.days, reasons: input.reasons })],
      detail: { days: input.days, reasons: input.reasons, extendedDays: s.extendedDays + (input.days ?? 0) },
    }),
  },
  /** 特别程序 kind 2 (art. 45): hearing, testing, expert review …; the clocks pause and the applicant is told in writing. */
  start_special: {
    enabled: inProcess,
    permitted: (a) => hasRole(a, 'handler', 'reviewer', 'approver'),
    validate: (input) => {
      const errors = required(input, 'reasons', '特别程序理由');
      if (!SPECIAL_KINDS.includes(input.kind as SpecialKind)) {
        errors.push({ field: 'kind', code: 'invalid', message: `特别程序种类须为 ${SPECIAL_KINDS.join(', ')} 之一 / unknown kind` });
      }
      return errors;
    },
    apply: (s, input) => ({
      next: { status: 'special_procedure', special: { kind: input.kind as SpecialKind, reasons: input.reasons ?? '' } },
      clock: [
        { clock: 'link', effect: 'stop', link: s.linkIndex ?? 0 },
        { clock: 'decision', effect: 'stop' },
      ],
      notices: [notice('special_procedure', { kind: input.kind, reasons: input.reasons })],
      detail: { kind: input.kind, reasons: input.reasons },
    }),
  },
  /** The special procedure ends: back to the same link, the clocks resume. */
  end_special: {
    enabled: (s) => s.status === 'special_procedure',
    permitted: (a) => hasRole(a, 'handler', 'reviewer', 'approver'),
    validate: (input) => required(input, 'result', '特别程序结果'),
    apply: (s, input) => ({
      next: { status: 'accepted', special: null },
      clock: [
        { clock: 'decision', effect: 'resume' },
        { clock: 'link', effect: 'resume', link: s.linkIndex ?? 0 },
      ],
      notices: [],
      detail: { kind: s.special?.kind ?? null, result: input.result },
    }),
  },
  /** 准予 */
  approve: {
    enabled: atDecisionLink,
    permitted: mayFinishCurrentLink,
    validate: noErrors,
    apply: (s, input, actor) => ({
      ...decisionEffects(s, 'approved', actor),
      notices: [notice('approval', { opinion: input.opinion ?? null })],
      detail: { opinion: input.opinion ?? null },
    }),
  },
  /** 容缺通过: approved while named materials are delivered later (tracked in pendingMaterials). */
  approve_tolerated: {
    enabled: atDecisionLink,
    permitted: mayFinishCurrentLink,
    validate: (input) => {
      const list = input.pendingMaterials;
      if (!Array.isArray(list) || list.length === 0) {
        return [{ field: 'pendingMaterials', code: 'required', message: '须列明容缺后补的材料 / name the materials to deliver later' }];
      }
      return list.flatMap((name, i) =>
        blank(name) ? [{ field: `pendingMaterials.${i}`, code: 'required', message: '材料名称不能为空 / name is required' }] : [],
      );
    },
    apply: (s, input, actor) => {
      const effects = decisionEffects(s, 'approved_tolerated', actor);
      const pending = input.pendingMaterials ?? [];
      return {
        next: { ...effects.next, pendingMaterials: pending },
        clock: effects.clock,
        notices: [notice('approval', { opinion: input.opinion ?? null, pendingMaterials: pending })],
        detail: { opinion: input.opinion ?? null, pendingMaterials: pending },
      };
    },
  },
  /** 不予许可: reasons and the applicant's rights to administrative review and litigation (art. 38). */
  deny: {
    enabled: atDecisionLink,
    permitted: mayFinishCurrentLink,
    validate: (input, _s, rules) => {
      const errors = required(input, 'reasons', '不予许可理由');
      if (!rightsOf(input, rules)) {
        errors.push({ field: 'rights', code: 'required', message: '须告知申请复议或诉讼的权利 / the rights to review and litigation are required' });
      }
      return errors;
    },
    apply: (s, input, actor, rules) => ({
      ...decisionEffects(s, 'denied', actor),
      notices: [notice('denial', { reasons: input.reasons, rights: rightsOf(input, rules) })],
      detail: { reasons: input.reasons },
    }),
  },
  /** 送达 (art. 44: within 10 working days of the decision). */
  deliver: {
    enabled: (s) => s.status === 'concluded',
    permitted: (a) => hasRole(a, 'window_clerk', 'handler') || isSystem(a),
    validate: (input) =>
      DELIVERY_METHODS.includes(input.method as DeliveryMethod)
        ? []
        : [{ field: 'method', code: 'required', message: `送达方式须为 ${DELIVERY_METHODS.join(', ')} 之一 / method is required` }],
    apply: (_s, input) => ({
      next: { status: 'delivered', deliveryMethod: input.method ?? null },
      clock: [{ clock: 'delivery', effect: 'stop' }],
      notices: [],
      detail: { method: input.method },
    }),
  },
};

const DECISIONS: readonly CaseAction[] = ['approve', 'approve_tolerated', 'deny'];

/** Segregation of duties (岗位分离): the reason this actor may not take this action, or null. */
function segregationProblem(action: CaseAction, state: CaseState, actor: Actor, rules: CaseRules): FieldError | null {
  if (!rules.segregationOfDuties || actor.kind !== 'staff') return null;
  const finishesLink = action === 'advance' || DECISIONS.includes(action);
  if (DECISIONS.includes(action) && state.acceptedBy === actor.staffId) {
    return { field: 'actor', code: 'segregation_of_duties', message: '受理人不得作出审批决定 / the acceptor may not decide' };
  }
  if (finishesLink && state.linkFinishers.includes(actor.staffId)) {
    return { field: 'actor', code: 'segregation_of_duties', message: '同一人不得办理两个环节 / one person may not finish two links' };
  }
  return null;
}

/** The actions this actor may take on the case now (inputs aside). */
export function allowedActions(state: CaseState, actor: Actor, rules: CaseRules): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const spec = SPECS[action];
    return spec.enabled(state, rules) && spec.permitted(actor, state, rules) && !segregationProblem(action, state, actor, rules);
  });
}

/** Every action possible in this state for someone (who may do it aside): for timelines and tests. */
export function enabledActions(state: CaseState, rules: CaseRules): CaseAction[] {
  return CASE_ACTIONS.filter((action) => SPECS[action].enabled(state, rules));
}

function auditActor(actor: Actor): string {
  if (actor.kind === 'applicant') return actor.accountId;
  if (actor.kind === 'staff') return `staff:${actor.staffId}`;
  return `system:${actor.job}`;
}

/** Take `action` on the case. Pure: the caller stores `next` (if its version still matches), the clock effects, notices and audit. */
export function transition(state: CaseState, action: CaseAction, actor: Actor, input: ActionInput, rules: CaseRules): TransitionResult {
  const spec = SPECS[action];
  const refuse = (code: 'illegal_action' | 'forbidden' | 'invalid_input', errors?: FieldError[]): TransitionResult => ({
    ok: false,
    code,
    allowed: allowedActions(state, actor, rules),
    ...(errors ? { errors } : {}),
  });
  if (!spec.enabled(state, rules)) return refuse('illegal_action');
  if (!spec.permitted(actor, state, rules)) return refuse('forbidden');
  const segregation = segregationProblem(action, state, actor, rules);
  if (segregation) return refuse('forbidden', [segregation]);
  const errors = spec.validate(input, state, rules);
  if (errors.length > 0) return refuse('invalid_input', errors);

  const effects = spec.apply(state, input, actor, rules);
  const next: CaseState = { ...state, ...effects.next, version: state.version + 1 };
  return {
    ok: true,
    next,
    clock: effects.clock,
    notices: effects.notices,
    audit: {
      actor: auditActor(actor),
      action: `case.${action}`,
      detail: { from: state.status, to: next.status, version: next.version, ...effects.detail },
    },
  };
}
