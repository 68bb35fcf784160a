/**
 * The legal clocks of one case, as stored in `cases.case.clock`: the workflow's ClockEffects applied to
 * calendar ClockStates on a given day. Pure; the calendar module turns a ClockState into dates.
 */
import type { ClockState, IsoDate } from '../calendar/index.js';
import type { CaseStatus, ClockEffect, ClockName } from './workflow.js';

/** Art. 32: 5 working days to accept. */
export const ACCEPTANCE_DAYS = 5;
/** Art. 44: 10 working days to deliver the decision. */
export const DELIVERY_DAYS = 10;

/** The limits of a case's clocks, from its item, frozen at submission. */
export interface ClockLimits {
  /** 承诺时限 capped by the 法定时限, in working days; 0 for 即办件. */
  decisionDays: number;
  /** Each workflow link's own limit in working days, or null when the item sets none (no link clock). */
  linkDays: (number | null)[];
}

export interface CaseClocks {
  /** The day the case was last received (receive or submit_correction): deemed acceptance counts from it. */
  receivedOn: IsoDate | null;
  acceptance: ClockState | null;
  decision: ClockState | null;
  link: (ClockState & { index: number }) | null;
  delivery: ClockState | null;
}

export const noClocks = (): CaseClocks => ({ receivedOn: null, acceptance: null, decision: null, link: null, delivery: null });

function limitOf(clock: ClockName, limits: ClockLimits, link: number): number | null {
  if (clock === 'acceptance') return ACCEPTANCE_DAYS;
  if (clock === 'delivery') return DELIVERY_DAYS;
  if (clock === 'decision') return limits.decisionDays;
  return limits.linkDays[link] ?? null;
}

const hasOpenPause = (state: ClockState) => state.pauses.some((p) => p.to === null);

function stop(state: ClockState, today: IsoDate): ClockState {
  return hasOpenPause(state) ? state : { ...state, pauses: [...state.pauses, { from: today < state.start ? state.start : today, to: null }] };
}

function resume(state: ClockState, today: IsoDate): ClockState {
  return { ...state, pauses: state.pauses.map((p) => (p.to === null ? { from: p.from, to: today < p.from ? p.from : today } : p)) };
}

/** The clocks after a transition's effects on `today`. */
export function applyClockEffects(clocks: CaseClocks, effects: readonly ClockEffect[], limits: ClockLimits, today: IsoDate): CaseClocks {
  let next: CaseClocks = { ...clocks };
  for (const effect of effects) {
    const link = effect.link ?? 0;
    const current = effect.clock === 'link' ? (next.link && next.link.index === link ? next.link : null) : next[effect.clock];
    let updated: ClockState | null = current;
    if (effect.effect === 'start') {
      const limit = limitOf(effect.clock, limits, link);
      const start = effect.from === 'received' ? (next.receivedOn ?? today) : today;
      updated = limit === null ? null : { start, limitDays: limit, pauses: [], extensionDays: 0 };
      if (effect.clock === 'acceptance') next = { ...next, receivedOn: today };
    } else if (current) {
      if (effect.effect === 'stop') updated = stop(current, today);
      else if (effect.effect === 'resume') updated = resume(current, today);
      else updated = { ...current, extensionDays: current.extensionDays + (effect.days ?? 0) };
    }
    if (effect.clock === 'link') {
      if (effect.effect === 'start' || current) next = { ...next, link: updated ? { ...updated, index: link } : null };
    } else {
      next = { ...next, [effect.clock]: updated };
    }
  }
  return next;
}

/** The clock the applicant and the public see for a case in this status, if any. */
export function primaryClock(status: CaseStatus, clocks: CaseClocks): { name: ClockName; state: ClockState } | null {
  const pick = (name: ClockName, state: ClockState | null) => (state ? { name, state } : null);
  switch (status) {
    case 'received':
    case 'correction_requested':
      return pick('acceptance', clocks.acceptance);
    case 'accepted':
    case 'special_procedure':
      return pick('decision', clocks.decision);
    case 'concluded':
      return pick('delivery', clocks.delivery);
    default:
      return null;
  }
}
