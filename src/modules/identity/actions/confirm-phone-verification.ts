/** 手机号验证 (step 2): the right code marks the phone verified and raises the person to level 1. */
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { markPhoneVerified } from '../identity.repository.js';
import { LEVEL_PHONE, raisePersonLevel } from '../levels.js';
import { checkCode, useCode } from '../one-time-codes.js';

export async function confirmPhoneVerification(deps: IdentityDeps, personId: string, code: string, meta: RequestMeta): Promise<void> {
  const field = 'body.code';
  const codeId = await checkCode(deps, { personId, purpose: 'verify_phone', code, field });
  await deps.db.transaction(async (tx) => {
    await useCode(tx, codeId, field);
    await markPhoneVerified(tx, personId);
    await raisePersonLevel(tx, { personId, to: LEVEL_PHONE, method: 'phone', actor: `person:${personId}` }, meta);
  });
}
