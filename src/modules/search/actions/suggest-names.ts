import type { Queryable } from '../../../platform/db/index.js';
import { checkQuery, normalizeText } from '../segment.js';
import { suggestNames } from '../search.repository.js';
import { cachedSynonyms } from '../synonyms.js';

export const MAX_SUGGESTIONS = 10;

/**
 * Type-ahead (联想词): distinct item names that start with, then contain, what was typed, most
 * popular first. A typed synonym term (医保) also suggests names with its expansion (医疗保险).
 */
export async function suggest(db: Queryable, raw: string): Promise<string[]> {
  const q = checkQuery(raw);
  if (q === '') return [];
  const expansions = (await cachedSynonyms(db)).filter((s) => normalizeText(s.term) === q).map((s) => s.expansion);
  const names: string[] = [];
  for (const text of [q, ...expansions]) {
    if (names.length >= MAX_SUGGESTIONS) break;
    for (const name of await suggestNames(db, text, MAX_SUGGESTIONS)) if (!names.includes(name)) names.push(name);
  }
  return names.slice(0, MAX_SUGGESTIONS);
}
