import type { Queryable } from '../../platform/db/index.js';
import type { Synonym } from './query-plan.js';
import { listSynonyms } from './search.repository.js';

/**
 * The synonym table is small (~100 rows) and read by every query, so each process keeps it in
 * memory per database and reloads it after SYNONYM_TTL_MS; an edit shows within a minute.
 */
const SYNONYM_TTL_MS = 60_000;
const cache = new WeakMap<object, { loadedAt: number; synonyms: Promise<Synonym[]> }>();

export function cachedSynonyms(db: Queryable): Promise<Synonym[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < SYNONYM_TTL_MS) return hit.synonyms;
  const synonyms = listSynonyms(db);
  cache.set(db, { loadedAt: Date.now(), synonyms });
  synonyms.catch(() => cache.delete(db));
  return synonyms;
}
