/** 绑定邮箱: a new e-mail address, unverified until the code sent to it comes back. */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { setPersonEmail } from '../identity.repository.js';
import { maskEmail } from '../masking.js';
import { sendCode } from '../one-time-codes.js';

export async function setEmail(deps: IdentityDeps, personId: string, email: string, meta: RequestMeta): Promise<{ emailMasked: string }> {
  assertEmail(email);
  const address = email.trim().toLowerCase();
  const emailMasked = maskEmail(address);
  await deps.db.transaction(async (tx) => {
    await setPersonEmail(tx, personId, { enc: deps.fields.encrypt(address), masked: emailMasked });
    await sendCode(tx, deps, {
      personId,
      purpose: 'verify_email',
      to: { email: address, subject: '一站通：验证您的电子邮箱 / verify your e-mail' },
      text: (code) => `您的邮箱验证码为 ${code}，10 分钟内有效。如非本人操作，请忽略本邮件。\nYour e-mail verification code is ${code} (valid 10 minutes).`,
    });
    await writeAudit(tx, { actor: `person:${personId}`, action: 'identity.email_set', subject: `person:${personId}`, requestId: meta.requestId, detail: { email: emailMasked } });
  });
  return { emailMasked };
}

function assertEmail(email: string): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    throw new AppError('validation_failed', { message: '邮箱格式不正确。', errors: [{ field: 'body.email', code: 'invalid_email', message: '邮箱格式不正确 (invalid e-mail address)' }] });
  }
}
