import type { Queryable } from '../../platform/db/index.js';
import type { IdentityDeps } from './deps.js';
import { insertOutboxMessage } from './identity.repository.js';
import { maskEmail, maskPhone } from './masking.js';

/**
 * Queue an SMS in the notification outbox, in the caller's transaction: it leaves only if the
 * transaction commits. The outbox sender (outbox/sender.ts) delivers it shortly after.
 */
export async function queueSms(tx: Queryable, deps: IdentityDeps, phone: string, body: string): Promise<void> {
  await insertOutboxMessage(tx, { channel: 'sms', recipientEnc: deps.fields.encrypt(phone), recipientMasked: maskPhone(phone), subject: null, body });
}

/** Queue an e-mail in the notification outbox, in the caller's transaction (see queueSms). */
export async function queueEmail(tx: Queryable, deps: IdentityDeps, email: string, subject: string, body: string): Promise<void> {
  await insertOutboxMessage(tx, { channel: 'email', recipientEnc: deps.fields.encrypt(email), recipientMasked: maskEmail(email), subject, body });
}
