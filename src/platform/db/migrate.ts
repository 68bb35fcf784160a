import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/** A migration problem that needs a person: a changed applied file. */
export class MigrationError extends Error {}

const LOCK_KEY = 7_110_330_000; // advisory lock id: one migrator at a time across servers

/**
 * Apply the pending plain-SQL migrations in name order, all in one transaction under an advisory
 * lock, so that servers starting together on PostgreSQL never race. An applied file that changed
 * is refused: published migrations are immutable.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS platform_migration (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM platform_migration')).map((r) => [r.name, r.checksum]),
    );
    const done: string[] = [];
    for (const file of files) {
      const previous = applied.get(file.name);
      if (previous) {
        if (previous !== file.checksum) {
          throw new MigrationError(
            `migration ${file.name} was changed after this database applied it. Applied migrations are immutable: ` +
              'put the change in a new migration file (or, for a throwaway development database, delete it and start again).',
          );
        }
        continue;
      }
      await tx.exec(file.sql);
      await tx.query('INSERT INTO platform_migration (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
      done.push(file.name);
    }
    return done;
  });
}

/** Names of migrations in the folder that the database has not applied (readiness check). */
export async function pendingMigrations(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const exists = await db.query<{ ok: boolean }>(`SELECT to_regclass('platform_migration') IS NOT NULL AS ok`);
  const applied = exists[0]?.ok ? new Set((await db.query<{ name: string }>('SELECT name FROM platform_migration')).map((r) => r.name)) : new Set<string>();
  return readMigrations(dir)
    .map((f) => f.name)
    .filter((n) => !applied.has(n));
}
