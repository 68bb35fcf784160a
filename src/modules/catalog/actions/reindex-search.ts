/**
 * Rebuild the search index from the published versions: after a change to segmentation, the
 * synonyms' effect on stored tokens, or an index that was lost or damaged. Each batch is its own
 * transaction, so a reindex of a large catalogue never holds one huge transaction and searches keep
 * working while it runs (a document is replaced, never missing, when it was already indexed).
 */
import { inBatches } from '../../../platform/db/batches.js';
import type { Db } from '../../../platform/db/index.js';
import { writeAudit } from '../../../platform/audit.js';
import { bumpGeneration } from '../../../platform/generation.js';
import { indexDocuments, indexJurisdictions, removeDocuments } from '../../search/index.js';
import { allJurisdictions, publishedItemIds, searchSources, unpublishedItemIds } from '../catalog.repository.js';
import { toSearchDocument } from '../records.js';

/** Items per transaction. */
const BATCH = 1000;

export interface ReindexResult {
  /** Published items indexed. */
  items: number;
  /** Items without a published version, taken out of the index (if they were in it). */
  removed: number;
  ms: number;
}

export async function reindexSearch(
  db: Db,
  options: { onProgress?: (done: number, total: number) => void; actor?: string } = {},
): Promise<ReindexResult> {
  const started = performance.now();
  await db.transaction(async (tx) => indexJurisdictions(tx, await allJurisdictions(tx)));
  const ids = await publishedItemIds(db);
  options.onProgress?.(0, ids.length);
  let done = 0;
  for (const batch of inBatches(ids, BATCH)) {
    await db.transaction(async (tx) => indexDocuments(tx, (await searchSources(tx, batch)).map(toSearchDocument)));
    done += batch.length;
    options.onProgress?.(done, ids.length);
  }
  const unpublished = await unpublishedItemIds(db);
  await db.transaction(async (tx) => {
    await removeDocuments(tx, unpublished);
    await writeAudit(tx, {
      actor: options.actor ?? 'cli',
      action: 'catalog.search.reindexed',
      subject: 'search',
      detail: { items: ids.length, removed: unpublished.length },
    });
    await bumpGeneration(tx, 'catalog');
  });
  return { items: ids.length, removed: unpublished.length, ms: Math.round(performance.now() - started) };
}
