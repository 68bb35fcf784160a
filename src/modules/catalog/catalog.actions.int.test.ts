import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.js';
import { AppError } from '../../platform/errors.js';
import { browseItems } from '../search/index.js';
import { exportItems, getItemGuide, getJurisdiction, importDivisions, importItems, isCatalogueEmpty, loadCatalogue } from './index.js';
import { COUNTY, FOOD_LICENCE, XIHU_MARKET_USCC, largeCatalogue, sampleCatalogue } from './testing/fixtures.js';

const NBS_DIR = '/work/shared/data/divisions';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-catalog-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const count = async (t: TestDb, sql: string) => (await t.db.query<{ n: number }>(sql))[0]!.n;

describe('loadCatalogue', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t?.close());

  it('refuses data that breaks the publishing rules, listing the first failures, and writes nothing', async () => {
    const data = sampleCatalogue();
    data.implementationItems[0]!.elements = { ...data.implementationItems[0]!.elements, faq: [] };
    data.agencies[1]!.uscc = '91110000600037341M';
    const error = await loadCatalogue(t.db, data).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).errors?.map((e) => e.code)).toEqual(['uscc_check', 'licensing_faq_required', 'unknown_agency']);
    expect((error as AppError).errors?.[1]?.field).toBe(`implementationItems[0](${XIHU_MARKET_USCC}4${FOOD_LICENCE}).faq`);
    expect(await isCatalogueEmpty(t.db)).toBe(true);
  });

  it('loads 9,000 published items with their child rows and search documents', async () => {
    const data = largeCatalogue(100, 90);
    const result = await loadCatalogue(t.db, data, { actor: 'test' });
    expect(result.items).toBe(9000);
    expect(await count(t, 'SELECT count(*)::int AS n FROM catalog.item WHERE published_version_id IS NOT NULL')).toBe(9000);
    expect(await count(t, 'SELECT count(*)::int AS n FROM catalog.item_material')).toBe(18_000);
    expect(await count(t, 'SELECT count(*)::int AS n FROM catalog.item_link')).toBe(45_000);
    expect(await count(t, `SELECT count(*)::int AS n FROM catalog.item_version WHERE stars = 5 AND status = 'published'`)).toBe(9000);
    const sample = data.implementationItems[4567]!;
    expect(await getItemGuide(t.db, sample.implementationCode)).toMatchObject({ name: sample.name, stars: 5, popularity: sample.popularity });
  }, 60_000);
});

describe('importDivisions', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t?.close());

  it('maps NBS short codes onto GB/T 2260 and is idempotent', async () => {
    const dir = path.join(tmp, 'nbs');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\n33,"浙江省"\n');
    fs.writeFileSync(path.join(dir, 'cities.csv'), 'code,name,provinceCode\n3301,"杭州市",33\n');
    fs.writeFileSync(path.join(dir, 'areas.csv'), 'code,name,cityCode,provinceCode\n330106,"西湖区",3301,33\n');
    fs.writeFileSync(path.join(dir, 'streets.csv'), 'code,name,areaCode,provinceCode,cityCode\n330106001,"北山街道",330106,33,3301\n');
    // Search scopes by what the catalogue hands it: an unknown township is a 404 until it is imported.
    const browse = () => browseItems(t.db, { jurisdiction: '330106001', page: 1, pageSize: 10 });
    await expect(browse()).rejects.toMatchObject({ code: 'not_found' });
    const first = await importDivisions(t.db, dir, { progress: false });
    expect(await browse()).toMatchObject({ total: 0, items: [] });
    expect(first).toMatchObject({ provinces: 1, cities: 1, counties: 1, townships: 1 });
    const second = await importDivisions(t.db, dir, { progress: false });
    expect(second).toMatchObject({ provinces: 1, cities: 1, counties: 1, townships: 1 });
    expect(await count(t, 'SELECT count(*)::int AS n FROM catalog.jurisdiction')).toBe(4);
    expect(await getJurisdiction(t.db, '330106001')).toMatchObject({
      level: 'township',
      parent: { code: '330106', name: '西湖区' },
      ancestors: ['330000', '330100', '330106', '330106001'],
    });
    expect(await getJurisdiction(t.db, '330100')).toMatchObject({ level: 'city', parent: { code: '330000' }, children: [{ code: '330106' }] });
  });

  it('refuses a malformed row with the file and line', async () => {
    const dir = path.join(tmp, 'bad');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\n33,"浙江省"\n3x,"坏"\n');
    for (const f of ['cities.csv', 'areas.csv', 'streets.csv']) fs.writeFileSync(path.join(dir, f), 'code,name\n');
    await expect(importDivisions(t.db, dir)).rejects.toThrow('provinces.csv 第 3 行格式不正确');
  });

  it.skipIf(!fs.existsSync(NBS_DIR))(`imports the whole country from ${NBS_DIR} (skipped when that folder is absent)`, async () => {
    const started = performance.now();
    const result = await importDivisions(t.db, NBS_DIR, { progress: false });
    console.log(`importDivisions: ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms on ${t.db.kind}`);
    expect(result.provinces).toBe(31);
    expect(result.townships).toBeGreaterThan(40_000);
    expect(await getJurisdiction(t.db, '110101')).toMatchObject({ name: '东城区', parent: { code: '110100' }, level: 'county' });
    expect((await getJurisdiction(t.db, '110101001'))?.ancestors).toEqual(['110000', '110100', '110101', '110101001']);
  }, 120_000);
});

describe('exportItems and importItems', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
    await loadCatalogue(t.db, sampleCatalogue());
  });
  afterAll(() => t?.close());

  const readFile = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

  it('round-trips: importing an export publishes a new version of every item with the same content', async () => {
    const first = path.join(tmp, 'items-1.json');
    expect(await exportItems(t.db, first)).toEqual({ file: first, basicItems: 2, items: 3 });
    const result = await importItems(t.db, first);
    expect(result).toEqual({ items: 3, published: 3, drafts: 0, skipped: 0, errors: [] });

    const second = path.join(tmp, 'items-2.json');
    await exportItems(t.db, second);
    const before = readFile(first);
    const after = readFile(second);
    expect(after.items.map((i: { version: number }) => i.version)).toEqual([2, 2, 2]);
    const withoutVersion = (doc: { items: { version: number }[] }) => doc.items.map(({ version: _v, ...rest }) => rest);
    expect(withoutVersion(after)).toEqual(withoutVersion(before));
    expect(after.basicItems).toEqual(before.basicItems);
  });

  it('exports one jurisdiction and those under it', async () => {
    const file = path.join(tmp, 'county.json');
    expect(await exportItems(t.db, file, { jurisdiction: COUNTY })).toMatchObject({ items: 2 });
    await expect(exportItems(t.db, file, { jurisdiction: '110000' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports per-item problems: rule failures stay drafts, unknown agencies are skipped', async () => {
    const file = path.join(tmp, 'items-3.json');
    await exportItems(t.db, file);
    const doc = readFile(file);
    doc.items[0].elements.faq = [];
    doc.items[1].agencyUscc = '91110000600037341L';
    fs.writeFileSync(file, JSON.stringify(doc));
    const result = await importItems(t.db, file);
    expect(result).toMatchObject({ items: 3, published: 1, drafts: 1, skipped: 1 });
    expect(result.errors.map((e) => [e.implementationCode, e.code])).toEqual([
      [doc.items[1].implementationCode, 'unknown_agency'],
      [doc.items[1].implementationCode, 'implementation_code_mismatch'],
      [doc.items[0].implementationCode, 'licensing_faq_required'],
    ]);
    expect((await getItemGuide(t.db, doc.items[0].implementationCode))?.version).toBe(2);
  });

  it('refuses a file that is not the format, naming the fields', async () => {
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'onestop.items', version: 1, basicItems: [], items: [{ implementationCode: 'x' }] }));
    const error = (await importItems(t.db, file).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('validation_failed');
    expect(error.errors?.[0]?.field).toBe('items.0.implementationCode');
    fs.writeFileSync(file, '{not json');
    await expect(importItems(t.db, file)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
