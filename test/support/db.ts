import { inject } from 'vitest';
import { openDb, type Db } from '../../src/platform/db/index.js';
import { createPostgresTestDatabase, databaseUrlFor, dropPostgresDatabase, pgliteTemplate, type Seed } from './templates.js';

export interface TestDb {
  db: Db;
  /** The connection string on PostgreSQL; undefined on PGlite (in memory). */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh database of its own, migrated and, for 'demo', seeded: on PGlite an in-memory copy of the
 * run's template image, with DATABASE_URL a new PostgreSQL database copied from the run's template
 * database and dropped again by close(). createTestApp builds on this; use it directly for tests
 * below HTTP (the CLI, a repository).
 */
export async function openTestDb(seed: Seed): Promise<TestDb> {
  const run = inject('onestopTestRun');
  if (!run) throw new Error('openTestDb needs the globalSetup in vitest.config.ts (test/support/global-setup.ts).');
  if (!run.databaseUrl) {
    const db = await openDb({ loadDataDir: await pgliteTemplate(run, seed) });
    return { db, databaseUrl: undefined, close: () => db.close() };
  }
  const baseUrl = run.databaseUrl;
  const name = await createPostgresTestDatabase(run, seed);
  const databaseUrl = databaseUrlFor(baseUrl, name);
  const db = await openDb({ databaseUrl, poolSize: 4 });
  return {
    db,
    databaseUrl,
    async close() {
      await db.close();
      await dropPostgresDatabase(baseUrl, name);
    },
  };
}
