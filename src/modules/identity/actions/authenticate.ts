/**
 * 登录认证: check a username and password (and a staff member's TOTP) without starting a session.
 * The portal's sign-in (sign-in.ts) and the OIDC provider's interactions both use it.
 */
import crypto from 'node:crypto';
import { writeAudit } from '../../../platform/audit.js';
import { isValidCitizenId, isValidUscc } from '../../../platform/checksums.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import {
  consumeMfaChallenge,
  countAccountFailures,
  countAddressFailures,
  findCompanyLogin,
  findPersonByIdNumberHash,
  findStaffLogin,
  insertMfaChallenge,
  insertSignInEvent,
  markMfaChallengeUsed,
  setStaffTotpStep,
  type SignInOutcome,
} from '../identity.repository.js';
import { verifyAgainstDecoy, verifyPassword } from '../passwords.js';
import { accountIdOf, type AccountRef } from '../principal.js';
import { sessionIdOf } from '../sessions.js';
import { ACCOUNT_FAILURE_THRESHOLD, ADDRESS_FAILURE_THRESHOLD, retryAfterSeconds } from '../sign-in-limits.js';
import { acceptTotp } from '../totp.js';

export const INVALID_CREDENTIALS = '用户名或密码错误。Incorrect username or password.';
export const INVALID_TOTP = '动态验证码错误或已过期，请重新输入。The one-time code is wrong or expired.';
const MFA_CHALLENGE_SECONDS = 300;

export interface Credentials {
  username?: string;
  password?: string;
  totp?: string;
  /** The token of the first step of a staff sign-in, instead of username and password. */
  challenge?: string;
}

export type AuthenticationResult = { status: 'ok'; account: AccountRef } | { status: 'totp_required'; challenge: string };

/** What kind of account a username names: an ID number, a USCC, or a staff login name. */
type Login = { kind: 'person'; idNumber: string } | { kind: 'company'; uscc: string } | { kind: 'staff'; loginName: string } | { kind: 'unknown' };

function classify(username: string): Login {
  const upper = username.trim().toUpperCase();
  if (isValidCitizenId(upper)) return { kind: 'person', idNumber: upper };
  if (isValidUscc(upper)) return { kind: 'company', uscc: upper };
  const lower = username.trim().toLowerCase();
  if (/^[a-z][a-z0-9._-]{2,31}$/.test(lower)) return { kind: 'staff', loginName: lower };
  return { kind: 'unknown' };
}

/** The account a login names and its password hash, or undefined when none. */
async function findLogin(deps: IdentityDeps, login: Login): Promise<{ account: AccountRef; passwordHash: string; totpSecretEnc?: string; totpLastStep?: number | null } | undefined> {
  switch (login.kind) {
    case 'person': {
      const person = await findPersonByIdNumberHash(deps.db, deps.fields.lookupHash('id_number', login.idNumber));
      return person && { account: { kind: 'person', personId: person.id }, passwordHash: person.passwordHash };
    }
    case 'company': {
      const company = await findCompanyLogin(deps.db, login.uscc);
      return company && { account: { kind: 'person', personId: company.representativeId, companyId: company.id }, passwordHash: company.passwordHash };
    }
    case 'staff': {
      const staff = await findStaffLogin(deps.db, login.loginName);
      return staff && { account: { kind: 'staff', staffId: staff.id }, passwordHash: staff.passwordHash, totpSecretEnc: staff.totpSecretEnc, totpLastStep: staff.totpLastStep };
    }
    case 'unknown':
      return undefined;
  }
}

function ownerIds(account: AccountRef | undefined): { personId: string | null; staffId: string | null } {
  if (!account) return { personId: null, staffId: null };
  return account.kind === 'staff' ? { personId: null, staffId: account.staffId } : { personId: account.personId, staffId: null };
}

async function recordFailure(deps: IdentityDeps, accountKey: string, account: AccountRef | undefined, outcome: SignInOutcome, action: string, meta: RequestMeta) {
  await deps.db.transaction(async (tx) => {
    await insertSignInEvent(tx, { ...ownerIds(account), accountKey, ip: meta.ip, outcome });
    await writeAudit(tx, {
      actor: 'anonymous',
      action,
      subject: account ? accountIdOf(account) : 'sign-in',
      requestId: meta.requestId,
      detail: { ip: meta.ip },
    });
  });
}

async function enforceLimits(deps: IdentityDeps, accountKey: string, meta: RequestMeta): Promise<void> {
  const now = Date.now();
  const wait = Math.max(
    retryAfterSeconds(await countAccountFailures(deps.db, accountKey), ACCOUNT_FAILURE_THRESHOLD, now),
    retryAfterSeconds(await countAddressFailures(deps.db, meta.ip), ADDRESS_FAILURE_THRESHOLD, now),
  );
  if (wait <= 0) return;
  await recordFailure(deps, accountKey, undefined, 'rate_limited', 'identity.sign_in_rate_limited', meta);
  throw new AppError('rate_limited', {
    message: `尝试次数过多，请 ${wait} 秒后再试。Too many attempts: try again in ${wait} seconds.`,
    headers: { 'retry-after': String(wait) },
  });
}

/**
 * Unknown usernames and wrong passwords get the same error after the same argon2 work; failures (a
 * wrong TOTP included) count towards the per-account and per-address limits. Staff always need a
 * TOTP: given with the password it is checked at once; without it the caller gets a challenge to
 * send back with the code.
 */
export async function authenticate(deps: IdentityDeps, input: Credentials, meta: RequestMeta): Promise<AuthenticationResult> {
  if (input.challenge) return completeChallenge(deps, input.challenge, input.totp ?? '', meta);
  const login = classify(input.username ?? '');
  const accountKey = deps.fields.lookupHash('sign_in', login.kind === 'unknown' ? (input.username ?? '') : JSON.stringify(login));
  await enforceLimits(deps, accountKey, meta);

  const found = await findLogin(deps, login);
  const password = input.password ?? '';
  const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!found || !ok) {
    await recordFailure(deps, accountKey, found?.account, 'bad_credentials', 'identity.sign_in_failed', meta);
    throw new AppError('invalid_credentials', { message: INVALID_CREDENTIALS });
  }
  if (found.account.kind === 'staff') {
    if (!input.totp) return issueChallenge(deps, found.account.staffId, accountKey, meta);
    await checkTotp(deps, found.account.staffId, found.totpSecretEnc!, found.totpLastStep ?? null, input.totp, accountKey, meta);
  }
  await recordSuccess(deps, found.account, accountKey, meta);
  return { status: 'ok', account: found.account };
}

async function issueChallenge(deps: IdentityDeps, staffId: string, accountKey: string, meta: RequestMeta): Promise<AuthenticationResult> {
  const challenge = crypto.randomBytes(32).toString('base64url');
  await deps.db.transaction(async (tx) => {
    await insertMfaChallenge(tx, { id: sessionIdOf(challenge), staffId, accountKey, lifetimeSeconds: MFA_CHALLENGE_SECONDS });
    await insertSignInEvent(tx, { personId: null, staffId, accountKey, ip: meta.ip, outcome: 'totp_required' });
    await writeAudit(tx, { actor: 'anonymous', action: 'identity.mfa_challenged', subject: `staff:${staffId}`, requestId: meta.requestId, detail: { ip: meta.ip } });
  });
  return { status: 'totp_required', challenge };
}

async function completeChallenge(deps: IdentityDeps, challenge: string, totp: string, meta: RequestMeta): Promise<AuthenticationResult> {
  const pending = await consumeMfaChallenge(deps.db, sessionIdOf(challenge));
  if (!pending) throw new AppError('invalid_credentials', { message: '登录已超时，请重新输入用户名和密码。The sign-in expired: enter your username and password again.' });
  await enforceLimits(deps, pending.accountKey, meta);
  await checkTotp(deps, pending.staffId, pending.totpSecretEnc, pending.totpLastStep, totp, pending.accountKey, meta);
  await markMfaChallengeUsed(deps.db, sessionIdOf(challenge));
  const account: AccountRef = { kind: 'staff', staffId: pending.staffId };
  await recordSuccess(deps, account, pending.accountKey, meta);
  return { status: 'ok', account };
}

async function checkTotp(deps: IdentityDeps, staffId: string, secretEnc: string, lastStep: number | null, code: string, accountKey: string, meta: RequestMeta) {
  const step = await acceptTotp(deps.fields.decrypt(secretEnc), code.trim(), lastStep);
  // The step is claimed atomically: of two requests with the same code, only one wins.
  if (step === null || !(await setStaffTotpStep(deps.db, staffId, step))) {
    await recordFailure(deps, accountKey, { kind: 'staff', staffId }, 'bad_totp', 'identity.mfa_failed', meta);
    throw new AppError('totp_invalid', { message: INVALID_TOTP });
  }
}

async function recordSuccess(deps: IdentityDeps, account: AccountRef, accountKey: string, meta: RequestMeta) {
  await deps.db.transaction(async (tx) => {
    await insertSignInEvent(tx, { ...ownerIds(account), accountKey, ip: meta.ip, outcome: 'success' });
    await writeAudit(tx, {
      actor: accountIdOf(account),
      action: 'identity.signed_in',
      subject: accountIdOf(account),
      requestId: meta.requestId,
      detail: { ip: meta.ip, mfa: account.kind === 'staff' },
    });
  });
}
