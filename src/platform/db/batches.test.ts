import { describe, expect, it } from 'vitest';
import { inBatches, insertFromJson, queryInBatches } from './batches.js';
import { openDb, type Queryable } from './index.js';

describe('inBatches', () => {
  it('yields consecutive slices of at most the batch size, the last one shorter', () => {
    expect([...inBatches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...inBatches([1, 2, 3, 4], 2)]).toEqual([[1, 2], [3, 4]]);
    expect([...inBatches([], 3)]).toEqual([]);
  });
  it('refuses a batch size that would never advance', () => {
    expect(() => [...inBatches([1], 0)]).toThrow(RangeError);
    expect(() => [...inBatches([1], 1.5)]).toThrow(RangeError);
  });
});

describe('queryInBatches', () => {
  it('sends one statement per batch with the batch as JSON in $1, and concatenates what they return', async () => {
    const calls: { sql: string; params: readonly unknown[] | undefined }[] = [];
    const recorder: Queryable = {
      async query<T>(sql: string, params?: readonly unknown[]) {
        calls.push({ sql, params });
        return (JSON.parse(params![0] as string) as { n: number }[]).map((r) => ({ doubled: r.n * 2 })) as T[];
      },
    };
    const rows = [1, 2, 3, 4, 5].map((n) => ({ n }));
    const returned = await queryInBatches<{ doubled: number }>(recorder, 'SQL', rows, 2);
    expect(calls.map((c) => c.params)).toEqual([['[{"n":1},{"n":2}]'], ['[{"n":3},{"n":4}]'], ['[{"n":5}]']]);
    expect(returned.map((r) => r.doubled)).toEqual([2, 4, 6, 8, 10]);
    expect(await queryInBatches(recorder, 'SQL', [], 2)).toEqual([]);
    expect(calls).toHaveLength(3);
  });

  it('feeds an insertFromJson statement on a real database; rows already there are skipped', async () => {
    const db = await openDb({});
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)');
      const sql = insertFromJson('t', { id: 'int', name: 'text' }, 'ON CONFLICT (id) DO NOTHING RETURNING id');
      const rows = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `名${i + 1}` }));
      expect((await queryInBatches<{ id: number }>(db, sql, rows, 3)).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(await queryInBatches(db, sql, rows.slice(5), 3)).toEqual([]);
      expect(await db.query('SELECT name FROM t WHERE id = 7')).toEqual([{ name: '名7' }]);
    } finally {
      await db.close();
    }
  });
});
