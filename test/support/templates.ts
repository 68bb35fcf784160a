import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { openDb, pgliteOf, type Db } from '../../src/platform/db/index.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createLogger, type Logger } from '../../src/platform/log.js';
import { isProcessAlive } from '../../src/platform/db/data-dir-lock.js';

/**
 * Template databases for integration tests. A template is built at most once per test run, by the
 * first test file that asks for it (a unit-test-only run builds nothing), and every test file then
 * starts from a copy: on PGlite a gzip image of the data directory, on PostgreSQL a template database.
 */
export type Seed = 'demo' | 'empty';

/** What globalSetup hands to the test workers (through vitest's provide/inject). */
export interface TestRun {
  /** Unique per run; part of every template name so that concurrent runs never share one. */
  id: string;
  /** Scratch folder of this run (PGlite template images and their build locks). */
  dir: string;
  databaseUrl: string | undefined;
}

const BUILD_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 200;

/** Migrate, then seed. The demo module is loaded only here, so 'empty' runs never depend on it. */
async function prepare(db: Db, seed: Seed, logger: Logger): Promise<void> {
  await migrate(db);
  if (seed === 'empty') return;
  const demo = (await import('../../src/modules/demo/index.js')) as Record<string, unknown>;
  const seedDemo = demo.seedDemo as ((db: Db, fields: FieldCrypto, logger: Logger) => Promise<{ items: number; ms: number }>) | undefined;
  if (typeof seedDemo !== 'function') {
    throw new Error(
      "createTestApp({ seed: 'demo' }): src/modules/demo/index.ts does not export seedDemo(db, fields, logger) yet. " +
        "Use seed: 'empty' until the demo module lands.",
    );
  }
  // Hashed under the key createTestApp's config has (the development key, unless a test overrides it).
  await seedDemo(db, new FieldCrypto(loadConfig({ NODE_ENV: 'test' }).dataKey), logger);
}

// ---------------------------------------------------------------------------------------------
// PGlite: template images in the run folder, built under an exclusive lock file.

/** The gzip image of a migrated (and seeded) PGlite data directory, built on first use. */
export async function pgliteTemplate(run: TestRun, seed: Seed): Promise<Blob> {
  const image = path.join(run.dir, `${seed}.tar.gz`);
  const failure = path.join(run.dir, `${seed}.error`);
  const lock = path.join(run.dir, `${seed}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    if (fs.existsSync(image)) return new Blob([fs.readFileSync(image)]);
    if (fs.existsSync(failure)) throw new Error(fs.readFileSync(failure, 'utf8'));
    if (tryCreateExclusive(lock)) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for another test worker to build the ${seed} template`);
    await sleep(POLL_MS);
  }
  try {
    const db = await openDb({});
    try {
      await prepare(db, seed, createLogger('silent'));
      const blob = await pgliteOf(db)!.dumpDataDir('gzip');
      // Write then rename, so a waiting worker never reads half an image.
      fs.writeFileSync(`${image}.partial`, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(`${image}.partial`, image);
      return blob;
    } finally {
      await db.close();
    }
  } catch (e) {
    fs.writeFileSync(failure, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

function tryCreateExclusive(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// PostgreSQL: template databases and per-file copies. Names carry the pid of the process that owns
// them, so that a later run can drop what a crashed run left behind without touching a live run.

export const TEMPLATE_PREFIX = 'onestop_tpl_';
export const TEST_DB_PREFIX = 'onestop_t_';

export function templateName(run: TestRun, seed: Seed): string {
  return `${TEMPLATE_PREFIX}${seed}_${run.id}`;
}

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Run `fn` on a short-lived maintenance connection to the database in DATABASE_URL. */
export async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Create a fresh database for one test file as a copy of the run's template for `seed`, building
 * the template first if no worker has yet. Returns the new database's name.
 */
export async function createPostgresTestDatabase(run: TestRun, seed: Seed): Promise<string> {
  const baseUrl = run.databaseUrl!;
  const template = templateName(run, seed);
  const name = `${TEST_DB_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(baseUrl, async (admin) => {
    // One builder per template across the run's workers; the others wait here and then copy.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const ready = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [template]);
      if (ready.rowCount === 0) await buildPostgresTemplate(admin, baseUrl, template, seed);
      // Copying needs the template to have no open connections; only this lock holder touches it.
      await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return name;
}

async function buildPostgresTemplate(admin: pg.Client, baseUrl: string, template: string, seed: Seed): Promise<void> {
  // A half-built template (a builder that failed) is not marked as template yet: start over.
  await admin.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quote(template)}`);
  const db = await openDb({ databaseUrl: databaseUrlFor(baseUrl, template), poolSize: 2 });
  try {
    await prepare(db, seed, createLogger('silent'));
  } finally {
    await db.close();
  }
  await admin.query(`ALTER DATABASE ${quote(template)} IS_TEMPLATE true`);
}

export async function dropPostgresDatabase(baseUrl: string, name: string): Promise<void> {
  await withAdmin(baseUrl, async (admin) => {
    await admin.query(`ALTER DATABASE ${quote(name)} IS_TEMPLATE false`).catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/**
 * Drop test and template databases whose owning process is gone (a crashed or killed run).
 * Only meaningful when the server runs on this machine, where the pids can be checked.
 */
export async function dropOrphanedPostgresDatabases(baseUrl: string, keepRunId?: string): Promise<string[]> {
  if (!isLocalServer(baseUrl)) return [];
  const names = await withAdmin(baseUrl, async (admin) => {
    const rows = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'onestop\\_t\\_%' OR datname LIKE 'onestop\\_tpl\\_%'`,
    );
    return rows.rows.map((r) => r.datname);
  });
  const orphans = names.filter((name) => {
    const pid = ownerPid(name);
    if (pid === undefined) return false;
    if (keepRunId && name.endsWith(`_${keepRunId}`)) return false;
    return !isProcessAlive(pid);
  });
  for (const name of orphans) await dropPostgresDatabase(baseUrl, name);
  return orphans;
}

/** onestop_t_<pid>_<rand> or onestop_tpl_<seed>_<pid>_<time>: the pid of the owning process. */
function ownerPid(name: string): number | undefined {
  const match = name.startsWith(TEMPLATE_PREFIX) ? /_(\d+)_[a-z0-9]+$/.exec(name) : /^onestop_t_(\d+)_/.exec(name);
  return match ? Number(match[1]) : undefined;
}

function isLocalServer(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '' || host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.startsWith('%2F');
}

/** A run id that embeds the main vitest process pid (see ownerPid). */
export function newRunId(): string {
  return `${process.pid}_${Date.now().toString(36)}`;
}
