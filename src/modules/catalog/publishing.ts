/**
 * The publishing step shared by publishing one item, loading a catalogue and importing items:
 * mark the versions published with their stars, supersede the previous ones, index the search
 * documents and tell every server that cached catalogue pages are stale. And the same hand-over
 * for jurisdictions: search keeps its own copy (scopes, facet names).
 */
import { inBatches } from '../../platform/db/batches.js';
import type { Queryable } from '../../platform/db/index.js';
import { bumpGeneration } from '../../platform/generation.js';
import { indexDocuments, indexJurisdictions } from '../search/index.js';
import { publishVersions, searchSources, upsertJurisdictions, type JurisdictionRow } from './catalog.repository.js';
import { toSearchDocument } from './records.js';

/** Items per search-index call: bounds the size of one indexing statement. */
const INDEX_BATCH = 1000;

export async function publishAndIndex(tx: Queryable, versions: readonly { versionId: number; itemId: number; stars: number }[]): Promise<void> {
  if (versions.length === 0) return;
  await publishVersions(tx, versions);
  for (const batch of inBatches(versions, INDEX_BATCH)) {
    const rows = await searchSources(tx, batch.map((v) => v.itemId));
    await indexDocuments(tx, rows.map(toSearchDocument));
  }
  await bumpGeneration(tx, 'catalog');
}

/** Write jurisdictions (parents first) and hand them to the search index, in the caller's transaction. */
export async function saveJurisdictions(tx: Queryable, rows: readonly JurisdictionRow[], batchSize?: number): Promise<void> {
  await upsertJurisdictions(tx, rows, batchSize);
  await indexJurisdictions(tx, rows);
}
