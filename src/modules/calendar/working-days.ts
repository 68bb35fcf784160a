/**
 * Working days (法定工作日) of one jurisdiction: the national calendar (statutory holidays and make-up
 * working days, 调休) with the local overrides of the jurisdiction and of its ancestors on top, and
 * adding working days to a date the way 行政许可法 art. 82 counts: from the day after the event.
 */
import { dayNumber, isoDateOf, weekdayOf, type IsoDate } from './dates.js';
import { nationalCalendar, type NationalCalendar } from './national.js';

/** 调整类型 of a local override: the day becomes a working day or a rest day. */
export type OverrideKind = 'working' | 'rest';

/** A local override (地方调整) of one day, e.g. a province's extra rest day or a typhoon closure. */
export interface CalendarOverride {
  jurisdictionCode: string;
  day: IsoDate;
  kind: OverrideKind;
  reason: string;
}

/**
 * Why a day is what it is: `workday` and `weekend` are the standard week; `holiday` (法定节假日) and
 * `make_up_workday` (调休上班) come from the national calendar; `override_*` from a local override.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday' | 'override_working' | 'override_rest';

export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name (国庆节) or the override's reason; null for a standard day. */
  name: string | null;
  /** The jurisdiction whose override decided the day; null otherwise. */
  jurisdiction: string | null;
  /** False when the national data does not cover the day's year: then only weekends are rest days. */
  coverage: boolean;
}

export interface WorkingCalendar {
  /** The jurisdiction the calendar is for (the last ancestor), or null for the national calendar alone. */
  readonly jurisdiction: string | null;
  day(date: IsoDate): CalendarDay;
  isWorkingDay(date: IsoDate): boolean;
}

/**
 * A calendar from the national data and the overrides that apply along `ancestors` (codes from the root
 * down to the jurisdiction itself, as the catalogue's `Jurisdiction.ancestors`). On the same day the
 * override of the deeper jurisdiction wins (the county's over the province's); overrides of jurisdictions
 * not in `ancestors` are ignored.
 */
export function buildWorkingCalendar(options: {
  national?: NationalCalendar;
  ancestors?: readonly string[];
  overrides?: readonly CalendarOverride[];
} = {}): WorkingCalendar {
  const national = options.national ?? nationalCalendar();
  const ancestors = options.ancestors ?? [];
  const depth = new Map(ancestors.map((code, i) => [code, i]));
  const effective = new Map<IsoDate, { override: CalendarOverride; depth: number }>();
  for (const override of options.overrides ?? []) {
    const d = depth.get(override.jurisdictionCode);
    if (d === undefined) continue;
    dayNumber(override.day);
    const current = effective.get(override.day);
    if (!current || d > current.depth) effective.set(override.day, { override, depth: d });
  }

  const day = (date: IsoDate): CalendarDay => {
    const n = dayNumber(date);
    const coverage = national.years.has(Number(date.slice(0, 4)));
    const local = effective.get(date)?.override;
    if (local) {
      const working = local.kind === 'working';
      return { date, working, kind: working ? 'override_working' : 'override_rest', name: local.reason, jurisdiction: local.jurisdictionCode, coverage };
    }
    const holiday = national.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday, jurisdiction: null, coverage };
    const makeUp = national.makeUpWorkdays.get(date);
    if (makeUp !== undefined) return { date, working: true, kind: 'make_up_workday', name: makeUp, jurisdiction: null, coverage };
    const weekday = weekdayOf(n);
    const working = weekday !== 0 && weekday !== 6;
    return { date, working, kind: working ? 'workday' : 'weekend', name: null, jurisdiction: null, coverage };
  };

  return { jurisdiction: ancestors[ancestors.length - 1] ?? null, day, isWorkingDay: (date) => day(date).working };
}

/** Checks a count of days: a non-negative safe integer. */
export function requireDayCount(n: number, what = 'days'): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * The date `n` working days after `from`, counting from the day after `from` (行政许可法 art. 82), and
 * whether the national data covered every day counted. `n = 0` gives `from` itself, working day or not:
 * nothing is counted (即办, the same day).
 */
export function workingDaysAfter(calendar: WorkingCalendar, from: IsoDate, n: number): { due: IsoDate; coverage: boolean } {
  requireDayCount(n);
  let day = dayNumber(from);
  let counted = 0;
  let coverage = true;
  while (counted < n) {
    day += 1;
    const info = calendar.day(isoDateOf(day));
    coverage &&= info.coverage;
    if (info.working) counted += 1;
  }
  return { due: isoDateOf(day), coverage };
}

/** `from` + `n` working days: see workingDaysAfter. 2025-09-30 + 5 = 2025-10-14 (国庆 and 中秋 in between). */
export function addWorkingDays(calendar: WorkingCalendar, from: IsoDate, n: number): IsoDate {
  return workingDaysAfter(calendar, from, n).due;
}

/** Working days d with from < d ≤ to (0 when to ≤ from): the inverse of addWorkingDays. */
export function countWorkingDays(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day += 1) {
    if (calendar.isWorkingDay(isoDateOf(day))) count += 1;
  }
  return count;
}

/** Days from `from` to `to` (both included) that are not a standard weekday or weekend: holidays, make-up days, overrides. */
export function nonStandardDays(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): CalendarDay[] {
  const days: CalendarDay[] = [];
  const last = dayNumber(to);
  for (let day = dayNumber(from); day <= last; day += 1) {
    const info = calendar.day(isoDateOf(day));
    if (info.kind !== 'workday' && info.kind !== 'weekend') days.push(info);
  }
  return days;
}

/** Whether the national data covers every year from `from` to `to`. */
export function coversRange(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    if (!calendar.day(`${String(year).padStart(4, '0')}-01-01`).coverage) return false;
  }
  return true;
}
