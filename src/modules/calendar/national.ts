/**
 * The national calendar (全国法定节假日与调休): statutory holidays and make-up working days as the State
 * Council announces them each year, from the `chinese-days` package's data file. Only this file knows
 * the package; the rest of the module sees a `NationalCalendar`.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from './dates.js';

export interface NationalCalendar {
  /** 法定节假日 (including the days off bridged by 调休), date → Chinese name (国庆节). */
  holidays: ReadonlyMap<IsoDate, string>;
  /** 调休上班日: a Saturday or Sunday that is a working day, date → the holiday it pays for. */
  makeUpWorkdays: ReadonlyMap<IsoDate, string>;
  /** Years the data covers. Outside them we only know weekends from weekdays. */
  years: ReadonlySet<number>;
}

/** The package's entries read "National Day,国庆节,3" (English name, Chinese name, length): keep the Chinese name. */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

function toMap(entries: Record<string, string>): Map<IsoDate, string> {
  return new Map(Object.entries(entries).map(([date, entry]) => [date, chineseName(entry)]));
}

/** Build a national calendar from raw entries; tests use it with data of their own. */
export function makeNationalCalendar(data: { holidays: Record<string, string>; workdays: Record<string, string> }): NationalCalendar {
  const holidays = toMap(data.holidays);
  const makeUpWorkdays = toMap(data.workdays);
  const years = new Set([...holidays.keys(), ...makeUpWorkdays.keys()].map((date) => Number(date.slice(0, 4))));
  return { holidays, makeUpWorkdays, years };
}

let cached: NationalCalendar | null = null;

/** The national calendar from the installed `chinese-days` release (2004 to 2026 in 1.5.7). */
export function nationalCalendar(): NationalCalendar {
  cached ??= makeNationalCalendar(chineseDays);
  return cached;
}
