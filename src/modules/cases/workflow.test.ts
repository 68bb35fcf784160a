import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  TERMINAL_STATUSES,
  allowedActions,
  enabledActions,
  newCaseState,
  transition,
  type ActionInput,
  type Actor,
  type CaseAction,
  type CaseRules,
  type CaseState,
  type CaseStatus,
  type TransitionResult,
} from './workflow.js';
import { caseRulesOf } from './item-rules.js';

const RULES: CaseRules = {
  links: [
    { name: '承办', role: 'handler' },
    { name: '审核', role: 'reviewer' },
    { name: '批准', role: 'approver' },
  ],
  immediate: false,
  segregationOfDuties: true,
  maxExtensionDays: 10,
  rights: { reviewBody: '杭州市西湖区人民政府', litigationBody: '杭州市西湖区人民法院' },
};

const staff = (staffId: string, ...roles: string[]): Actor => ({ kind: 'staff', staffId, roles });
const ACTORS = {
  applicant: { kind: 'applicant', accountId: 'person:p1' },
  clerk: staff('clerk', 'window_clerk'),
  handler: staff('handler', 'handler'),
  reviewer: staff('reviewer', 'reviewer'),
  approver: staff('approver', 'approver'),
  system: { kind: 'system', job: 'deadlines' },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** A valid body for each action. */
const VALID_INPUT: Record<CaseAction, ActionInput> = {
  receive: {},
  return_prereview: { reasons: '申请表未签字' },
  withdraw: {},
  accept: { opinion: '材料齐全' },
  not_accept: { reasons: '不属于本机关职权范围', referTo: '杭州市市场监督管理局' },
  request_correction: { corrections: [{ name: '营业执照', problem: '复印件不清晰' }] },
  submit_correction: {},
  deem_accepted: {},
  advance: { opinion: '同意' },
  extend: { days: 5, reasons: '情况复杂' },
  start_special: { kind: 'expert_review', reasons: '需专家评审' },
  end_special: { result: '评审通过' },
  approve: { opinion: '准予许可' },
  approve_tolerated: { pendingMaterials: ['消防验收意见书'] },
  deny: { reasons: '不符合法定条件' },
  deliver: { method: 'electronic' },
};

/** Cases in every state, accepted by someone who is none of ACTORS (so segregation stays out of the table). */
const base = newCaseState();
const inProcess = (linkIndex: number): CaseState => ({ ...base, status: 'accepted', version: 4, acceptedBy: 'acceptor', linkIndex });
const FIXTURES = {
  submitted: base,
  returned: { ...base, status: 'returned', version: 2 },
  received: { ...base, status: 'received', version: 2 },
  correction_requested: { ...base, status: 'correction_requested', version: 3, correctionRounds: 1 },
  not_accepted: { ...base, status: 'not_accepted', version: 3 },
  accepted_first_link: inProcess(0),
  accepted_middle_link: { ...inProcess(1), linkFinishers: ['h0'] },
  accepted_decision_link: { ...inProcess(2), linkFinishers: ['h0', 'r0'] },
  special_procedure: { ...inProcess(1), status: 'special_procedure', special: { kind: 'hearing', reasons: '听证' } },
  concluded: { ...base, status: 'concluded', version: 7, acceptedBy: 'acceptor', outcome: 'approved', linkFinishers: ['h0', 'r0', 'a0'] },
  delivered: { ...base, status: 'delivered', version: 8, outcome: 'approved', deliveryMethod: 'post' },
  withdrawn: { ...base, status: 'withdrawn', version: 3 },
} satisfies Record<string, CaseState>;
type FixtureName = keyof typeof FIXTURES;

/**
 * The transition table, written out by hand: for each state, the legal actions → [next status, who may].
 * An action missing from a row is illegal there for everyone (409); a listed action taken by someone not
 * listed is forbidden (403).
 */
const TABLE: Record<FixtureName, Partial<Record<CaseAction, [CaseStatus, ActorName[]]>>> = {
  submitted: {
    receive: ['received', ['clerk', 'system']],
    return_prereview: ['returned', ['clerk']],
    withdraw: ['withdrawn', ['applicant']],
  },
  returned: {},
  received: {
    accept: ['accepted', ['clerk']],
    not_accept: ['not_accepted', ['clerk']],
    request_correction: ['correction_requested', ['clerk']],
    deem_accepted: ['accepted', ['system']],
    withdraw: ['withdrawn', ['applicant']],
  },
  correction_requested: {
    submit_correction: ['received', ['applicant']],
    withdraw: ['withdrawn', ['applicant']],
  },
  not_accepted: {},
  accepted_first_link: {
    advance: ['accepted', ['handler']],
    extend: ['accepted', ['approver']],
    start_special: ['special_procedure', ['handler', 'reviewer', 'approver']],
    withdraw: ['withdrawn', ['applicant']],
  },
  accepted_middle_link: {
    advance: ['accepted', ['reviewer']],
    extend: ['accepted', ['approver']],
    start_special: ['special_procedure', ['handler', 'reviewer', 'approver']],
    withdraw: ['withdrawn', ['applicant']],
  },
  accepted_decision_link: {
    approve: ['concluded', ['approver']],
    approve_tolerated: ['concluded', ['approver']],
    deny: ['concluded', ['approver']],
    extend: ['accepted', ['approver']],
    start_special: ['special_procedure', ['handler', 'reviewer', 'approver']],
    withdraw: ['withdrawn', ['applicant']],
  },
  special_procedure: {
    end_special: ['accepted', ['handler', 'reviewer', 'approver']],
    withdraw: ['withdrawn', ['applicant']],
  },
  concluded: {
    deliver: ['delivered', ['clerk', 'handler', 'system']],
  },
  delivered: {},
  withdrawn: {},
};

function expectOk(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${JSON.stringify(result.errors ?? [])}`);
  return result;
}

function expectRefused(result: TransitionResult, code: 'illegal_action' | 'forbidden' | 'invalid_input') {
  if (result.ok) throw new Error(`expected ${code}, got success to ${result.next.status}`);
  expect(result.code).toBe(code);
  return result;
}

describe('transition table: every state × every action × every kind of actor', () => {
  for (const fixture of Object.keys(FIXTURES) as FixtureName[]) {
    const state: CaseState = FIXTURES[fixture];
    const row = TABLE[fixture];
    it(`${fixture}`, () => {
      for (const action of CASE_ACTIONS) {
        const legal = row[action];
        for (const name of ACTOR_NAMES) {
          const result = transition(state, action, ACTORS[name], VALID_INPUT[action], RULES);
          const where = `${fixture} × ${action} × ${name}`;
          if (legal && legal[1].includes(name)) {
            expect(result.ok, where).toBe(true);
            if (result.ok) {
              expect(result.next.status, where).toBe(legal[0]);
              expect(result.next.version, where).toBe(state.version + 1);
              expect(result.audit.detail, where).toMatchObject({ from: state.status, to: legal[0], version: state.version + 1 });
            }
          } else {
            expect(result.ok, where).toBe(false);
            if (!result.ok) expect(result.code, where).toBe(legal ? 'forbidden' : 'illegal_action');
          }
        }
      }
    });
  }

  it('allowedActions lists exactly the actions of the table row that the actor may take', () => {
    for (const fixture of Object.keys(FIXTURES) as FixtureName[]) {
      for (const name of ACTOR_NAMES) {
        const expected = CASE_ACTIONS.filter((action) => TABLE[fixture][action]?.[1].includes(name));
        expect(allowedActions(FIXTURES[fixture], ACTORS[name], RULES), `${fixture} × ${name}`).toEqual(expected);
      }
    }
  });

  it('enabledActions lists the actions of the table row, whoever may take them', () => {
    for (const fixture of Object.keys(FIXTURES) as FixtureName[]) {
      expect(enabledActions(FIXTURES[fixture], RULES), fixture).toEqual(CASE_ACTIONS.filter((action) => TABLE[fixture][action]));
    }
  });

  it('a refusal carries the actions the caller may take now', () => {
    const refused = expectRefused(transition(FIXTURES.received, 'approve', ACTORS.clerk, VALID_INPUT.approve, RULES), 'illegal_action');
    expect(refused.allowed).toEqual(['accept', 'not_accept', 'request_correction']);
    const forbidden = expectRefused(transition(FIXTURES.received, 'accept', ACTORS.applicant, {}, RULES), 'forbidden');
    expect(forbidden.allowed).toEqual(['withdraw']);
  });

  it('the fixtures cover every status', () => {
    expect(new Set(Object.values(FIXTURES).map((s) => s.status))).toEqual(new Set(CASE_STATUSES));
  });
});

/** Apply a sequence of [action, actor, input?] and return every result; fails on the first refusal. */
function run(state: CaseState, steps: [CaseAction, Actor, ActionInput?][], rules: CaseRules = RULES) {
  const results: Extract<TransitionResult, { ok: true }>[] = [];
  let current = state;
  for (const [action, actor, input] of steps) {
    const result = expectOk(transition(current, action, actor, input ?? VALID_INPUT[action], rules));
    results.push(result);
    current = result.next;
  }
  return { state: current, results };
}

describe('journeys', () => {
  it('submit → correction → resubmit → accept → 承办 → 审核 → 批准 (approve) → deliver', () => {
    const { state, results } = run(newCaseState(), [
      ['receive', ACTORS.clerk],
      ['request_correction', ACTORS.clerk, { corrections: [{ name: '营业执照', problem: '已过期' }, { name: '申请表', problem: '缺少签名' }] }],
      ['submit_correction', ACTORS.applicant],
      ['accept', ACTORS.clerk],
      ['advance', ACTORS.handler, { opinion: '拟同意' }],
      ['advance', ACTORS.reviewer, { opinion: '审核通过' }],
      ['approve', ACTORS.approver],
      ['deliver', ACTORS.clerk, { method: 'post' }],
    ]);
    expect(results.map((r) => r.next.status)).toEqual([
      'received',
      'correction_requested',
      'received',
      'accepted',
      'accepted',
      'accepted',
      'concluded',
      'delivered',
    ]);
    expect(results.map((r) => r.next.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.map((r) => r.notices.map((n) => n.kind))).toEqual([[], ['correction'], [], ['acceptance'], [], [], ['approval'], []]);
    // one correction notice lists every item at once (一次告知)
    expect(results[1]!.notices[0]!.data.corrections).toHaveLength(2);
    expect(results[1]!.notices[0]!.title.zh).toBe('补正材料通知书');
    expect(results.map((r) => r.clock)).toEqual([
      [{ clock: 'acceptance', effect: 'start' }],
      [{ clock: 'acceptance', effect: 'stop' }],
      [{ clock: 'acceptance', effect: 'start' }],
      [
        { clock: 'acceptance', effect: 'stop' },
        { clock: 'decision', effect: 'start' },
        { clock: 'link', effect: 'start', link: 0 },
      ],
      [
        { clock: 'link', effect: 'stop', link: 0 },
        { clock: 'link', effect: 'start', link: 1 },
      ],
      [
        { clock: 'link', effect: 'stop', link: 1 },
        { clock: 'link', effect: 'start', link: 2 },
      ],
      [
        { clock: 'link', effect: 'stop', link: 2 },
        { clock: 'decision', effect: 'stop' },
        { clock: 'delivery', effect: 'start' },
      ],
      [{ clock: 'delivery', effect: 'stop' }],
    ]);
    expect(results[4]!.audit).toEqual({
      actor: 'staff:handler',
      action: 'case.advance',
      detail: { from: 'accepted', to: 'accepted', version: 6, link: '承办', nextLink: '审核', opinion: '拟同意' },
    });
    expect(state).toMatchObject({
      status: 'delivered',
      acceptedBy: 'clerk',
      deemedAccepted: false,
      linkFinishers: ['handler', 'reviewer', 'approver'],
      correctionRounds: 1,
      outcome: 'approved',
      deliveryMethod: 'post',
      linkIndex: null,
    });
    for (const name of ACTOR_NAMES) expect(allowedActions(state, ACTORS[name], RULES)).toEqual([]);
  });

  it('not_accept: terminal, with reasons, the place to apply instead and the rights in the 不予受理决定书', () => {
    const { state, results } = run(newCaseState(), [['receive', ACTORS.system], ['not_accept', ACTORS.clerk]]);
    expect(state.status).toBe('not_accepted');
    const notice = results[1]!.notices[0]!;
    expect(notice.kind).toBe('non_acceptance');
    expect(notice.title.zh).toBe('不予受理决定书');
    expect(notice.data).toEqual({ reasons: '不属于本机关职权范围', referTo: '杭州市市场监督管理局', rights: RULES.rights });
    expect(results[1]!.clock).toEqual([{ clock: 'acceptance', effect: 'stop' }]);
    for (const name of ACTOR_NAMES) expect(allowedActions(state, ACTORS[name], RULES)).toEqual([]);
  });

  it('pre-review return: back to the applicant with reasons, the case ends there', () => {
    const { state, results } = run(newCaseState(), [['return_prereview', ACTORS.clerk]]);
    expect(state.status).toBe('returned');
    expect(results[0]!.notices).toEqual([
      { kind: 'prereview_return', title: { zh: '预审退回通知', en: 'Pre-review return notice' }, data: { reasons: '申请表未签字' } },
    ]);
    expect(results[0]!.clock).toEqual([]);
  });

  it('withdraw: the applicant may withdraw at any time before the decision, never after', () => {
    for (const fixture of ['submitted', 'received', 'correction_requested', 'accepted_decision_link', 'special_procedure'] as const) {
      const result = expectOk(transition(FIXTURES[fixture], 'withdraw', ACTORS.applicant, { reasons: '不再需要' }, RULES));
      expect(result.next).toMatchObject({ status: 'withdrawn', linkIndex: null, special: null });
      expect(result.audit).toMatchObject({ actor: 'person:p1', action: 'case.withdraw', detail: { reasons: '不再需要' } });
    }
    expect(transition(FIXTURES.accepted_first_link, 'withdraw', ACTORS.applicant, {}, RULES)).toMatchObject({
      ok: true,
      clock: [
        { clock: 'link', effect: 'stop', link: 0 },
        { clock: 'decision', effect: 'stop' },
      ],
    });
    const decided = run(FIXTURES.accepted_decision_link, [['deny', ACTORS.approver]]).state;
    expect(decided.status).toBe('concluded');
    const refused = expectRefused(transition(decided, 'withdraw', ACTORS.applicant, {}, RULES), 'illegal_action');
    expect(refused.allowed).toEqual([]);
  });

  it('deny: reasons and the rights to review and litigation, from the item or the input', () => {
    const result = expectOk(transition(FIXTURES.accepted_decision_link, 'deny', ACTORS.approver, { reasons: '不符合条件' }, RULES));
    expect(result.next.outcome).toBe('denied');
    expect(result.notices).toEqual([
      {
        kind: 'denial',
        title: { zh: '不予行政许可决定书', en: 'Decision to refuse the licence' },
        data: { reasons: '不符合条件', rights: RULES.rights },
      },
    ]);
    const noRights = { ...RULES, rights: null };
    const refused = expectRefused(transition(FIXTURES.accepted_decision_link, 'deny', ACTORS.approver, { reasons: '不符合条件' }, noRights), 'invalid_input');
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'rights', code: 'required' })]);
    const rights = { reviewBody: '浙江省人民政府', litigationBody: '杭州铁路运输法院' };
    const given = expectOk(transition(FIXTURES.accepted_decision_link, 'deny', ACTORS.approver, { reasons: '不符合条件', rights }, noRights));
    expect(given.notices[0]!.data.rights).toEqual(rights);
  });

  it('approve_tolerated (容缺): the named materials stay pending after the decision and the delivery', () => {
    const { state, results } = run(FIXTURES.accepted_decision_link, [
      ['approve_tolerated', ACTORS.approver, { pendingMaterials: ['消防验收意见书', '房屋产权证明'], opinion: '容缺通过' }],
      ['deliver', ACTORS.system, { method: 'electronic' }],
    ]);
    expect(results[0]!.notices[0]).toMatchObject({ kind: 'approval', data: { pendingMaterials: ['消防验收意见书', '房屋产权证明'] } });
    expect(state).toMatchObject({ status: 'delivered', outcome: 'approved_tolerated', pendingMaterials: ['消防验收意见书', '房屋产权证明'] });
  });

  it('extension: +N working days by an approver with reasons, at most the item maximum in all (art. 42)', () => {
    const first = expectOk(transition(FIXTURES.accepted_first_link, 'extend', ACTORS.approver, { days: 6, reasons: '需实地核查' }, RULES));
    expect(first.clock).toEqual([{ clock: 'decision', effect: 'extend', days: 6 }]);
    expect(first.notices).toEqual([
      { kind: 'extension', title: { zh: '延长审批期限通知书', en: 'Notice of extension' }, data: { days: 6, reasons: '需实地核查' } },
    ]);
    expect(first.next).toMatchObject({ status: 'accepted', linkIndex: 0, extendedDays: 6 });

    const tooMany = expectRefused(transition(first.next, 'extend', ACTORS.approver, { days: 5, reasons: '再延' }, RULES), 'invalid_input');
    expect(tooMany.errors).toEqual([expect.objectContaining({ field: 'days', code: 'extension_exceeds_limit' })]);
    expect(tooMany.allowed).toContain('extend');
    const rest = expectOk(transition(first.next, 'extend', ACTORS.approver, { days: 4, reasons: '再延' }, RULES));
    expect(rest.next.extendedDays).toBe(10);
    expectRefused(transition(rest.next, 'extend', ACTORS.approver, { days: 1, reasons: '再延' }, RULES), 'invalid_input');

    // a law that allows more: the maximum is the item's
    const longer = { ...RULES, maxExtensionDays: 15 };
    expect(expectOk(transition(FIXTURES.accepted_first_link, 'extend', ACTORS.approver, { days: 15, reasons: '法律规定' }, longer)).next.extendedDays).toBe(15);

    for (const days of [0, -1, 1.5, Number.NaN, undefined]) {
      const bad = expectRefused(transition(FIXTURES.accepted_first_link, 'extend', ACTORS.approver, { days, reasons: '理由' }, RULES), 'invalid_input');
      expect(bad.errors).toEqual([expect.objectContaining({ field: 'days', code: 'invalid' })]);
    }
    const noReasons = expectRefused(transition(FIXTURES.accepted_first_link, 'extend', ACTORS.approver, { days: 3, reasons: ' ' }, RULES), 'invalid_input');
    expect(noReasons.errors).toEqual([expect.objectContaining({ field: 'reasons', code: 'required' })]);
    expectRefused(transition(FIXTURES.accepted_first_link, 'extend', ACTORS.handler, { days: 3, reasons: '理由' }, RULES), 'forbidden');
  });

  it('special procedure: the clocks pause in the current link and resume there', () => {
    const started = expectOk(transition(FIXTURES.accepted_middle_link, 'start_special', ACTORS.reviewer, { kind: 'testing', reasons: '需检测' }, RULES));
    expect(started.next).toMatchObject({ status: 'special_procedure', linkIndex: 1, special: { kind: 'testing', reasons: '需检测' } });
    expect(started.clock).toEqual([
      { clock: 'link', effect: 'stop', link: 1 },
      { clock: 'decision', effect: 'stop' },
    ]);
    expect(started.notices.map((n) => [n.kind, n.title.zh])).toEqual([['special_procedure', '特别程序告知书']]);
    // nothing moves the case on while it is paused
    expect(allowedActions(started.next, ACTORS.reviewer, RULES)).toEqual(['end_special']);
    expectRefused(transition(started.next, 'advance', ACTORS.reviewer, { opinion: '同意' }, RULES), 'illegal_action');
    expectRefused(transition(started.next, 'extend', ACTORS.approver, VALID_INPUT.extend, RULES), 'illegal_action');

    const ended = expectOk(transition(started.next, 'end_special', ACTORS.reviewer, { result: '检测合格' }, RULES));
    expect(ended.next).toMatchObject({ status: 'accepted', linkIndex: 1, special: null });
    expect(ended.clock).toEqual([
      { clock: 'decision', effect: 'resume' },
      { clock: 'link', effect: 'resume', link: 1 },
    ]);
    expect(ended.audit.detail).toMatchObject({ kind: 'testing', result: '检测合格' });
    expect(allowedActions(ended.next, ACTORS.reviewer, RULES)).toEqual(['advance', 'start_special']);
  });

  it('deemed acceptance (art. 32): only a system job, only from received, counted from the day received', () => {
    const result = expectOk(transition(FIXTURES.received, 'deem_accepted', ACTORS.system, {}, RULES));
    expect(result.next).toMatchObject({ status: 'accepted', deemedAccepted: true, acceptedBy: null, linkIndex: 0 });
    expect(result.clock).toEqual([
      { clock: 'acceptance', effect: 'stop' },
      { clock: 'decision', effect: 'start', from: 'received' },
      { clock: 'link', effect: 'start', link: 0 },
    ]);
    expect(result.notices[0]).toMatchObject({ kind: 'acceptance', data: { deemed: true } });
    expect(result.audit).toMatchObject({ actor: 'system:deadlines', action: 'case.deem_accepted', detail: { deemed: true } });

    for (const fixture of ['submitted', 'correction_requested', 'accepted_first_link', 'not_accepted'] as const) {
      expectRefused(transition(FIXTURES[fixture], 'deem_accepted', ACTORS.system, {}, RULES), 'illegal_action');
    }
    expectRefused(transition(FIXTURES.received, 'deem_accepted', ACTORS.clerk, {}, RULES), 'forbidden');
    // after a deemed acceptance, nobody is barred from deciding for having accepted
    const decided = run(result.next, [
      ['advance', ACTORS.handler],
      ['advance', ACTORS.reviewer],
      ['approve', ACTORS.approver],
    ]);
    expect(decided.state.outcome).toBe('approved');
  });
});

describe('segregation of duties (岗位分离)', () => {
  const clerkApprover = staff('zhang', 'window_clerk', 'approver');
  const allRounder = staff('li', 'handler', 'reviewer', 'approver');

  it('the staff member who accepted may not take the decision', () => {
    const { state } = run(FIXTURES.received, [
      ['accept', clerkApprover],
      ['advance', ACTORS.handler],
      ['advance', ACTORS.reviewer],
    ]);
    for (const action of ['approve', 'approve_tolerated', 'deny'] as const) {
      const refused = expectRefused(transition(state, action, clerkApprover, VALID_INPUT[action], RULES), 'forbidden');
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'actor', code: 'segregation_of_duties' })]);
    }
    // still an approver: extending is not deciding
    expect(allowedActions(state, clerkApprover, RULES)).toEqual(['extend', 'start_special']);
    expect(allowedActions(state, ACTORS.approver, RULES)).toContain('approve');
  });

  it('one person finishes at most one link of a case', () => {
    const { state } = run(FIXTURES.accepted_first_link, [['advance', allRounder]]);
    const refused = expectRefused(transition(state, 'advance', allRounder, { opinion: '同意' }, RULES), 'forbidden');
    expect(refused.errors?.[0]?.code).toBe('segregation_of_duties');
    const reviewed = run(state, [['advance', ACTORS.reviewer]]).state;
    expectRefused(transition(reviewed, 'approve', allRounder, {}, RULES), 'forbidden');
    expect(expectOk(transition(reviewed, 'approve', ACTORS.approver, {}, RULES)).next.linkFinishers).toEqual(['li', 'reviewer', 'approver']);
  });

  it('off for the item: one person may accept, handle, review and decide', () => {
    const relaxed = { ...RULES, segregationOfDuties: false };
    const everything = staff('wang', 'window_clerk', 'handler', 'reviewer', 'approver');
    const { state } = run(
      FIXTURES.received,
      [
        ['accept', everything],
        ['advance', everything],
        ['advance', everything],
        ['approve', everything],
      ],
      relaxed,
    );
    expect(state.status).toBe('concluded');
  });

  it('即办件: the window clerk accepts and concludes on the spot', () => {
    const immediate = caseRulesOf({ caseType: '1', links: [{ name: '受理', role: 'window_clerk' }] });
    expect(immediate).toMatchObject({ immediate: true, segregationOfDuties: false, links: [{ name: '办结', role: 'window_clerk' }] });
    const { state, results } = run(
      newCaseState(),
      [
        ['receive', ACTORS.clerk],
        ['accept', ACTORS.clerk],
        ['approve', ACTORS.clerk],
        ['deliver', ACTORS.clerk, { method: 'window' }],
      ],
      immediate,
    );
    expect(state).toMatchObject({ status: 'delivered', acceptedBy: 'clerk', linkFinishers: ['clerk'] });
    expect(results[1]!.notices[0]!.data).toEqual({ deemed: false, immediate: true });
  });
});

describe('invalid input', () => {
  const errorsOf = (state: CaseState, action: CaseAction, actor: Actor, input: ActionInput) =>
    expectRefused(transition(state, action, actor, input, RULES), 'invalid_input').errors;

  it('a correction request must list at least one item, each with a name and a problem', () => {
    expect(errorsOf(FIXTURES.received, 'request_correction', ACTORS.clerk, { corrections: [] })).toEqual([
      expect.objectContaining({ field: 'corrections', code: 'required' }),
    ]);
    expect(errorsOf(FIXTURES.received, 'request_correction', ACTORS.clerk, {})).toEqual([expect.objectContaining({ field: 'corrections' })]);
    expect(
      errorsOf(FIXTURES.received, 'request_correction', ACTORS.clerk, {
        corrections: [
          { name: '营业执照', problem: '过期' },
          { name: '', problem: ' ' },
        ],
      }),
    ).toEqual([
      expect.objectContaining({ field: 'corrections.1.name', code: 'required' }),
      expect.objectContaining({ field: 'corrections.1.problem', code: 'required' }),
    ]);
  });

  it('reasons are required to refuse, return, extend, deny or start a special procedure; an opinion to finish a link', () => {
    const cases: [CaseState, CaseAction, Actor, ActionInput, string][] = [
      [FIXTURES.received, 'not_accept', ACTORS.clerk, {}, 'reasons'],
      [FIXTURES.received, 'not_accept', ACTORS.clerk, { reasons: '   ' }, 'reasons'],
      [FIXTURES.submitted, 'return_prereview', ACTORS.clerk, {}, 'reasons'],
      [FIXTURES.accepted_decision_link, 'deny', ACTORS.approver, {}, 'reasons'],
      [FIXTURES.accepted_first_link, 'start_special', ACTORS.handler, { kind: 'hearing' }, 'reasons'],
      [FIXTURES.accepted_first_link, 'advance', ACTORS.handler, {}, 'opinion'],
      [FIXTURES.special_procedure, 'end_special', ACTORS.handler, {}, 'result'],
    ];
    for (const [state, action, actor, input, field] of cases) {
      expect(errorsOf(state, action, actor, input), action).toEqual([expect.objectContaining({ field, code: 'required' })]);
    }
  });

  it('kinds, methods and pending materials must be known and named', () => {
    expect(
      errorsOf(FIXTURES.accepted_first_link, 'start_special', ACTORS.handler, { kind: 'party' as never, reasons: '理由' }),
    ).toEqual([expect.objectContaining({ field: 'kind', code: 'invalid' })]);
    expect(errorsOf(FIXTURES.concluded, 'deliver', ACTORS.clerk, {})).toEqual([expect.objectContaining({ field: 'method' })]);
    expect(errorsOf(FIXTURES.accepted_decision_link, 'approve_tolerated', ACTORS.approver, { pendingMaterials: [] })).toEqual([
      expect.objectContaining({ field: 'pendingMaterials', code: 'required' }),
    ]);
    expect(errorsOf(FIXTURES.accepted_decision_link, 'approve_tolerated', ACTORS.approver, { pendingMaterials: ['图纸', ''] })).toEqual([
      expect.objectContaining({ field: 'pendingMaterials.1', code: 'required' }),
    ]);
  });

  it('the role check comes before the input check, and the state check before both', () => {
    expectRefused(transition(FIXTURES.received, 'not_accept', ACTORS.applicant, {}, RULES), 'forbidden');
    expectRefused(transition(FIXTURES.submitted, 'not_accept', ACTORS.clerk, {}, RULES), 'illegal_action');
  });
});

describe('properties', () => {
  const actorArb = fc.constantFrom<Actor>(
    ...Object.values(ACTORS),
    staff('multi-1', 'window_clerk', 'approver'),
    staff('multi-2', 'handler', 'reviewer', 'approver'),
  );
  const stepArb = fc.record({
    action: fc.constantFrom(...CASE_ACTIONS),
    actor: actorArb,
    days: fc.integer({ min: 1, max: 6 }),
  });
  const rulesArb = fc.record({
    segregationOfDuties: fc.boolean(),
    linkCount: fc.integer({ min: 1, max: 4 }),
  });
  const roles = ['handler', 'reviewer', 'approver'] as const;

  function wellFormed(state: CaseState, rules: CaseRules): boolean {
    if (!CASE_STATUSES.includes(state.status)) return false;
    const inProcess = state.status === 'accepted' || state.status === 'special_procedure';
    if (inProcess !== (state.linkIndex !== null)) return false;
    if (state.linkIndex !== null && (state.linkIndex < 0 || state.linkIndex >= rules.links.length)) return false;
    if ((state.status === 'special_procedure') !== (state.special !== null)) return false;
    const decided = state.status === 'concluded' || state.status === 'delivered';
    if (decided !== (state.outcome !== null)) return false;
    if (decided && state.linkFinishers.length !== rules.links.length) return false;
    return state.extendedDays >= 0 && state.extendedDays <= rules.maxExtensionDays;
  }

  it('random action sequences: states stay well formed, versions grow by one, refusals change nothing, terminals allow nothing', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { maxLength: 40 }), ({ segregationOfDuties, linkCount }, steps) => {
        const rules: CaseRules = {
          ...RULES,
          segregationOfDuties,
          links: Array.from({ length: linkCount }, (_, i) => ({ name: `环节${i + 1}`, role: roles[Math.min(i, 2)]! })),
        };
        let state = newCaseState();
        for (const { action, actor, days } of steps) {
          const before = structuredClone(state);
          const allowed = allowedActions(state, actor, rules);
          const result = transition(state, action, actor, { ...VALID_INPUT[action], days, reasons: '理由' }, rules);
          expect(state).toEqual(before);
          if (result.ok) {
            expect(allowed).toContain(action);
            expect(result.next.version).toBe(state.version + 1);
            expect(result.audit.detail.version).toBe(result.next.version);
            state = result.next;
          } else {
            expect(result.allowed).toEqual(allowed);
            // with a valid body only the extension cap can make an allowed action fail
            if (allowed.includes(action)) expect(result.errors?.[0]?.code).toBe('extension_exceeds_limit');
          }
          expect(wellFormed(state, rules)).toBe(true);
          if (TERMINAL_STATUSES.includes(state.status)) {
            for (const a of [...Object.values(ACTORS)]) expect(allowedActions(state, a, rules)).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
