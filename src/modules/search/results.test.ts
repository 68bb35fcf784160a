import { describe, expect, it } from 'vitest';
import { buildFacets, computeFacets, pageTiers, rankRows, titleTier, type TieredRow } from './results.js';

let id = 0;
function row(over: Partial<TieredRow>): TieredRow {
  id += 1;
  return {
    item_id: id,
    implementation_code: `C${id}`,
    name: `事项${id}`,
    agency_id: 1,
    agency_name: '西湖区民政局',
    jurisdiction_code: '330106',
    jurisdiction_name: '西湖区',
    jurisdictions: ['330000', '330100', '330106'],
    type_code: '20',
    audiences: ['1'],
    topics: ['c:12'],
    stars: 3,
    popularity: 0,
    tier: titleTier(false, 1),
    ...over,
  };
}

describe('ranking', () => {
  it('orders exact title, then title hits, then popularity, and drops duplicates', () => {
    const exact = row({ tier: titleTier(true, 1), popularity: 1 });
    const twoHits = row({ tier: titleTier(false, 2), popularity: 5 });
    const popular = row({ tier: titleTier(false, 1), popularity: 100 });
    const quiet = row({ tier: titleTier(false, 1), popularity: 3 });
    const ranked = rankRows([quiet, popular, twoHits, exact, { ...exact }]);
    expect(ranked.map((r) => r.item_id)).toEqual([exact.item_id, twoHits.item_id, popular.item_id, quiet.item_id]);
  });

  it('ranks an exact title above any number of title hits', () => {
    expect(titleTier(true, 0)).toBeGreaterThan(titleTier(false, 20));
  });
});

describe('paging over tiers', () => {
  const counts = new Map([[1001, 3], [2, 10], [1, 40]]);
  it('reads only the tiers a page overlaps and skips the ones before it', () => {
    expect(pageTiers(counts, 0, 20)).toEqual({ skip: 0, tiers: new Set([1001, 2, 1]) });
    expect(pageTiers(counts, 0, 2)).toEqual({ skip: 0, tiers: new Set([1001]) });
    expect(pageTiers(counts, 20, 20)).toEqual({ skip: 13, tiers: new Set([1]) });
    expect(pageTiers(counts, 3, 10)).toEqual({ skip: 3, tiers: new Set([2]) });
    expect(pageTiers(counts, 60, 20)).toEqual({ skip: 53, tiers: new Set() });
  });
});

describe('facets', () => {
  const rows = [
    row({ stars: 5, type_code: '01', audiences: ['1', '2'] }),
    row({ jurisdictions: ['330000', '330100', '330108'], jurisdiction_code: '330108', jurisdiction_name: '滨江区', agency_id: 2, agency_name: '滨江区民政局' }),
    row({ jurisdictions: ['330000', '330100'], jurisdiction_code: '330100', jurisdiction_name: '杭州市', agency_id: 3, agency_name: '杭州市民政局' }),
  ];

  it('counts children of the scope, agencies, types, audiences, topics and stars', () => {
    const f = computeFacets(rows, '330100');
    expect(f.jurisdiction).toEqual([
      { value: '330106', name: '西湖区', count: 1 },
      { value: '330108', name: '滨江区', count: 1 },
    ]);
    expect(f.agency.map((a) => [a.value, a.count])).toEqual([['1', 1], ['2', 1], ['3', 1]]);
    expect(f.type).toEqual([{ value: '01', count: 1 }, { value: '20', count: 2 }]);
    expect(f.audience).toEqual([{ value: '1', count: 3 }, { value: '2', count: 1 }]);
    expect(f.topic).toEqual([{ value: 'c:12', count: 3 }]);
    expect(f.stars).toEqual([{ value: '5', count: 1 }, { value: '3', count: 2 }]);
  });

  it('adds up counts from several sources and orders each facet', () => {
    const f = buildFacets([
      { facet: 'type', value: '20', count: 2 },
      { facet: 'type', value: '01', count: 1 },
      { facet: 'type', value: '20', count: 3 },
      { facet: 'stars', value: '3', count: 1 },
      { facet: 'stars', value: '5', count: 0 },
      { facet: 'jurisdiction', value: '330100', count: 1 },
      { facet: 'jurisdiction', value: '330200', count: 4, name: '宁波市' },
    ]);
    expect(f.type).toEqual([{ value: '01', count: 1 }, { value: '20', count: 5 }]);
    expect(f.stars).toEqual([{ value: '3', count: 1 }]);
    expect(f.jurisdiction).toEqual([{ value: '330200', name: '宁波市', count: 4 }, { value: '330100', count: 1 }]);
    expect(computeFacets(rows, undefined).jurisdiction).toEqual([{ value: '330000', count: 3 }]);
  });
});
