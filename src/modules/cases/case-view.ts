/** What the API shows of a case: its clock read on the agency's working calendar, and the common fields. */
import type { Queryable } from '../../platform/db/index.js';
import { loadWorkingCalendar, readClock, type WorkingCalendar } from '../calendar/index.js';
import { primaryClock } from './case-clock.js';
import type { CaseRecord } from './cases.repository.js';
import { STATUS_LABELS } from './labels.js';

export interface ClockView {
  clock: 'acceptance' | 'decision' | 'link' | 'delivery';
  start: string;
  limitDays: number;
  extensionDays: number;
  due: string | null;
  remainingDays: number;
  overdue: boolean;
  paused: boolean;
  coverage: boolean;
  colour: 'green' | 'yellow' | 'red';
}

/** Calendars by jurisdiction, loaded once per request. */
export function calendarCache(db: Queryable): (ancestors: string[]) => Promise<WorkingCalendar> {
  const cache = new Map<string, Promise<WorkingCalendar>>();
  return (ancestors) => {
    const key = ancestors.join('/');
    let calendar = cache.get(key);
    if (!calendar) cache.set(key, (calendar = loadWorkingCalendar(db, ancestors)));
    return calendar;
  };
}

export async function clockView(record: CaseRecord, calendarOf: (ancestors: string[]) => Promise<WorkingCalendar>, today: string): Promise<ClockView | null> {
  const primary = primaryClock(record.status, record.clock);
  if (!primary) return null;
  const reading = readClock(primary.state, await calendarOf(record.rules.jurisdiction.ancestors), today);
  return {
    clock: primary.name,
    start: primary.state.start,
    limitDays: primary.state.limitDays,
    extensionDays: primary.state.extensionDays,
    due: reading.due,
    remainingDays: reading.remainingDays,
    overdue: reading.overdue,
    paused: reading.paused,
    coverage: reading.coverage,
    colour: reading.colour,
  };
}

export function summaryOf(record: CaseRecord) {
  return {
    number: record.number,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    item: { code: record.implementationCode, name: record.itemName },
    agency: record.rules.agency,
    submittedAt: record.submittedAt,
  };
}
