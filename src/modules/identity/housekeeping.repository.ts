/** Housekeeping SQL of the identity module: deleting what is kept no longer (see actions/purge-expired.ts). */
import type { Queryable } from '../../platform/db/index.js';

const deleted = async (tx: Queryable, sql: string, params: readonly unknown[]) =>
  (await tx.query<{ n: number }>(`WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`, params))[0]?.n ?? 0;

/** Sessions that expired, or were revoked, more than `days` days ago. */
export function deleteEndedSessions(tx: Queryable, days: number): Promise<number> {
  return deleted(
    tx,
    `DELETE FROM identity.session
      WHERE expires_at < now() - make_interval(days => $1::int) OR revoked_at < now() - make_interval(days => $1::int)`,
    [days],
  );
}

export function deleteSignInEvents(tx: Queryable, days: number): Promise<number> {
  return deleted(tx, 'DELETE FROM identity.sign_in_event WHERE at < now() - make_interval(days => $1::int)', [days]);
}

/** One-time codes used or expired, created more than `hours` hours ago. */
export function deleteSpentOneTimeCodes(tx: Queryable, hours: number): Promise<number> {
  return deleted(
    tx,
    `DELETE FROM identity.one_time_code
      WHERE (used_at IS NOT NULL OR expires_at < now()) AND created_at < now() - make_interval(hours => $1::int)`,
    [hours],
  );
}

/** MFA challenges used or expired more than `hours` hours ago. */
export function deleteSpentMfaChallenges(tx: Queryable, hours: number): Promise<number> {
  return deleted(
    tx,
    'DELETE FROM identity.mfa_challenge WHERE least(used_at, expires_at) < now() - make_interval(hours => $1::int)',
    [hours],
  );
}

/** Outbox messages delivered more than `days` days ago. */
export function deleteDeliveredMessages(tx: Queryable, days: number): Promise<number> {
  return deleted(tx, 'DELETE FROM identity.notification_outbox WHERE sent_at < now() - make_interval(days => $1::int)', [days]);
}
