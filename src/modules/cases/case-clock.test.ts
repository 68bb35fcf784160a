import { describe, it, expect } from 'vitest';
import { buildWorkingCalendar, readClock } from '../calendar/index.js';
import { applyClockEffects, noClocks, primaryClock, type ClockLimits } from './case-clock.js';
import { caseRulesOf } from './item-rules.js';
import { newCaseState, transition, type Actor, type CaseAction, type ActionInput } from './workflow.js';

const limits: ClockLimits = { decisionDays: 20, linkDays: [5, 3, 2] };
const calendar = buildWorkingCalendar({});
const rules = caseRulesOf({ caseType: '2', links: [] });
const clerk: Actor = { kind: 'staff', staffId: 'c', roles: ['window_clerk'] };
const handler: Actor = { kind: 'staff', staffId: 'h', roles: ['handler'] };
const approver: Actor = { kind: 'staff', staffId: 'a', roles: ['approver'] };
const system: Actor = { kind: 'system', job: 'test' };

/** Walk actions on given days, applying the clock effects as the case action does. */
function walk(steps: [CaseAction, Actor, string, ActionInput?][]) {
  let state = newCaseState();
  let clocks = noClocks();
  for (const [action, actor, day, input] of steps) {
    const result = transition(state, action, actor, input ?? {}, rules);
    if (!result.ok) throw new Error(`${action}: ${result.code}`);
    state = result.next;
    clocks = applyClockEffects(clocks, result.clock, limits, day);
  }
  return { state, clocks };
}

describe('case clocks', () => {
  it('runs the acceptance clock from receipt, stops it for a correction and starts it afresh', () => {
    const { state, clocks } = walk([
      ['receive', clerk, '2025-09-01'],
      ['request_correction', clerk, '2025-09-02', { corrections: [{ name: '身份证', problem: '模糊' }] }],
    ]);
    expect(clocks.acceptance).toEqual({ start: '2025-09-01', limitDays: 5, pauses: [{ from: '2025-09-02', to: null }], extensionDays: 0 });
    expect(readClock(primaryClock(state.status, clocks)!.state, calendar, '2025-09-10').paused).toBe(true);
    const after = applyClockEffects(clocks, [{ clock: 'acceptance', effect: 'start' }], limits, '2025-09-15');
    expect(after.acceptance).toEqual({ start: '2025-09-15', limitDays: 5, pauses: [], extensionDays: 0 });
    expect(after.receivedOn).toBe('2025-09-15');
  });

  it('starts the decision clock on acceptance, adds extensions, pauses for a special procedure', () => {
    const { state, clocks } = walk([
      ['receive', clerk, '2025-09-01'],
      ['accept', clerk, '2025-09-02'],
      ['extend', approver, '2025-09-03', { days: 5, reasons: '复杂' }],
      ['start_special', handler, '2025-09-04', { kind: 'hearing', reasons: '听证' }],
      ['end_special', handler, '2025-09-08', { result: '结束' }],
    ]);
    expect(state.status).toBe('accepted');
    expect(clocks.acceptance!.pauses).toEqual([{ from: '2025-09-02', to: null }]);
    expect(clocks.decision).toEqual({ start: '2025-09-02', limitDays: 20, pauses: [{ from: '2025-09-04', to: '2025-09-08' }], extensionDays: 5 });
    expect(clocks.link).toEqual({ index: 0, start: '2025-09-02', limitDays: 5, pauses: [{ from: '2025-09-04', to: '2025-09-08' }], extensionDays: 0 });
  });

  it('starts deemed acceptance\'s decision clock on the day received', () => {
    const { clocks } = walk([
      ['receive', system, '2025-09-01'],
      ['deem_accepted', system, '2025-09-09'],
    ]);
    expect(clocks.decision!.start).toBe('2025-09-01');
  });

  it('starts the delivery clock at the decision and shows it as the primary clock', () => {
    const { state, clocks } = walk([
      ['receive', clerk, '2025-09-01'],
      ['accept', clerk, '2025-09-01'],
      ['advance', handler, '2025-09-02', { opinion: '同意' }],
      ['advance', { kind: 'staff', staffId: 'r', roles: ['reviewer'] }, '2025-09-03', { opinion: '同意' }],
      ['approve', approver, '2025-09-04'],
    ]);
    expect(primaryClock(state.status, clocks)).toEqual({ name: 'delivery', state: { start: '2025-09-04', limitDays: 10, pauses: [], extensionDays: 0 } });
    expect(clocks.link!.pauses).toEqual([{ from: '2025-09-04', to: null }]);
  });

  it('keeps no link clock when the item sets no limit for the link', () => {
    const clocks = applyClockEffects(noClocks(), [{ clock: 'link', effect: 'start', link: 1 }], { decisionDays: 3, linkDays: [1, null] }, '2025-09-01');
    expect(clocks.link).toBeNull();
    expect(primaryClock('withdrawn', clocks)).toBeNull();
  });
});
