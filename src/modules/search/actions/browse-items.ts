import type { Queryable } from '../../../platform/db/index.js';
import type { BrowseResult, ItemFilters, Paging } from '../model.js';
import { browseDocuments, countDocuments } from '../search.repository.js';
import { resolveScope, toDocumentFilters, toSummary } from './search-items.js';

/** Counting stops here: "10000+" is all a list needs, and an exact count of 1M rows costs ~100 ms. */
export const BROWSE_COUNT_LIMIT = 10_000;

/** The item list (事项列表) without a query: filters, most popular first, paged. */
export async function browseItems(db: Queryable, params: ItemFilters & Paging): Promise<BrowseResult> {
  await resolveScope(db, params.jurisdiction);
  const filters = toDocumentFilters(params);
  const [rows, counted] = await Promise.all([
    browseDocuments(db, { filters, offset: (params.page - 1) * params.pageSize, limit: params.pageSize }),
    countDocuments(db, { filters, cap: BROWSE_COUNT_LIMIT + 1 }),
  ]);
  return {
    total: Math.min(counted, BROWSE_COUNT_LIMIT),
    totalExact: counted <= BROWSE_COUNT_LIMIT,
    page: params.page,
    pageSize: params.pageSize,
    items: rows.map(toSummary),
  };
}
