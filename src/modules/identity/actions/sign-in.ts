/** 登录: authenticate, then start a session (the `sid` cookie's token). */
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { insertSession } from '../identity.repository.js';
import { newSessionToken, SESSION_LIFETIME_SECONDS } from '../sessions.js';
import { authenticate, type Credentials } from './authenticate.js';

export { INVALID_CREDENTIALS } from './authenticate.js';

export type SignInResult = { status: 'ok'; token: string } | { status: 'totp_required'; challenge: string };

export async function signIn(deps: IdentityDeps, input: Credentials, meta: RequestMeta): Promise<SignInResult> {
  const result = await authenticate(deps, input, meta);
  if (result.status !== 'ok') return result;
  const session = newSessionToken();
  // authenticate audited the sign-in; the session row itself records where it is used.
  await insertSession(deps.db, { id: session.id, account: result.account, lifetimeSeconds: SESSION_LIFETIME_SECONDS, userAgent: meta.userAgent, ip: meta.ip });
  return { status: 'ok', token: session.token };
}
