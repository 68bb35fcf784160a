import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseListingQuery } from './params.js';

function failure(query: Record<string, unknown>): AppError {
  try {
    parseListingQuery(query);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the query to be refused');
}

describe('parseListingQuery', () => {
  it('reads the query, the page and every filter', () => {
    expect(parseListingQuery({ q: ' 医保 ', page: '3', jurisdiction: '330106', agency: '42', type: '01', audience: '1', topic: 'c:09', stars: '4' })).toEqual({
      q: '医保',
      page: 3,
      filters: { jurisdiction: '330106', agency: 42, type: '01', audience: '1', topic: 'c:09', stars: 4 },
    });
  });

  it('defaults to the first page without filters', () => {
    expect(parseListingQuery({})).toEqual({
      q: '',
      page: 1,
      filters: { jurisdiction: undefined, agency: undefined, type: undefined, audience: undefined, topic: undefined, stars: undefined },
    });
  });

  it('refuses malformed values with one field error each', () => {
    const e = failure({ page: '0', type: "01' OR '1'='1", topic: 'x:01', stars: '9' });
    expect(e.code).toBe('validation_failed');
    expect(e.errors?.map((f) => f.field)).toEqual(['page', 'type', 'topic', 'stars']);
  });

  it('refuses a query over 100 characters', () => {
    expect(failure({ q: '长'.repeat(101) }).code).toBe('query_too_long');
    expect(parseListingQuery({ q: '长'.repeat(100) }).q).toHaveLength(100);
  });
});
