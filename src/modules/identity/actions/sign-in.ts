import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { countAccountFailures, countAddressFailures, findPersonByIdNumberHash, insertSession, insertSignInEvent } from '../identity.repository.js';
import { verifyAgainstDecoy, verifyPassword } from '../passwords.js';
import { newSessionToken, SESSION_LIFETIME_SECONDS } from '../sessions.js';
import { ACCOUNT_FAILURE_THRESHOLD, ADDRESS_FAILURE_THRESHOLD, retryAfterSeconds } from '../sign-in-limits.js';

export const INVALID_CREDENTIALS = '用户名或密码错误。Incorrect username or password.';

/**
 * 登录 with an ID number and password. Unknown usernames and wrong passwords get the same error after
 * the same argon2 work; failures count towards the per-account and per-address limits.
 * Returns the session token for the cookie.
 */
export async function signIn(deps: IdentityDeps, input: { username: string; password: string }, meta: RequestMeta): Promise<{ token: string }> {
  const username = input.username.trim().toUpperCase();
  const accountKey = deps.fields.lookupHash('id_number', username);
  const now = Date.now();
  const wait = Math.max(
    retryAfterSeconds(await countAccountFailures(deps.db, accountKey), ACCOUNT_FAILURE_THRESHOLD, now),
    retryAfterSeconds(await countAddressFailures(deps.db, meta.ip), ADDRESS_FAILURE_THRESHOLD, now),
  );
  if (wait > 0) {
    await deps.db.transaction(async (tx) => {
      await insertSignInEvent(tx, { personId: null, accountKey, ip: meta.ip, outcome: 'rate_limited' });
      await writeAudit(tx, { actor: 'anonymous', action: 'identity.sign_in_rate_limited', subject: 'sign-in', requestId: meta.requestId, detail: { ip: meta.ip } });
    });
    throw new AppError('rate_limited', {
      message: `尝试次数过多，请 ${wait} 秒后再试。Too many attempts: try again in ${wait} seconds.`,
      headers: { 'retry-after': String(wait) },
    });
  }

  const person = await findPersonByIdNumberHash(deps.db, accountKey);
  const ok = person ? await verifyPassword(person.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
  if (!person || !ok) {
    await deps.db.transaction(async (tx) => {
      await insertSignInEvent(tx, { personId: person?.id ?? null, accountKey, ip: meta.ip, outcome: 'bad_credentials' });
      await writeAudit(tx, {
        actor: 'anonymous',
        action: 'identity.sign_in_failed',
        subject: person ? `person:${person.id}` : 'sign-in',
        requestId: meta.requestId,
        detail: { ip: meta.ip },
      });
    });
    throw new AppError('invalid_credentials', { message: INVALID_CREDENTIALS });
  }

  const session = newSessionToken();
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, { id: session.id, personId: person.id, lifetimeSeconds: SESSION_LIFETIME_SECONDS, userAgent: meta.userAgent, ip: meta.ip });
    await insertSignInEvent(tx, { personId: person.id, accountKey, ip: meta.ip, outcome: 'success' });
    await writeAudit(tx, { actor: `person:${person.id}`, action: 'identity.signed_in', subject: `person:${person.id}`, requestId: meta.requestId, detail: { ip: meta.ip } });
  });
  return { token: session.token };
}
