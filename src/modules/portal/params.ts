import { AppError, type FieldError } from '../../platform/errors.js';
import type { FacetName, ItemFilters } from './reads.js';

/**
 * Query-string parsing for the portal's listings. Bad input becomes a 400 page with field errors,
 * never a 5xx; values are checked against their shape before they reach a query.
 */
export const MAX_QUERY_LENGTH = 100;
export const MAX_PAGE = 500;

const SHAPES: Record<FacetName, RegExp> = {
  jurisdiction: /^[0-9]{6}([0-9]{3})?$/,
  agency: /^[1-9][0-9]{0,15}$/,
  type: /^[0-9]{2}$/,
  audience: /^[0-9]$/,
  topic: /^[pbc]:[0-9]{2}$/,
  stars: /^[1-5]$/,
};

export interface ListingQuery {
  q: string;
  page: number;
  filters: Omit<ItemFilters, 'jurisdiction'> & { jurisdiction?: string | undefined };
}

function text(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseListingQuery(query: Record<string, unknown>): ListingQuery {
  const errors: FieldError[] = [];
  const q = (text(query, 'q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH) {
    throw new AppError('query_too_long', {
      message: `The search query is longer than ${MAX_QUERY_LENGTH} characters.`,
      errors: [{ field: 'q', code: 'too_long', message: `最多 ${MAX_QUERY_LENGTH} 个字 (at most ${MAX_QUERY_LENGTH} characters)` }],
    });
  }
  const pageText = text(query, 'page') ?? '1';
  const page = /^[0-9]{1,4}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) errors.push({ field: 'page', code: 'invalid', message: `页码应为 1–${MAX_PAGE} (page must be 1–${MAX_PAGE})` });
  const picked: Partial<Record<FacetName, string>> = {};
  for (const name of Object.keys(SHAPES) as FacetName[]) {
    const value = text(query, name);
    if (value === undefined) continue;
    if (SHAPES[name].test(value)) picked[name] = value;
    else errors.push({ field: name, code: 'invalid', message: `筛选条件无效 (invalid ${name} filter)` });
  }
  if (errors.length) throw new AppError('validation_failed', { message: 'One or more fields are invalid.', errors });
  return {
    q,
    page,
    filters: {
      jurisdiction: picked.jurisdiction,
      agency: picked.agency ? Number(picked.agency) : undefined,
      type: picked.type,
      audience: picked.audience,
      topic: picked.topic,
      stars: picked.stars ? Number(picked.stars) : undefined,
    },
  };
}
