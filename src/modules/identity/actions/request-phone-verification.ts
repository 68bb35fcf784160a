/** 手机号验证 (step 1): send a code to the phone on record. */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findPersonFacts } from '../identity.repository.js';
import { sendCode } from '../one-time-codes.js';

export async function requestPhoneVerification(deps: IdentityDeps, personId: string, meta: RequestMeta): Promise<{ phoneMasked: string }> {
  const person = await findPersonFacts(deps.db, personId);
  if (!person) throw new AppError('not_found');
  if (person.phoneVerified) throw new AppError('conflict', { message: '手机号已验证。Your phone number is already verified.' });
  await deps.db.transaction(async (tx) => {
    await sendCode(tx, deps, {
      personId,
      purpose: 'verify_phone',
      to: { sms: deps.fields.decrypt(person.phoneEnc) },
      text: (code) => `【一站通】您的手机验证码为 ${code}，10 分钟内有效。请勿告诉他人。`,
    });
    await writeAudit(tx, { actor: `person:${personId}`, action: 'identity.phone_code_sent', subject: `person:${personId}`, requestId: meta.requestId, detail: { ip: meta.ip } });
  });
  return { phoneMasked: person.phoneMasked };
}
