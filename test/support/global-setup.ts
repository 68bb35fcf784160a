import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropOrphanedPostgresDatabases, dropPostgresDatabase, newRunId, templateName, type TestRun } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    onestopTestRun: TestRun;
  }
}

/**
 * Once per `vitest run`: make the run's scratch folder and id, and on PostgreSQL drop databases
 * left by crashed runs. Templates are built lazily by the first test file that needs them
 * (see templates.ts), so a run of unit tests alone starts no database at all.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const run: TestRun = {
    id: newRunId(),
    dir: fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-test-')),
    databaseUrl,
  };
  if (databaseUrl) await dropOrphanedPostgresDatabases(databaseUrl);
  project.provide('onestopTestRun', run);

  return async () => {
    fs.rmSync(run.dir, { recursive: true, force: true });
    if (databaseUrl) {
      for (const seed of ['empty', 'demo'] as const) await dropPostgresDatabase(databaseUrl, templateName(run, seed));
      await dropOrphanedPostgresDatabases(databaseUrl, run.id);
    }
  };
}
