/** Reads the account pages need that no action provides: thin calls of the repository, scoped to the signed-in account. */
import type { IdentityDeps } from '../deps.js';
import type { AccountRef } from '../principal.js';
import { listActableCompanies, listAgentGrants, listLiveSessions, listSignInEvents } from '../identity.repository.js';
import type { ActableCompany, RepresentedCompany } from './companies.js';

export function liveSessionsOf(deps: IdentityDeps, account: AccountRef) {
  return listLiveSessions(deps.db, account);
}

export function signInHistoryOf(deps: IdentityDeps, account: AccountRef, page: number, pageSize: number) {
  return listSignInEvents(deps.db, account, pageSize, (page - 1) * pageSize);
}

/** The companies a person can act for, and for those they represent, the agents they appointed. */
export async function companiesOf(deps: IdentityDeps, personId: string): Promise<{ actable: ActableCompany[]; represented: RepresentedCompany[] }> {
  const rows = await listActableCompanies(deps.db, personId);
  const represented: RepresentedCompany[] = [];
  for (const row of rows) {
    if (row.role !== 'representative') continue;
    represented.push({ uscc: row.uscc, name: row.name, grants: await listAgentGrants(deps.db, row.companyId) });
  }
  return { actable: rows.map((r) => ({ uscc: r.uscc, name: r.name, role: r.role, validUntil: r.validUntil })), represented };
}

/** Company names by id, for the consents given while acting for a company. */
export async function companyNamesOf(deps: IdentityDeps, personId: string): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const row of await listActableCompanies(deps.db, personId)) names[row.companyId] = row.name;
  return names;
}
