import type { Db, Queryable } from './db/index.js';

/**
 * Change counters shared by every server process through the database. A change that makes cached
 * public pages stale bumps its counter in its own transaction; each process polls the counters and
 * drops its caches when one moves. This works the same on PGlite and on several servers on PostgreSQL.
 */
export async function bumpGeneration(tx: Queryable, name: string): Promise<void> {
  await tx.query('UPDATE platform.generation SET value = value + 1 WHERE name = $1', [name]);
}

export function watchGenerations(db: Db, intervalMs: number, onChange: () => void): { stop(): void } {
  let last: string | undefined;
  let stopped = false;
  const check = async () => {
    try {
      const rows = await db.query<{ name: string; value: number }>('SELECT name, value FROM platform.generation ORDER BY name');
      const now = rows.map((r) => `${r.name}:${r.value}`).join(',');
      if (last !== undefined && now !== last) onChange();
      last = now;
    } catch {
      // the database is briefly unreachable: keep serving, try again next tick
    }
  };
  void check();
  const timer = setInterval(() => void (stopped || check()), intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
