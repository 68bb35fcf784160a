/**
 * 签名密钥: the ID-token signing keys live in `oidc.signing_key`, the private half encrypted with
 * FieldCrypto. The newest key that is not retired signs; retired keys stay in the published JWKS
 * until the longest-lived token they may have signed has expired (see rotate-signing-keys.ts).
 */
import crypto from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Db } from '../../../platform/db/index.js';
import { countCurrentSigningKeys, insertSigningKey, listUsableSigningKeys, lockSigningKeys } from './oidc.repository.js';
import type { Queryable } from '../../../platform/db/index.js';

export const SIGNING_ALG = 'RS256';

/** A new RSA key pair as JWKs, with a random key id. */
export function generateSigningKey(): { kid: string; privateJwk: JWK; publicJwk: JWK } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomBytes(12).toString('base64url');
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALG, use: 'sig' } as JWK;
  const { kty, n, e } = privateJwk as { kty: string; n: string; e: string };
  return { kid, privateJwk, publicJwk: { kty, n, e, kid, alg: SIGNING_ALG, use: 'sig' } as JWK };
}

/** Store a fresh key as the current one (inside the caller's transaction). */
export async function insertNewSigningKey(tx: Queryable, fields: FieldCrypto): Promise<string> {
  const key = generateSigningKey();
  await insertSigningKey(tx, { kid: key.kid, alg: SIGNING_ALG, privateJwkEnc: fields.encrypt(JSON.stringify(key.privateJwk)), publicJwk: key.publicJwk });
  return key.kid;
}

/** The first key, made on first use of the provider when the table has none. */
export async function ensureSigningKey(db: Db, fields: FieldCrypto): Promise<void> {
  if ((await listUsableSigningKeys(db)).some((k) => k.retiredAt === null)) return;
  await db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    if ((await countCurrentSigningKeys(tx)) === 0) await insertNewSigningKey(tx, fields);
  });
}

/** The private JWKs for the provider: the signing key first, then those kept for verification. */
export async function loadSigningJwks(db: Db, fields: FieldCrypto): Promise<JWK[]> {
  const rows = await listUsableSigningKeys(db);
  return rows.map((row) => JSON.parse(fields.decrypt(row.privateJwkEnc)) as JWK);
}
