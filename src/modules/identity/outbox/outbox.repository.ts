/** The outbox sender's SQL (identity.notification_outbox, migrations 0006 and 0010). */
import type { Queryable } from '../../../platform/db/index.js';

export interface DueMessageRow {
  id: number;
  channel: 'sms' | 'email';
  recipientEnc: string;
  recipientMasked: string;
  subject: string | null;
  body: string;
  attempts: number;
}

/**
 * Lock up to `limit` due messages, oldest first, for the rest of the transaction. Rows another
 * transaction holds are skipped, so servers sending at once never take the same message.
 */
export async function claimDueMessages(tx: Queryable, limit: number): Promise<DueMessageRow[]> {
  return tx.query<DueMessageRow>(
    `SELECT id, channel, recipient_enc AS "recipientEnc", recipient_masked AS "recipientMasked", subject, body, attempts
       FROM identity.notification_outbox
      WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
      ORDER BY next_attempt_at, id
      LIMIT $1
      FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markMessageSent(tx: Queryable, id: number): Promise<void> {
  await tx.query(
    'UPDATE identity.notification_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
    [id],
  );
}

/** Count a failed attempt: try again after `retryInSeconds`, or give up for good (failed_at). */
export async function markMessageFailed(tx: Queryable, id: number, f: { error: string; retryInSeconds: number; giveUp: boolean }): Promise<void> {
  await tx.query(
    `UPDATE identity.notification_outbox
        SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3),
            failed_at = CASE WHEN $4::boolean THEN now() END
      WHERE id = $1`,
    [id, f.error, f.retryInSeconds, f.giveUp],
  );
}
