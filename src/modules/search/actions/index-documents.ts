import { inBatches } from '../../../platform/db/batches.js';
import type { Queryable } from '../../../platform/db/index.js';
import type { SearchDocumentInput } from '../model.js';
import { indexTokens } from '../segment.js';
import { upsertDocuments, type DocumentRow } from '../search.repository.js';

/** Rows per INSERT: large enough for a fast bulk load, small enough for a modest JSON parameter. */
const BATCH_SIZE = 2000;

function toRow(doc: SearchDocumentInput): DocumentRow {
  const title = indexTokens(doc.name);
  const titleSet = new Set(title);
  // The item's extra text (result names, conditions …) only adds what the title does not already say.
  // It is stored once per distinct text (search.text), the agency's name once per agency.
  const extra = indexTokens(doc.extraText ?? '').filter((t) => !titleSet.has(t));
  return {
    item_id: doc.itemId,
    implementation_code: doc.implementationCode,
    name: doc.name,
    basic_code: doc.basicCode,
    agency_id: doc.agency.id,
    agency_name: doc.agency.name,
    jurisdiction_code: doc.jurisdiction.code,
    jurisdiction_name: doc.jurisdiction.name,
    jurisdictions: doc.jurisdiction.ancestors.includes(doc.jurisdiction.code)
      ? doc.jurisdiction.ancestors
      : [...doc.jurisdiction.ancestors, doc.jurisdiction.code],
    type_code: doc.typeCode,
    // Sets: each value counts once in the facets.
    audiences: [...new Set(doc.audiences)],
    topics: [...new Set(doc.topics)],
    stars: doc.stars,
    popularity: doc.popularity,
    title_tokens: title.join(' '),
    extra_tokens: extra.join(' '),
    agency_tokens: indexTokens(doc.agency.name).join(' '),
  };
}

/**
 * Add or replace documents in the search index, in the caller's transaction (the catalogue calls
 * this when it publishes, and once for the demo bulk load). Tokens are cut here, in JS.
 */
export async function indexDocuments(tx: Queryable, docs: SearchDocumentInput[]): Promise<void> {
  for (const batch of inBatches(docs, BATCH_SIZE)) await upsertDocuments(tx, batch.map(toRow));
}
