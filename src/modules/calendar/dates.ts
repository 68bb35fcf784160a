/**
 * Calendar dates as 'YYYY-MM-DD' strings (the form the database returns for `date`) and their day
 * numbers (days since 1970-01-01), with no time of day and no time zone: a legal period counts
 * whole days in China, and UTC arithmetic on day numbers never meets a daylight-saving gap.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a valid date, or null for anything else ('2025-02-30', '2025-9-1', …). */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Day number of a date; a malformed date is a programming error here (input is validated at the edge). */
export function dayNumber(date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return n;
}

export function isoDateOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
