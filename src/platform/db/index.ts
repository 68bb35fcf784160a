import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

/**
 * One SQL code path for both databases: modules write plain parameterised SQL against `Queryable`,
 * and it runs unchanged on embedded PGlite (development, demo, tests) and on PostgreSQL (production).
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection inside a transaction. */
export interface Tx extends Queryable {
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Tx {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both drivers return the same JS values: int8 as number (counts fit), date as 'YYYY-MM-DD'.
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
const PGLITE_PARSERS = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined with no databaseUrl means in memory. */
  dataDir?: string | undefined;
  /** A PGlite data directory image (from dumpDataDir) to start from, for fast test databases. */
  loadDataDir?: Blob | File | undefined;
  /** Who holds the PGlite directory, shown to a second process that tries to open it. */
  holder?: string;
  poolSize?: number;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(connectionString: string, max: number): Promise<Db> {
  // JIT off: onestop runs short OLTP queries, and PostgreSQL's JIT spent 6–50 ms compiling queries
  // that run in under 1 ms whenever the planner's estimate crossed jit_above_cost (search at 1M items).
  const pool = new pg.Pool({ connectionString, max, options: '-c jit=off' });
  // A dropped idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  // Parameterised statements are prepared once per connection (named by their text's hash), so a
  // repeated query skips parse and analysis; statements without parameters run as simple queries.
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (params?.length
      ? await client.query({ ...nameOf(sql), text: sql, values: params as unknown[] })
      : await client.query(sql)
    ).rows as T[];
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Statements get a name (and so a per-connection prepared plan) up to this many distinct texts. */
const MAX_NAMED_STATEMENTS = 5000;
const statementNames = new Map<string, string>();

function nameOf(sql: string): { name?: string } {
  const name = statementName(sql);
  return name ? { name } : {};
}

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = 's' + crypto.createHash('sha1').update(sql).digest('hex').slice(0, 20);
    statementNames.set(sql, name);
  }
  return name;
}

async function openPglite(options: OpenDbOptions): Promise<Db> {
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir, options.holder ?? 'onestop');
  }
  try {
    const db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: PGLITE_PARSERS,
    });
    return {
      kind: 'pglite',
      query: async (sql, params) => (await db.query(sql, params as unknown[] | undefined)).rows as never[],
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
            exec: async (sql) => void (await tx.exec(sql)),
          }),
        ),
      async exec(sql) {
        await db.exec(sql);
      },
      async close() {
        await db.close();
        lock?.release();
      },
      // Exposed for test fixtures that snapshot a seeded database.
      ...({ pglite: db } as object),
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/** The PGlite instance behind a Db, for snapshotting test templates; undefined on PostgreSQL. */
export function pgliteOf(db: Db): PGlite | undefined {
  return (db as unknown as { pglite?: PGlite }).pglite;
}
