/**
 * The facts a form may prefill for a person (自动填充): their name, ID number and phone (decrypted), and,
 * when they act for a company, its name, USCC, registered address and representative from the legal-person
 * registry. For the applicant's own eyes only: callers must not log or audit these values.
 */
import { lookupLegalPerson } from '../legalpersons/index.js';
import type { IdentityDeps } from './deps.js';
import { findPersonFacts, loadAccount } from './identity.repository.js';
import type { AccountRef } from './principal.js';

export interface PrefillFactsOf {
  person: { name: string; idNumber: string; phone: string | null };
  company: { name: string; uscc: string; address: string | null; representative: string | null } | null;
}

/** Null for staff and for an unknown person. */
export async function prefillFactsOf(deps: IdentityDeps, ref: AccountRef): Promise<PrefillFactsOf | null> {
  if (ref.kind !== 'person') return null;
  const person = await findPersonFacts(deps.db, ref.personId);
  if (!person) return null;
  const account = ref.companyId ? await loadAccount(deps.db, ref) : null;
  const actingAs = account?.actingAs ?? null;
  const registered = actingAs ? await lookupLegalPerson(deps.db, actingAs.uscc) : null;
  return {
    person: { name: person.name, idNumber: deps.fields.decrypt(person.idNumberEnc), phone: deps.fields.decrypt(person.phoneEnc) },
    company: actingAs
      ? { name: actingAs.name, uscc: actingAs.uscc, address: registered?.registeredAddress ?? null, representative: registered?.representativeName ?? null }
      : null,
  };
}
