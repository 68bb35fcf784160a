/** Load synthetic legal persons into the registry (demo and tests). */
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Db } from '../../../platform/db/index.js';
import { generateResidents } from '../../population/index.js';
import { insertEntities } from '../legalpersons.repository.js';
import { generateLegalPersons, type SyntheticLegalPerson } from '../synthetic.js';

/**
 * Seed `legalPersons` (by default ~300 synthetic companies represented by the default synthetic
 * residents, which seedPopulation loads); idempotent. Returns rows inserted.
 */
export async function seedLegalPersons(
  db: Db,
  fields: FieldCrypto,
  legalPersons: readonly SyntheticLegalPerson[] = generateLegalPersons(generateResidents()),
): Promise<number> {
  const rows = legalPersons.map((p) => ({
    name: p.name,
    uscc: p.uscc,
    type: p.type,
    representative_name: p.representativeName,
    representative_id_number_hash: fields.lookupHash('id_number', p.representativeIdNumber),
    registered_address: p.registeredAddress,
    division_code: p.divisionCode,
    status: p.status,
    established_on: p.establishedOn,
  }));
  return db.transaction((tx) => insertEntities(tx, rows));
}
