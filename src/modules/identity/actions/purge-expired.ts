/**
 * 数据清理: delete identity data kept no longer. The outbox sender's scheduler runs this once an
 * hour in every server (it is idempotent, so servers running it at once do no harm), and
 * `onestop identity purge` on demand.
 */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import {
  deleteDeliveredMessages,
  deleteEndedSessions,
  deleteSignInEvents,
  deleteSpentMfaChallenges,
  deleteSpentOneTimeCodes,
} from '../housekeeping.repository.js';

/** How long each kind of row is kept once it is spent. */
export const RETENTION = {
  /** Sessions after they expired or were revoked (the session list shows recent ones). */
  sessionDays: 30,
  /** Sign-in history (登录记录) a person can review. */
  signInEventDays: 180,
  /** Delivered notifications. */
  outboxDays: 90,
  /**
   * Used or expired one-time codes and MFA challenges: a day, because the daily SMS limit counts
   * the codes of the last 24 hours.
   */
  spentCodeHours: 24,
} as const;

export interface PurgeResult {
  sessions: number;
  signInEvents: number;
  oneTimeCodes: number;
  mfaChallenges: number;
  outboxMessages: number;
}

export async function purgeExpiredIdentityData(db: Db, options: { actor?: string } = {}): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const result: PurgeResult = {
      sessions: await deleteEndedSessions(tx, RETENTION.sessionDays),
      signInEvents: await deleteSignInEvents(tx, RETENTION.signInEventDays),
      oneTimeCodes: await deleteSpentOneTimeCodes(tx, RETENTION.spentCodeHours),
      mfaChallenges: await deleteSpentMfaChallenges(tx, RETENTION.spentCodeHours),
      outboxMessages: await deleteDeliveredMessages(tx, RETENTION.outboxDays),
    };
    // An hourly run that found nothing leaves no trace.
    if (Object.values(result).some((n) => n > 0)) {
      await writeAudit(tx, { actor: options.actor ?? 'system:housekeeping', action: 'identity.data.purged', subject: 'identity', detail: { ...result } });
    }
    return result;
  });
}
