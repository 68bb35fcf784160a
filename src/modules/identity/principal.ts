/** Who is making a request: the account behind the session cookie or the Bearer token. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { IdentityDeps } from './deps.js';
import { loadAccount, touchLiveSession } from './identity.repository.js';
import { SESSION_COOKIE, sessionIdOf } from './sessions.js';

/** An account: a person (possibly acting for a company) or a staff member. */
export type AccountRef = { kind: 'person'; personId: string; companyId?: string } | { kind: 'staff'; staffId: string };

export interface ActingAs {
  companyId: string;
  uscc: string;
  name: string;
  role: 'representative' | 'agent';
}

export interface Principal {
  /** null when the request carries a Bearer token instead of a session cookie. */
  sessionId: string | null;
  account: AccountRef;
  name: string;
  /** Assurance level 0–3 of a person; staff are verified in person by their agency: 3. */
  level: number;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  /** A person's e-mail address, masked, and whether its code came back; null when none is set (and for staff). */
  email: { masked: string; verified: boolean } | null;
  actingAs: ActingAs | null;
  staff: { agencyId: number; agencyName: string; roles: string[] } | null;
  /** Scopes of a Bearer token; null for a session (which may do anything its account may). */
  scopes: string[] | null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ACCOUNT_ID = new RegExp(`^(?:person:(${UUID})(?:@company:(${UUID}))?|staff:(${UUID}))$`);

/** 'person:<uuid>', 'person:<uuid>@company:<uuid>' or 'staff:<uuid>': the OIDC account id. */
export function accountIdOf(ref: AccountRef): string {
  if (ref.kind === 'staff') return `staff:${ref.staffId}`;
  return ref.companyId ? `person:${ref.personId}@company:${ref.companyId}` : `person:${ref.personId}`;
}

export function parseAccountId(id: string): AccountRef | null {
  const m = ACCOUNT_ID.exec(id);
  if (!m) return null;
  if (m[3]) return { kind: 'staff', staffId: m[3] };
  return m[2] ? { kind: 'person', personId: m[1]!, companyId: m[2] } : { kind: 'person', personId: m[1]! };
}

/** The principal of a request, or null when it carries no live session and no valid Bearer token. */
export async function principalOf(deps: IdentityDeps, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const verified = deps.bearer ? await deps.bearer(authorization.slice(7).trim()) : null;
    const ref = verified ? parseAccountId(verified.accountId) : null;
    if (!verified || !ref) throw new AppError('unauthenticated', { message: '访问令牌无效或已过期。The access token is invalid or expired.' });
    const account = await loadAccount(deps.db, ref);
    return account ? { ...account, sessionId: null, scopes: verified.scopes } : null;
  }
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const session = await touchLiveSession(deps.db, sessionIdOf(token));
  if (!session) return null;
  const account = await loadAccount(deps.db, session.account);
  return account ? { ...account, sessionId: session.sessionId, scopes: null } : null;
}

export async function requirePrincipal(deps: IdentityDeps, request: FastifyRequest): Promise<Principal> {
  const principal = await principalOf(deps, request);
  if (!principal) throw new AppError('unauthenticated', { message: '请先登录。Please sign in.' });
  return principal;
}

export type PersonPrincipal = Principal & { account: { kind: 'person'; personId: string; companyId?: string } };
export type StaffPrincipal = Principal & { account: { kind: 'staff'; staffId: string }; staff: NonNullable<Principal['staff']> };

/** A signed-in person (citizen or company user), else 403 for staff. */
export async function requirePerson(deps: IdentityDeps, request: FastifyRequest): Promise<PersonPrincipal> {
  const principal = await requirePrincipal(deps, request);
  if (principal.account.kind !== 'person') throw new AppError('forbidden', { message: '此功能仅面向个人和企业用户。This is for citizens and businesses.' });
  return principal as PersonPrincipal;
}

/** A signed-in staff member holding at least one of `roles` (any staff member when none are given). */
export async function requireStaff(deps: IdentityDeps, request: FastifyRequest, ...roles: string[]): Promise<StaffPrincipal> {
  const principal = await requirePrincipal(deps, request);
  if (principal.account.kind !== 'staff' || !principal.staff) throw new AppError('forbidden', { message: '仅限工作人员。Staff only.' });
  if (roles.length > 0 && !roles.some((role) => principal.staff!.roles.includes(role))) {
    throw new AppError('forbidden', { message: '您没有此岗位权限。Your roles do not allow this.' });
  }
  return principal as StaffPrincipal;
}
