/** What an account may share with a relying party (OIDC claims), before scopes pick from it. */
import type { IdentityDeps } from './deps.js';
import { findPersonFacts, loadAccount } from './identity.repository.js';
import type { AccountRef } from './principal.js';

export interface AccountClaims {
  name: string;
  /** The full number: a relying party with the `phone` scope gets it, as other IdPs give it. */
  phone: string | null;
  phoneVerified: boolean;
  idNumberMasked: string | null;
  level: number;
  legalPerson: { uscc: string; name: string; role: 'representative' | 'agent' } | null;
  staff: { agencyId: number; agencyName: string; roles: string[] } | null;
}

export async function accountClaims(deps: IdentityDeps, ref: AccountRef): Promise<AccountClaims | null> {
  const account = await loadAccount(deps.db, ref);
  if (!account) return null;
  const person = ref.kind === 'person' ? await findPersonFacts(deps.db, ref.personId) : undefined;
  return {
    name: account.name,
    phone: person ? deps.fields.decrypt(person.phoneEnc) : null,
    phoneVerified: person?.phoneVerified ?? false,
    idNumberMasked: account.idNumberMasked,
    level: account.level,
    legalPerson: account.actingAs ? { uscc: account.actingAs.uscc, name: account.actingAs.name, role: account.actingAs.role } : null,
    staff: account.staff,
  };
}
