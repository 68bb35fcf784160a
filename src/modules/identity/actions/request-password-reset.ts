/**
 * 找回密码 (step 1): an ID number with the account's verified phone or verified e-mail gets a code
 * there. The answer is the same whether or not they match an account, so it discloses nothing.
 */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findPersonByIdNumberHash, findPersonFacts } from '../identity.repository.js';
import { sendCode } from '../one-time-codes.js';

export const RESET_CODE_SENT = '如果信息与账户已验证的手机号或邮箱一致，验证码已发送。If the details match an account\'s verified phone or e-mail, a code is on its way.';

export type ResetRequest = { idNumber: string; phone: string } | { idNumber: string; email: string };

export async function requestPasswordReset(deps: IdentityDeps, input: ResetRequest, meta: RequestMeta): Promise<void> {
  const found = await findPersonByIdNumberHash(deps.db, deps.fields.lookupHash('id_number', input.idNumber.trim().toUpperCase()));
  const person = found && (await findPersonFacts(deps.db, found.id));
  if (!person) return;
  const subject = '一站通：找回密码 / password reset';
  const to =
    'phone' in input
      ? person.phoneVerified && deps.fields.decrypt(person.phoneEnc) === input.phone.trim() && { sms: input.phone.trim() }
      : person.emailVerified && person.emailEnc !== null && deps.fields.decrypt(person.emailEnc) === input.email.trim().toLowerCase() && { email: input.email.trim().toLowerCase(), subject };
  if (!to) return;
  try {
    await deps.db.transaction(async (tx) => {
      await sendCode(tx, deps, {
        personId: person.id,
        purpose: 'reset_password',
        to,
        text: (code) => `【一站通】您正在找回密码，验证码 ${code}，10 分钟内有效。如非本人操作，请忽略并注意账户安全。`,
      });
      await writeAudit(tx, { actor: 'anonymous', action: 'identity.password_reset_requested', subject: `person:${person.id}`, requestId: meta.requestId, detail: { ip: meta.ip, channel: 'sms' in to ? 'sms' : 'email' } });
    });
  } catch (error) {
    // Too many requests for this account: answering 429 would confirm that it exists.
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
  }
}
