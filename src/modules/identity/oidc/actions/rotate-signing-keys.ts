/** 轮换签名密钥 (`onestop keys rotate`): a new key signs from now on; the old one stays published for verification. */
import { writeAudit } from '../../../../platform/audit.js';
import type { IdentityDeps } from '../../deps.js';
import { insertNewSigningKey } from '../keys.js';
import { retireCurrentSigningKeys } from '../oidc.repository.js';
import { LONGEST_TOKEN_LIFETIME_SECONDS } from '../settings.js';

export interface RotationResult {
  kid: string;
  retired: string[];
  /** Until when the retired keys are still published. */
  retiredKeysExpireAt: string;
}

export async function rotateSigningKeys(deps: Pick<IdentityDeps, 'db' | 'fields'>, actor: string): Promise<RotationResult> {
  return deps.db.transaction(async (tx) => {
    const retired = await retireCurrentSigningKeys(tx, LONGEST_TOKEN_LIFETIME_SECONDS);
    const kid = await insertNewSigningKey(tx, deps.fields);
    await writeAudit(tx, { actor, action: 'identity.oidc_signing_key_rotated', subject: `oidc-key:${kid}`, detail: { retired } });
    return { kid, retired, retiredKeysExpireAt: new Date(Date.now() + LONGEST_TOKEN_LIFETIME_SECONDS * 1000).toISOString() };
  });
}
