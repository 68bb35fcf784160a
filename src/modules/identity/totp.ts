/** TOTP (RFC 6238, 6 digits, 30 s: what authenticator apps use) for the staff's second factor. */
import { generateSecret, generateURI, verify } from 'otplib';

/** A new random Base32 secret (20 bytes). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, loginName: string): string {
  return generateURI({ issuer: 'onestop 政务服务', label: loginName, secret });
}

/**
 * The time step of a valid code, or null. One step of clock drift either way is allowed; a step at
 * or before `lastStep` is refused, so a code that was used once (or an older one) never works again.
 */
export async function acceptTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(lastStep === null ? {} : { afterTimeStep: lastStep }) });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
