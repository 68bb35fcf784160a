/** 已授权的系统: the live consents of the account's person (or staff member), for the account page. */
import type { IdentityDeps } from '../../deps.js';
import { accountIdOf, parseAccountId, type AccountRef } from '../../principal.js';
import { listLiveConsents } from '../oidc.repository.js';
import { isScope, type OidcScope } from '../settings.js';

export interface Consent {
  id: string;
  clientId: string;
  clientName: string;
  scopes: OidcScope[];
  grantedAt: Date;
  /** The company the person acted for when consenting, when they did. */
  companyId: string | null;
}

/** The person behind an account (never the company they act for): consents are theirs. */
export function consentSubjectOf(ref: AccountRef): string {
  return accountIdOf(ref.kind === 'person' ? { kind: 'person', personId: ref.personId } : ref);
}

export async function listConsents(deps: Pick<IdentityDeps, 'db'>, ref: AccountRef): Promise<Consent[]> {
  const rows = await listLiveConsents(deps.db, consentSubjectOf(ref));
  return rows.map((row) => {
    const account = parseAccountId(row.accountId);
    return {
      id: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      scopes: row.scopes.filter(isScope),
      grantedAt: row.grantedAt,
      companyId: account?.kind === 'person' ? (account.companyId ?? null) : null,
    };
  });
}
