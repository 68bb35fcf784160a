import type { Queryable } from '../../../platform/db/index.js';
import type { JurisdictionInput } from '../model.js';
import { upsertJurisdictions } from '../search.repository.js';

/**
 * Add or update the jurisdictions that search scopes by and names facets with, in the caller's
 * transaction: the catalogue calls this whenever it writes jurisdictions.
 */
export async function indexJurisdictions(tx: Queryable, jurisdictions: readonly JurisdictionInput[]): Promise<void> {
  await upsertJurisdictions(tx, jurisdictions);
}
