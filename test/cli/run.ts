import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/platform/db/index.js';
import { databaseUrlFor, dropPostgresDatabase, TEST_DB_PREFIX, withAdmin } from '../support/templates.js';

/** The real `onestop` command of this checkout, run as people run it: `node bin/onestop.js …`. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin/onestop.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a spawned command: this process's, minus the database settings of the test run
 * (the command gets its own), plus `env`.
 */
export function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ONESTOP_DATA_DIR: _dir, PORT: _port, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env };
}

export function spawnOnestop(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Run `onestop <args>` to the end. */
export function runOnestop(args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnOnestop(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line of stdout parsed as JSON: the result line the data commands print. */
export function resultOf<T>(run: RunResult): T {
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/**
 * A database of its own that no migration has touched, for commands that start from nothing: a new
 * PGlite data directory, or with DATABASE_URL a new empty PostgreSQL database (dropped by `drop`).
 * `env` points a spawned command at it; `open()` opens it in this process (on PGlite only while no
 * spawned command holds the directory).
 */
export interface BlankDatabase {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  /** The PGlite data directory (also the file store), or a scratch folder on PostgreSQL. */
  dir: string;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

export async function blankDatabase(): Promise<BlankDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-cli-'));
  const baseUrl = inject('onestopTestRun').databaseUrl;
  if (!baseUrl) {
    return {
      kind: 'pglite',
      env: { ONESTOP_DATA_DIR: dir },
      dir,
      open: () => openDb({ dataDir: dir, holder: `vitest ${process.pid}` }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${TEST_DB_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const databaseUrl = databaseUrlFor(baseUrl, name);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: databaseUrl, ONESTOP_DATA_DIR: dir },
    dir,
    open: () => openDb({ databaseUrl, poolSize: 2 }),
    async drop() {
      await dropPostgresDatabase(baseUrl, name);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open the database, run `fn`, close it again (so that a spawned command may open a PGlite directory next). */
export async function withOpenDb<T>(blank: BlankDatabase, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await blank.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
