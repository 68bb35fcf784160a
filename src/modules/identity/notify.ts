import type { Queryable } from '../../platform/db/index.js';
import type { IdentityDeps } from './deps.js';
import { insertOutboxMessage } from './identity.repository.js';
import { maskPhone } from './masking.js';

/**
 * Queue an SMS in the notification outbox, in the caller's transaction. The only adapter so far is
 * `log`: it "sends" at once by logging the masked recipient, so the row is stored as sent.
 */
export async function queueSms(tx: Queryable, deps: IdentityDeps, phone: string, body: string): Promise<void> {
  const recipientMasked = maskPhone(phone);
  await insertOutboxMessage(tx, { channel: 'sms', recipientEnc: deps.fields.encrypt(phone), recipientMasked, body, sent: true });
  deps.logger.info({ channel: 'sms', recipient: recipientMasked }, 'notification sent (log adapter)');
}
