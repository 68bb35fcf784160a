/**
 * The publishing step shared by publishing one item, loading a catalogue and importing items:
 * mark the versions published with their stars, supersede the previous ones, index the search
 * documents and tell every server that cached catalogue pages are stale.
 */
import type { Queryable } from '../../platform/db/index.js';
import { bumpGeneration } from '../../platform/generation.js';
import { indexDocuments } from '../search/index.js';
import { publishVersions, searchSources } from './catalog.repository.js';
import { toSearchDocument } from './records.js';

/** Items per search-index call: bounds the size of one indexing statement. */
const INDEX_BATCH = 1000;

export async function publishAndIndex(tx: Queryable, versions: readonly { versionId: number; itemId: number; stars: number }[]): Promise<void> {
  if (versions.length === 0) return;
  await publishVersions(tx, versions);
  for (let i = 0; i < versions.length; i += INDEX_BATCH) {
    const rows = await searchSources(tx, versions.slice(i, i + INDEX_BATCH).map((v) => v.itemId));
    await indexDocuments(tx, rows.map(toSearchDocument));
  }
  await bumpGeneration(tx, 'catalog');
}
