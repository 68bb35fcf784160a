import crypto from 'node:crypto';

export const SESSION_COOKIE = 'sid';
/** Absolute session lifetime: a sign-in lasts a working day at most. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** A new random session token (for the cookie) and its SHA-256, the only form the database keeps. */
export function newSessionToken(): { token: string; id: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
