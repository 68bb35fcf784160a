/**
 * The legal clock of a case (办理时限): a limit in working days counted from the day after the start,
 * stopped while the case waits for a correction (补正) or a special procedure runs (特别程序 kind 2:
 * hearing, testing, expert review … art. 45), lengthened by extensions (特别程序 kind 1, 延长, art. 42).
 * Pure: a `ClockState` a case stores, a calendar, a date in; plain values out.
 */
import { dayNumber, isoDateOf, type IsoDate } from './dates.js';
import { requireDayCount, type WorkingCalendar } from './working-days.js';

/**
 * A stop of the clock (暂停计时). The clock runs on `from` (the day the notice goes out) and stops at its
 * end; the days after it up to and including `to` (the day the correction arrives, the procedure ends)
 * are not counted; counting resumes on the day after `to`, as art. 82 counts from the day after an event.
 * `to` is null while the clock is stopped.
 */
export interface ClockPause {
  from: IsoDate;
  to: IsoDate | null;
}

/** What a case stores to know its clock. */
export interface ClockState {
  /** The event day (受理之日 …); counting starts on the next day. */
  start: IsoDate;
  /** The limit in working days (承诺时限, capped by the 法定时限 by the caller); 0 = the same day (即办). */
  limitDays: number;
  pauses: readonly ClockPause[];
  /** Working days added by approved extensions (延长), summed. */
  extensionDays: number;
}

/** 时限预警 colour: green in time, yellow close to the deadline, red overdue. */
export type DeadlineColour = 'green' | 'yellow' | 'red';

/** When a running clock turns yellow: at most `days` working days left, or at most `fraction` of the limit left. */
export interface YellowRule {
  days: number;
  fraction: number;
}

/** The rule of the issue ("≤ 1 working day or ≤ 20% left"); a local rule parameter (see the module README). */
export const DEFAULT_YELLOW_RULE: YellowRule = { days: 1, fraction: 0.2 };

/** The clock as it stands at the end of a day. */
export interface ClockReading {
  /** The last day in time; null while the clock is stopped before reaching it (an open pause). */
  due: IsoDate | null;
  /** limitDays + extensionDays. */
  totalDays: number;
  /** Working days counted so far (not paused), up to and including the day read. */
  elapsedDays: number;
  /** totalDays − elapsedDays; negative when overdue by that many working days. */
  remainingDays: number;
  /** The day read is after the due date. */
  overdue: boolean;
  /** The clock is stopped at the end of the day read (the next day will not count). */
  paused: boolean;
  /** The national data covered every day looked at; if not, weekends alone were taken as rest days. */
  coverage: boolean;
  colour: DeadlineColour;
}

interface Interval {
  from: number;
  to: number;
}

function intervalsOf(state: ClockState): Interval[] {
  requireDayCount(state.limitDays, 'limitDays');
  requireDayCount(state.extensionDays, 'extensionDays');
  const start = dayNumber(state.start);
  return state.pauses.map((pause) => {
    const from = dayNumber(pause.from);
    const to = pause.to === null ? Number.POSITIVE_INFINITY : dayNumber(pause.to);
    if (from < start) throw new RangeError(`a pause cannot start (${pause.from}) before the clock (${state.start})`);
    if (to < from) throw new RangeError(`a pause cannot end (${pause.to}) before it starts (${pause.from})`);
    return { from, to };
  });
}

const excluded = (intervals: readonly Interval[], day: number) => intervals.some((p) => day > p.from && day <= p.to);

/** Walks the counted days from the day after the start; `visit` returns true to stop. */
function walk(state: ClockState, calendar: WorkingCalendar, intervals: readonly Interval[], visit: (day: number, counted: number) => boolean): boolean {
  let coverage = true;
  let counted = 0;
  for (let day = dayNumber(state.start) + 1; ; day += 1) {
    if (!excluded(intervals, day)) {
      const info = calendar.day(isoDateOf(day));
      coverage &&= info.coverage;
      if (info.working) counted += 1;
    }
    if (visit(day, counted)) return coverage;
  }
}

function dueOf(state: ClockState, calendar: WorkingCalendar, intervals: readonly Interval[]): { due: IsoDate | null; coverage: boolean } {
  const total = state.limitDays + state.extensionDays;
  if (total === 0) return { due: state.start, coverage: calendar.day(state.start).coverage };
  const openFrom = Math.min(...intervals.filter((p) => p.to === Number.POSITIVE_INFINITY).map((p) => p.from));
  let due: number | null = null;
  const coverage = walk(state, calendar, intervals, (day, counted) => {
    if (counted === total) due = day;
    return due !== null || day > openFrom;
  });
  return { due: due === null ? null : isoDateOf(due), coverage };
}

/** The due date: `start` + limit + extensions in working days, not counting paused days; null while stopped by an open pause. */
export function dueDate(state: ClockState, calendar: WorkingCalendar): IsoDate | null {
  return dueOf(state, calendar, intervalsOf(state)).due;
}

/** The colour of a reading under a yellow rule. */
export function colourOf(reading: Pick<ClockReading, 'overdue' | 'remainingDays' | 'totalDays'>, rule: YellowRule = DEFAULT_YELLOW_RULE): DeadlineColour {
  if (reading.overdue) return 'red';
  if (reading.remainingDays <= rule.days || reading.remainingDays <= reading.totalDays * rule.fraction) return 'yellow';
  return 'green';
}

/** The clock at the end of `today`. */
export function readClock(state: ClockState, calendar: WorkingCalendar, today: IsoDate, rule: YellowRule = DEFAULT_YELLOW_RULE): ClockReading {
  const intervals = intervalsOf(state);
  const { due, coverage: dueCoverage } = dueOf(state, calendar, intervals);
  const last = dayNumber(today);
  let elapsedDays = 0;
  const elapsedCoverage = last <= dayNumber(state.start) || walk(state, calendar, intervals, (day, counted) => {
    elapsedDays = counted;
    return day >= last;
  });
  const totalDays = state.limitDays + state.extensionDays;
  const reading = {
    due,
    totalDays,
    elapsedDays,
    remainingDays: totalDays - elapsedDays,
    overdue: due !== null && last > dayNumber(due),
    paused: excluded(intervals, last + 1),
    coverage: dueCoverage && elapsedCoverage,
  };
  return { ...reading, colour: colourOf(reading, rule) };
}

/** Working days left at the end of `today` (negative when overdue). */
export function remaining(state: ClockState, calendar: WorkingCalendar, today: IsoDate): number {
  return readClock(state, calendar, today).remainingDays;
}

export function isOverdue(state: ClockState, calendar: WorkingCalendar, today: IsoDate): boolean {
  return readClock(state, calendar, today).overdue;
}

export function colour(state: ClockState, calendar: WorkingCalendar, today: IsoDate, rule: YellowRule = DEFAULT_YELLOW_RULE): DeadlineColour {
  return readClock(state, calendar, today, rule).colour;
}
