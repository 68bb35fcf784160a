/**
 * Public face of the calendar module (法定工作日, the legal clock): working days per jurisdiction, due
 * dates, remaining days and deadline colours for cases, the local overrides and the calendar API.
 */
import type { ModuleContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import type { HttpServer } from '../../platform/http/server.js';
import { listOverrides, type StoredOverride } from './calendar.repository.js';
import { registerCalendarRoutes } from './routes.js';

export async function registerCalendar(http: HttpServer, ctx: ModuleContext): Promise<void> {
  await registerCalendarRoutes(http, ctx);
}

// Pure logic
export { type IsoDate, isIsoDate, addDays } from './dates.js';
export {
  buildWorkingCalendar,
  addWorkingDays,
  workingDaysAfter,
  countWorkingDays,
  nonStandardDays,
  coversRange,
  type WorkingCalendar,
  type CalendarDay,
  type DayKind,
  type CalendarOverride,
  type OverrideKind,
} from './working-days.js';
export { nationalCalendar, type NationalCalendar } from './national.js';
export {
  dueDate,
  remaining,
  isOverdue,
  colour,
  colourOf,
  readClock,
  DEFAULT_YELLOW_RULE,
  type ClockState,
  type ClockPause,
  type ClockReading,
  type DeadlineColour,
  type YellowRule,
} from './clock.js';

// Reads and actions
export type { StoredOverride } from './calendar.repository.js';
export { loadWorkingCalendar } from './actions/load-working-calendar.js';
export { setCalendarOverride, type SetOverrideInput } from './actions/set-override.js';
export { removeCalendarOverride, type RemoveOverrideInput } from './actions/remove-override.js';

/** The overrides set for this jurisdiction itself (not its ancestors'), by day; for the admin page. */
export function listCalendarOverrides(db: Queryable, jurisdictionCode: string): Promise<StoredOverride[]> {
  return listOverrides(db, [jurisdictionCode]);
}
