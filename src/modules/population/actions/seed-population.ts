/** Load synthetic residents into the population registry (demo and tests). */
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Db } from '../../../platform/db/index.js';
import { insertResidents, type ResidentRow } from '../population.repository.js';
import { generateResidents, type SyntheticResident } from '../synthetic.js';

/** Hash the identifying numbers; nothing else of them reaches the database. */
export function toResidentRow(fields: FieldCrypto, r: SyntheticResident): ResidentRow {
  return {
    name: r.name,
    id_number_hash: fields.lookupHash('id_number', r.idNumber),
    phone_hash: fields.lookupHash('phone', r.phone),
    bank_card_hash: fields.lookupHash('bank_card', r.bankCard),
    social_security_card_hash: fields.lookupHash('social_security_card', r.socialSecurityCard),
    household_address: r.householdAddress,
    division_code: r.divisionCode,
    birth_date: r.birthDate,
    sex: r.sex,
  };
}

/** Seed `residents` (by default the ~2,000 deterministic synthetic residents); idempotent. Returns rows inserted. */
export async function seedPopulation(db: Db, fields: FieldCrypto, residents: readonly SyntheticResident[] = generateResidents()): Promise<number> {
  const rows = residents.map((r) => toResidentRow(fields, r));
  return db.transaction((tx) => insertResidents(tx, rows));
}
