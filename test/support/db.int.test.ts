import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrations } from '../../src/platform/db/migrate.js';
import { openTestDb, type TestDb } from './db.js';

describe('openTestDb (the test database harness)', () => {
  let first: TestDb;
  let second: TestDb;
  beforeAll(async () => {
    first = await openTestDb('empty');
    second = await openTestDb('empty');
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('hands out a migrated database on the driver the run asked for', async () => {
    expect(first.db.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(await pendingMigrations(first.db)).toEqual([]);
  });

  it('gives every caller its own copy: a write in one is not seen in another', async () => {
    await first.db.exec('CREATE TABLE harness_probe (n int)');
    const seen = await second.db.query<{ t: string | null }>(`SELECT to_regclass('harness_probe')::text AS t`);
    expect(seen[0]?.t).toBeNull();
  });
});
