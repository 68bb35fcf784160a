/** Look a legal person up by its USCC (统一社会信用代码). */
import type { Queryable } from '../../../platform/db/index.js';
import { findEntityByUscc } from '../legalpersons.repository.js';
import type { LegalPersonStatus, LegalPersonType } from '../synthetic.js';
import { requireValidUscc } from '../validate.js';

/** A legal person as other modules see it: the representative's ID number hash stays inside. */
export interface LegalPerson {
  name: string;
  uscc: string;
  type: LegalPersonType;
  representativeName: string;
  registeredAddress: string;
  divisionCode: string;
  status: LegalPersonStatus;
  establishedOn: string;
}

/** The legal person with this USCC, or null when the registry has none; a malformed USCC is a validation error. */
export async function lookupLegalPerson(db: Queryable, uscc: string): Promise<LegalPerson | null> {
  const row = await findEntityByUscc(db, requireValidUscc(uscc));
  if (!row) return null;
  return {
    name: row.name,
    uscc: row.uscc,
    type: row.type,
    representativeName: row.representative_name,
    registeredAddress: row.registered_address,
    divisionCode: row.division_code,
    status: row.status,
    establishedOn: row.established_on,
  };
}
