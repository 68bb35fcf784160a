/** All SQL of the legalpersons module (schema `legalpersons`, migration 0007). */
import { insertFromJson, queryInBatches } from '../../platform/db/batches.js';
import type { Queryable } from '../../platform/db/index.js';
import type { LegalPersonStatus, LegalPersonType } from './synthetic.js';

export interface EntityRow {
  name: string;
  uscc: string;
  type: LegalPersonType;
  representative_name: string;
  representative_id_number_hash: string;
  registered_address: string;
  division_code: string;
  status: LegalPersonStatus;
  established_on: string;
}

const BATCH_ROWS = 1000;

const INSERT_ENTITIES = insertFromJson('legalpersons.entity', {
  name: 'text', uscc: 'text', type: 'text', representative_name: 'text', representative_id_number_hash: 'text',
  registered_address: 'text', division_code: 'text', status: 'text', established_on: 'date',
}, 'ON CONFLICT (uscc) DO NOTHING RETURNING 1');

/** Insert legal persons; one already there (same USCC) is left as it is. Returns rows inserted. */
export async function insertEntities(q: Queryable, rows: readonly EntityRow[]): Promise<number> {
  return (await queryInBatches(q, INSERT_ENTITIES, rows, BATCH_ROWS)).length;
}

export async function findEntityByUscc(q: Queryable, uscc: string): Promise<EntityRow | null> {
  const rows = await q.query<EntityRow>(
    `SELECT name, uscc, type, representative_name, representative_id_number_hash,
            registered_address, division_code, status, established_on
       FROM legalpersons.entity WHERE uscc = $1`,
    [uscc],
  );
  return rows[0] ?? null;
}
