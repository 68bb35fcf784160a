import crypto from 'node:crypto';

/**
 * Keyed lookup hashes (HMAC-SHA256, hex) of identifying numbers, so that the base registries can
 * match a number without storing it. Each kind of number has its own domain, so the same digits
 * as a phone and as a bank card give different hashes.
 *
 * Interim: the key comes from ONESTOP_DATA_KEY, or a fixed development key outside production.
 * This moves to the platform crypto helper (`lookupHash` in src/platform/crypto.ts) once it exists.
 */
export type HashedFactor = 'id_number' | 'phone' | 'bank_card' | 'social_security_card';

/** Clearly not a secret: used only when ONESTOP_DATA_KEY is unset outside production. */
const DEVELOPMENT_DATA_KEY = 'onestop-DEVELOPMENT-ONLY-data-key--not-for-production';

export function dataKey(env: NodeJS.ProcessEnv = process.env): string {
  const key = env.ONESTOP_DATA_KEY;
  if (key) {
    if (key.length < 32) throw new Error('ONESTOP_DATA_KEY must be at least 32 characters');
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error('ONESTOP_DATA_KEY is required in production');
  return DEVELOPMENT_DATA_KEY;
}

export function keyedHash(kind: HashedFactor, value: string, key: string = dataKey()): string {
  return crypto.createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}
