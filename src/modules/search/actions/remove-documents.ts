import type { Queryable } from '../../../platform/db/index.js';
import { deleteDocuments } from '../search.repository.js';

/** Take items out of the search index (withdrawn or cancelled), in the caller's transaction. */
export async function removeDocuments(tx: Queryable, itemIds: number[]): Promise<void> {
  if (itemIds.length > 0) await deleteDocuments(tx, itemIds);
}
