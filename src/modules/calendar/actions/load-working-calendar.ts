/** The working calendar of a jurisdiction: the national calendar and the overrides along its ancestors. */
import type { Queryable } from '../../../platform/db/index.js';
import { listOverrides } from '../calendar.repository.js';
import { buildWorkingCalendar, type WorkingCalendar } from '../working-days.js';

/**
 * `ancestors` are the codes from the root down to the jurisdiction itself (the catalogue's
 * `Jurisdiction.ancestors`); an empty list gives the national calendar alone. The calendar module does
 * not read the catalogue: the caller knows the jurisdiction.
 */
export async function loadWorkingCalendar(db: Queryable, ancestors: readonly string[]): Promise<WorkingCalendar> {
  const overrides = ancestors.length > 0 ? await listOverrides(db, ancestors) : [];
  return buildWorkingCalendar({ ancestors, overrides });
}
