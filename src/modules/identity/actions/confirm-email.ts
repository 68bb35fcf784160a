/** 邮箱验证: the code sent to the new address marks it verified (usable for password reset). */
import { writeAudit } from '../../../platform/audit.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { markEmailVerified } from '../identity.repository.js';
import { checkCode, useCode } from '../one-time-codes.js';

export async function confirmEmail(deps: IdentityDeps, personId: string, code: string, meta: RequestMeta): Promise<void> {
  const field = 'body.code';
  const codeId = await checkCode(deps, { personId, purpose: 'verify_email', code, field });
  await deps.db.transaction(async (tx) => {
    await useCode(tx, codeId, field);
    await markEmailVerified(tx, personId);
    await writeAudit(tx, { actor: `person:${personId}`, action: 'identity.email_verified', subject: `person:${personId}`, requestId: meta.requestId, detail: {} });
  });
}
