/** Load synthetic residents into the population registry (demo and tests). */
import type { Db } from '../../../platform/db/index.js';
import { keyedHash } from '../keyed-hash.js';
import { insertResidents, type ResidentRow } from '../population.repository.js';
import { generateResidents, type SyntheticResident } from '../synthetic.js';

/** Hash the identifying numbers; nothing else of them reaches the database. */
export function toResidentRow(r: SyntheticResident): ResidentRow {
  return {
    name: r.name,
    id_number_hash: keyedHash('id_number', r.idNumber),
    phone_hash: keyedHash('phone', r.phone),
    bank_card_hash: keyedHash('bank_card', r.bankCard),
    social_security_card_hash: keyedHash('social_security_card', r.socialSecurityCard),
    household_address: r.householdAddress,
    division_code: r.divisionCode,
    birth_date: r.birthDate,
    sex: r.sex,
  };
}

/** Seed `residents` (by default the ~2,000 deterministic synthetic residents); idempotent. Returns rows inserted. */
export async function seedPopulation(db: Db, residents: readonly SyntheticResident[] = generateResidents()): Promise<number> {
  const rows = residents.map(toResidentRow);
  return db.transaction((tx) => insertResidents(tx, rows));
}
