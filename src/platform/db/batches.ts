/**
 * Bulk writes in batches: one statement per batch, the batch passed as one JSON parameter ($1) that
 * the statement reads with `jsonb_to_recordset($1::jsonb) AS x(…)`. A round trip per row is what
 * this avoids; a batch size bounds the size of one parameter and one statement.
 */
import type { Queryable } from './index.js';

/** Consecutive slices of `rows`, each at most `size` long (none for no rows). */
export function* inBatches<T>(rows: readonly T[], size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batch size must be a positive integer');
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Run `sql` once per batch of `rows`, in order, with the batch as JSON in $1; returns the rows the
 * statements return (RETURNING …), concatenated in batch order.
 */
export async function queryInBatches<R = Record<string, unknown>>(
  q: Queryable,
  sql: string,
  rows: readonly unknown[],
  size: number,
): Promise<R[]> {
  const returned: R[] = [];
  for (const batch of inBatches(rows, size)) returned.push(...(await q.query<R>(sql, [JSON.stringify(batch)])));
  return returned;
}

/** Column name → SQL type of the rows in a JSON batch (the rows' keys are the column names). */
export type JsonColumns = Readonly<Record<string, string>>;

/**
 * `INSERT INTO table (columns) SELECT columns FROM jsonb_to_recordset($1::jsonb) AS x(column type, …)`,
 * then `tail` (ON CONFLICT …, RETURNING …). Table, names and types are the caller's constants, never input.
 */
export function insertFromJson(table: string, columns: JsonColumns, tail = ''): string {
  const names = Object.keys(columns).map((name) => `"${name}"`);
  const record = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`);
  return `INSERT INTO ${table} (${names.join(', ')})
  SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${record.join(', ')})${tail ? `\n  ${tail}` : ''}`;
}
