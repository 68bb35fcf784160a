/**
 * Rebuild the search index from the published versions: after a change to segmentation, the
 * synonyms' effect on stored tokens, or an index that was lost or damaged. Each batch is its own
 * transaction, so a reindex of a large catalogue never holds one huge transaction and searches keep
 * working while it runs (a document is replaced, never missing, when it was already indexed).
 */
import type { Db } from '../../../platform/db/index.js';
import { writeAudit } from '../../../platform/audit.js';
import { bumpGeneration } from '../../../platform/generation.js';
import { indexDocuments, removeDocuments } from '../../search/index.js';
import { publishedItemIds, searchSources, unpublishedItemIds } from '../catalog.repository.js';
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
  const ids = await publishedItemIds(db);
  options.onProgress?.(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    await db.transaction(async (tx) => indexDocuments(tx, (await searchSources(tx, batch)).map(toSearchDocument)));
    options.onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
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
