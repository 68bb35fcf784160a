/**
 * Who may see and act on a case. The workflow checks roles; this decides whose case it is: the person who
 * filed it, whoever acts now for the company it was filed for (its representative, or an agent whose grant
 * covers the item), and staff of the case's agency. Everyone else gets 404, never the case's data.
 */
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { accountIdOf, agentItemScope, type Principal } from '../identity/index.js';
import type { CaseRecord } from './cases.repository.js';
import type { Actor } from './workflow.js';

export const caseNotFound = () => new AppError('not_found', { message: '办件不存在。No such case.' });

/** The workflow actor this principal is on this case, or null when the case is none of theirs. */
export async function actorOnCase(db: Queryable, principal: Principal, record: CaseRecord): Promise<Actor | null> {
  const account = principal.account;
  if (account.kind === 'staff') {
    if (!principal.staff || principal.staff.agencyId !== record.agencyId) return null;
    return { kind: 'staff', staffId: account.staffId, roles: principal.staff.roles };
  }
  const applicant: Actor = { kind: 'applicant', accountId: accountIdOf(account) };
  if (record.applicant === accountIdOf({ kind: 'person', personId: account.personId })) return applicant;
  const acting = principal.actingAs;
  if (!record.companyId || acting?.companyId !== record.companyId) return null;
  if (acting.role === 'representative') return applicant;
  const scope = await agentItemScope(db, account.personId, record.companyId);
  return scope === null || scope?.includes(record.implementationCode) ? applicant : null;
}

/** As actorOnCase, but 404 for a stranger. */
export async function requireActorOnCase(db: Queryable, principal: Principal, record: CaseRecord | undefined): Promise<{ record: CaseRecord; actor: Actor }> {
  const actor = record ? await actorOnCase(db, principal, record) : null;
  if (!record || !actor) throw caseNotFound();
  return { record, actor };
}
