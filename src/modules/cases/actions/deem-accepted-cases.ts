/**
 * 视为受理 (行政许可法 art. 32): a received case nobody acted on within 5 working days counts as accepted on
 * the day it was received. Finds the received cases whose acceptance clock is overdue on `today` (on the
 * agency's working calendar) and applies the system's `deem_accepted`. Idempotent: a case changed meanwhile
 * (by staff, or by this job in another process) fails the version check and is skipped.
 */
import { isAppError } from '../../../platform/errors.js';
import { readClock } from '../../calendar/index.js';
import { calendarCache } from '../case-view.js';
import { listReceivedCases } from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';
import { storeTransition } from '../store-transition.js';

export const DEEM_ACCEPTED_JOB = 'deem_accepted';

export async function deemAcceptedCases(deps: Pick<CasesDeps, 'db' | 'logger'>, today: string): Promise<{ deemed: string[] }> {
  const calendarOf = calendarCache(deps.db);
  const deemed: string[] = [];
  for (const record of await listReceivedCases(deps.db)) {
    const acceptance = record.clock.acceptance;
    if (!acceptance || !readClock(acceptance, await calendarOf(record.rules.jurisdiction.ancestors), today).overdue) continue;
    try {
      await deps.db.transaction((tx) =>
        storeTransition(tx, record, 'deem_accepted', {}, { actor: { kind: 'system', job: DEEM_ACCEPTED_JOB }, actorName: '系统：视为受理', today }),
      );
      deemed.push(record.number);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'conflict' && e.code !== 'invalid_transition')) throw e;
    }
  }
  if (deemed.length > 0) deps.logger.info({ deemed: deemed.length }, 'cases deemed accepted');
  return { deemed };
}
