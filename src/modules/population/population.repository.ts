/** All SQL of the population module (schema `population`, migration 0007). */
import { insertFromJson, queryInBatches } from '../../platform/db/batches.js';
import type { Queryable } from '../../platform/db/index.js';

/** A resident as stored: identifying numbers as keyed hashes only. */
export interface ResidentRow {
  name: string;
  id_number_hash: string;
  phone_hash: string | null;
  bank_card_hash: string | null;
  social_security_card_hash: string | null;
  household_address: string;
  division_code: string;
  birth_date: string;
  sex: 'male' | 'female';
}

const BATCH_ROWS = 1000;

const INSERT_RESIDENTS = insertFromJson('population.resident', {
  name: 'text', id_number_hash: 'text', phone_hash: 'text', bank_card_hash: 'text', social_security_card_hash: 'text',
  household_address: 'text', division_code: 'text', birth_date: 'date', sex: 'text',
}, 'ON CONFLICT (id_number_hash) DO NOTHING RETURNING 1');

/** Insert residents; one already there (same ID number hash) is left as it is. Returns rows inserted. */
export async function insertResidents(q: Queryable, rows: readonly ResidentRow[]): Promise<number> {
  return (await queryInBatches(q, INSERT_RESIDENTS, rows, BATCH_ROWS)).length;
}

export async function findResidentByIdNumberHash(q: Queryable, idNumberHash: string): Promise<ResidentRow | null> {
  const rows = await q.query<ResidentRow>(
    `SELECT name, id_number_hash, phone_hash, bank_card_hash, social_security_card_hash,
            household_address, division_code, birth_date, sex
       FROM population.resident WHERE id_number_hash = $1`,
    [idNumberHash],
  );
  return rows[0] ?? null;
}
