/**
 * Code lists (代码表) with a per-process cache: they change only by migration, so a process reads
 * each list once per database.
 */
import type { Queryable } from '../../platform/db/index.js';
import { codeListEntries } from './catalog.repository.js';
import type { CodeEntry } from './model.js';

const cache = new WeakMap<Queryable, Map<string, Promise<CodeEntry[]>>>();

/** The entries of the current version of a code list, in order; empty for an unknown list. */
export function codeList(db: Queryable, name: string): Promise<CodeEntry[]> {
  let lists = cache.get(db);
  if (!lists) {
    lists = new Map();
    cache.set(db, lists);
  }
  let entries = lists.get(name);
  if (!entries) {
    entries = codeListEntries(db, name);
    lists.set(name, entries);
    // A failed read (database briefly down) must not stick.
    entries.catch(() => lists.delete(name));
  }
  return entries;
}
