import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { indexDocuments, indexJurisdictions, removeDocuments, type SearchDocumentInput } from './index.js';

interface Hit {
  code: string;
  name: string;
  agency: { id: number; name: string };
  jurisdiction: { code: string; name: string };
  type: string;
  stars: number;
}
interface FacetValue {
  value: string;
  name?: string;
  count: number;
}
interface SearchBody {
  total: number;
  totalExact: boolean;
  mode: string;
  hits: Hit[];
  facets: Record<'jurisdiction' | 'agency' | 'type' | 'audience' | 'topic' | 'stars', FacetValue[]>;
}

const JURISDICTIONS = [
  ['330000', '浙江省', null],
  ['330100', '杭州市', '330000'],
  ['330106', '西湖区', '330100'],
  ['330108', '滨江区', '330100'],
  ['330200', '宁波市', '330000'],
  ['330203', '海曙区', '330200'],
] as const;

function ancestorsOf(code: string): string[] {
  const chain: string[] = [];
  for (let c: string | null = code; c; c = JURISDICTIONS.find((j) => j[0] === c)![2]) chain.unshift(c);
  return chain;
}

let nextId = 1;
function doc(name: string, jurisdiction: string, agency: string, extra: Partial<SearchDocumentInput> = {}): SearchDocumentInput {
  const id = nextId++;
  const j = JURISDICTIONS.find((x) => x[0] === jurisdiction)!;
  return {
    itemId: id,
    implementationCode: `TEST${String(id).padStart(27, '0')}`,
    name,
    basicCode: `B${String(id).padStart(11, '0')}`,
    agency: { id: Number(jurisdiction.slice(2)) * 100 + agency.length, name: `${j[1]}${agency}` },
    jurisdiction: { code: j[0], name: j[1], ancestors: ancestorsOf(j[0]) },
    typeCode: '20',
    audiences: ['1'],
    topics: ['c:03'],
    stars: 3,
    popularity: 100,
    ...extra,
  };
}

const DOCS: SearchDocumentInput[] = [
  doc('城乡居民基本医疗保险参保登记', '330106', '医疗保障局', { popularity: 500, topics: ['c:03', 'p:07'] }),
  doc('职工基本医疗保险参保登记', '330108', '医疗保障局', { popularity: 300 }),
  doc('住房公积金提取', '330100', '住房公积金管理中心', { popularity: 900, topics: ['c:09'] }),
  doc('住房公积金贷款', '330100', '住房公积金管理中心', { popularity: 400, topics: ['c:09'] }),
  doc('机动车驾驶证换证', '330106', '公安分局', { typeCode: '07', popularity: 800, stars: 5 }),
  doc('机动车驾驶证补证', '330203', '公安分局', { typeCode: '07', popularity: 200, stars: 4 }),
  // The exact title is less popular than a longer title with the same words: it must still come first.
  doc('企业设立登记', '330108', '市场监督管理局', { typeCode: '01', audiences: ['2'], popularity: 10, topics: ['b:01'] }),
  doc('外商投资企业设立登记', '330100', '市场监督管理局', { typeCode: '01', audiences: ['2'], popularity: 700, topics: ['b:01'] }),
  doc('个体工商户设立登记', '330106', '市场监督管理局', { typeCode: '01', audiences: ['1', '2'], popularity: 600, topics: ['b:01'] }),
  doc('最低生活保障', '330203', '民政局', { typeCode: '05', popularity: 50 }),
  // Extra text (lower weight): found by a query, ranked below title matches.
  doc('生育保险待遇核准', '330106', '医疗保障局', { popularity: 1000, extraText: '住房公积金 材料' }),
  ...Array.from({ length: 24 }, (_, i) =>
    doc(`残疾人两项补贴申请${i + 1}`, i % 2 ? '330106' : '330203', '残疾人联合会', { typeCode: '05', popularity: i, stars: i % 6 }),
  ),
];

async function search(t: TestApp, query: string): Promise<SearchBody> {
  const res = await t.inject({ url: `/api/v1/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchBody;
}
const q = (text: string, more = '') => `q=${encodeURIComponent(text)}${more}`;
const sum = (values: FacetValue[]) => values.reduce((n, v) => n + v.count, 0);

describe('search over indexed documents (empty seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'empty' });
    // The catalogue hands search its jurisdictions; search reads no catalogue table.
    await t.db.transaction((tx) => indexJurisdictions(tx, JURISDICTIONS.map(([code, name]) => ({ code, name, ancestors: ancestorsOf(code) }))));
    await t.db.transaction((tx) => indexDocuments(tx, DOCS));
  });
  afterAll(() => t?.close());

  it('expands the issue synonyms: 医保, 公积金, 驾照, 开公司, 低保', async () => {
    expect((await search(t, q('医保'))).hits.map((h) => h.name)).toContain('城乡居民基本医疗保险参保登记');
    expect((await search(t, q('公积金'))).hits[0]!.name).toBe('住房公积金提取');
    expect((await search(t, q('驾照'))).hits.map((h) => h.name)).toEqual(['机动车驾驶证换证', '机动车驾驶证补证']);
    expect((await search(t, q('我要开公司怎么办'))).hits.map((h) => h.name)).toContain('企业设立登记');
    expect((await search(t, q('低保'))).hits.map((h) => h.name)).toEqual(['最低生活保障']);
  });

  it('ranks the exact title first, then title matches, then matches in extra text by popularity', async () => {
    const body = await search(t, q('企业设立登记'));
    expect(body.hits[0]!.name).toBe('企业设立登记');
    expect(body.hits.map((h) => h.name)).toContain('外商投资企业设立登记');
    const fund = await search(t, q('住房公积金'));
    // 生育保险待遇核准 is the most popular but mentions 住房公积金 only in its extra text.
    expect(fund.hits.map((h) => h.name)).toEqual(['住房公积金提取', '住房公积金贷款', '生育保险待遇核准']);
  });

  it('falls back to items matching some of the words when none matches all', async () => {
    const body = await search(t, q('公积金 护照'));
    expect(body.mode).toBe('any');
    expect(body.hits.map((h) => h.name)).toContain('住房公积金提取');
  });

  it('scopes by jurisdiction including descendants, with child jurisdictions as facets', async () => {
    const body = await search(t, q('登记', '&jurisdiction=330100'));
    const codes = new Set(body.hits.map((h) => h.jurisdiction.code));
    expect(codes.has('330106')).toBe(true);
    expect(codes.has('330100')).toBe(true);
    expect(codes.has('330203')).toBe(false);
    expect(body.facets.jurisdiction.map((f) => f.value).sort()).toEqual(['330106', '330108']);
    expect(body.facets.jurisdiction.find((f) => f.value === '330106')!.name).toBe('西湖区');
  });

  it('counts facets that add up to the total, and filters by each facet', async () => {
    const body = await search(t, q('补贴', '&pageSize=5'));
    expect(body.total).toBe(24);
    expect(body.totalExact).toBe(true);
    expect(sum(body.facets.type)).toBe(24);
    expect(sum(body.facets.stars)).toBe(24);
    expect(sum(body.facets.agency)).toBe(24);
    expect(sum(body.facets.jurisdiction)).toBe(24); // no scope: the cities under 浙江省
    const westLake = await search(t, q('补贴', '&jurisdiction=330106'));
    expect(westLake.total).toBe(12);
    const fiveStars = await search(t, q('补贴', '&stars=5'));
    expect(fiveStars.total).toBe(body.facets.stars.find((f) => f.value === '5')!.count);
    const business = await search(t, q('登记', '&audience=2&type=01'));
    expect(business.hits.map((h) => h.name).sort()).toEqual(['个体工商户设立登记', '企业设立登记', '外商投资企业设立登记']);
    const topic = await search(t, q('登记', '&topic=p:07'));
    expect(topic.hits.map((h) => h.name)).toEqual(['城乡居民基本医疗保险参保登记']);
  });

  it('counts facets exactly when most texts match (every text minus the others) and when few do', async () => {
    // 补贴 matches 24 of the 35 texts (counted as text 0 minus the rest), 登记 only 5 (counted directly).
    const cases = [['补贴', ''], ['补贴', '330100'], ['补贴', '330000'], ['补贴', '330106'], ['登记', ''], ['登记', '330100'], ['登记', '330106']] as const;
    for (const [word, scope] of cases) {
      const body = await search(t, q(word, `&pageSize=50${scope ? `&jurisdiction=${scope}` : ''}`));
      expect(body.hits.length, `${word} ${scope}`).toBe(body.total);
      const expected = (key: (h: Hit) => string | undefined) => {
        const counts = new Map<string, number>();
        for (const h of body.hits) {
          const k = key(h);
          if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
      };
      const actual = (values: FacetValue[]) => values.map((v) => ({ value: v.value, count: v.count })).sort((a, b) => a.value.localeCompare(b.value));
      expect(actual(body.facets.type), `${word} ${scope} type`).toEqual(expected((h) => h.type));
      expect(actual(body.facets.stars), `${word} ${scope} stars`).toEqual(expected((h) => String(h.stars)));
      expect(actual(body.facets.agency), `${word} ${scope} agency`).toEqual(expected((h) => String(h.agency.id)));
      const level = scope === '' ? 1 : ancestorsOf(scope).length;
      expect(actual(body.facets.jurisdiction), `${word} ${scope} jurisdiction`).toEqual(expected((h) => ancestorsOf(h.jurisdiction.code)[level]));
    }
  });

  it('combines words of the agency name with words of the title (西湖区 驾照)', async () => {
    const body = await search(t, q('西湖区 驾照'));
    expect(body.mode).toBe('all');
    expect(body.hits.map((h) => h.name)).toEqual(['机动车驾驶证换证']);
    expect(body.total).toBe(1);
    expect(body.facets.agency.map((a) => a.name)).toEqual(['西湖区公安分局']);
  });

  it('keeps totals and facets exact when documents are replaced and removed', async () => {
    const extra = doc('残疾人两项补贴申请补充', '330108', '残疾人联合会', { typeCode: '05', popularity: 5, stars: 2 });
    await t.db.transaction((tx) => indexDocuments(tx, [extra]));
    expect((await search(t, q('补贴'))).total).toBe(25);
    await t.db.transaction((tx) => indexDocuments(tx, [{ ...extra, stars: 5 }]));
    const replaced = await search(t, q('补贴'));
    expect(replaced.total).toBe(25);
    expect(replaced.facets.stars.find((f) => f.value === '2')?.count ?? 0).toBe(DOCS.filter((d) => d.name.includes('补贴') && d.stars === 2).length);
    await t.db.transaction((tx) => removeDocuments(tx, [extra.itemId]));
    const after = await search(t, q('补贴'));
    expect(after.total).toBe(24);
    expect(sum(after.facets.stars)).toBe(24);
  });

  it('pages through the results without overlap', async () => {
    const pages = await Promise.all([1, 2, 3, 4, 5].map((p) => search(t, q('补贴', `&pageSize=5&page=${p}`))));
    const codes = pages.flatMap((p) => p.hits.map((h) => h.code));
    expect(pages.map((p) => p.hits.length)).toEqual([5, 5, 5, 5, 4]);
    expect(new Set(codes).size).toBe(24);
    // Popularity order within equal title matches.
    expect(pages[0]!.hits[0]!.name).toBe('残疾人两项补贴申请24');
  });

  it('suggests names by prefix, most popular first, and for synonym terms', async () => {
    const res = await t.inject({ url: `/api/v1/search/suggest?q=${encodeURIComponent('住房')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ suggestions: ['住房公积金提取', '住房公积金贷款'] });
    const synonym = await t.inject({ url: `/api/v1/search/suggest?q=${encodeURIComponent('医保')}` });
    expect((synonym.json() as { suggestions: string[] }).suggestions).toContain('城乡居民基本医疗保险参保登记');
    const many = await t.inject({ url: `/api/v1/search/suggest?q=${encodeURIComponent('残疾')}` });
    expect((many.json() as { suggestions: string[] }).suggestions).toHaveLength(10);
  });

  it('lists items without a query, with filters covering descendants', async () => {
    const res = await t.inject({ url: '/api/v1/items?jurisdiction=330100&pageSize=50' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Hit[] };
    const expected = DOCS.filter((d) => d.jurisdiction.ancestors.includes('330100'));
    expect(body.total).toBe(expected.length);
    expect(body.items.map((i) => i.code).sort()).toEqual(expected.map((d) => d.implementationCode).sort());
    const typed = (await t.inject({ url: '/api/v1/items?type=07&stars=5' })).json() as { total: number; items: Hit[] };
    expect(typed.items.map((i) => i.name)).toEqual(['机动车驾驶证换证']);
  });

  it('rejects bad parameters with problem+json, an over-long query with query_too_long, an unknown jurisdiction with 404', async () => {
    for (const url of ['/api/v1/search?q=a&pageSize=51', '/api/v1/search?type=abc', '/api/v1/items?jurisdiction=33', '/api/v1/items?page=0']) {
      const res = await t.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json() as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
    const long = await t.inject({ url: `/api/v1/search?${q('医'.repeat(101))}` });
    expect(long.statusCode).toBe(400);
    expect((long.json() as { code: string }).code).toBe('query_too_long');
    expect((await t.inject({ url: `/api/v1/search?${q('医'.repeat(100))}` })).statusCode).toBe(200);
    for (const url of ['/api/v1/search?q=x&jurisdiction=339999', '/api/v1/items?jurisdiction=339999']) {
      const res = await t.inject({ url });
      expect(res.statusCode).toBe(404);
      expect((res.json() as { code: string }).code).toBe('not_found');
    }
  });

  it('keeps injection strings inert', async () => {
    const attacks = ["'; DROP TABLE search.document; --", '%', '\\', '&|!:*()', "'", '"', '医保 & !社保', "公积金:*' | '", '_%_', '\u0000'];
    for (const text of attacks) {
      for (const url of [`/api/v1/search?${q(text)}`, `/api/v1/search/suggest?${q(text)}`]) {
        const res = await t.inject({ url });
        expect([200, 400], `${url} → ${res.body}`).toContain(res.statusCode);
      }
    }
    expect((await search(t, q('%'))).total).toBe(0);
    expect((await search(t, q('公积金'))).total).toBeGreaterThan(0);
  });
});

describe('search over the demo catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t?.close());

  it('finds the well-known items by their colloquial names, scoped to a city with its districts', async () => {
    const names = async (query: string) => (await search(t, query)).hits.map((h) => h.name);
    expect(await names(q('医保', '&pageSize=50'))).toContain('城乡居民基本医疗保险参保登记');
    expect(await names(q('公积金', '&pageSize=50'))).toContain('住房公积金提取');
    expect(await names(q('驾照', '&pageSize=50'))).toContain('机动车驾驶证换证');
    expect((await names(q('企业设立登记')))[0]).toBe('企业设立登记');
    const hangzhou = await search(t, q('驾照', '&jurisdiction=330100&pageSize=50'));
    expect(hangzhou.hits.length).toBeGreaterThan(0);
    expect(hangzhou.hits.every((h) => h.jurisdiction.code.startsWith('3301'))).toBe(true);
    expect(hangzhou.facets.jurisdiction.map((f) => f.value)).toContain('330106');
    const total = (await search(t, q('登记'))).total;
    expect(total).toBeGreaterThan(50);
  });

  it('every synonym in the table finds at least one demo item, the required ones among them', async () => {
    const synonyms = await t.db.query<{ term: string; expansion: string }>('SELECT term, expansion FROM search.synonym');
    expect(synonyms.length).toBeGreaterThanOrEqual(57);
    for (const [term, expansion] of [
      ['医保', '医疗保险'], ['社保', '社会保险'], ['公积金', '住房公积金'], ['驾照', '机动车驾驶证'],
      ['身份证', '居民身份证'], ['户口', '户籍'], ['开公司', '企业设立登记'],
    ]) expect(synonyms).toContainEqual({ term, expansion });
    const missing: string[] = [];
    for (const { term } of synonyms) if ((await search(t, q(term))).total === 0) missing.push(term);
    expect(missing, `synonym terms with no results: ${missing.join(', ')}`).toEqual([]);
  });
});
