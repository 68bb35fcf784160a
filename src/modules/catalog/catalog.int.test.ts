import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUscc } from '../../platform/checksums.js';
import { AppError } from '../../platform/errors.js';
import { createAgency, createItemDraft, loadCatalogue, publishItem, rejectItem, submitItemForReview, updateItemDraft } from './index.js';
import { COUNTY, CITY, FOOD_LICENCE, MARRIAGE, XIHU_CIVIL_USCC, XIHU_MARKET_USCC, fiveStarElements, sampleCatalogue } from './testing/fixtures.js';

const actor = 'staff:test';
const foodCode = `${XIHU_MARKET_USCC}4${FOOD_LICENCE}`;

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('catalogue API', () => {
  let t: TestApp;
  const get = (url: string) => t.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'empty' });
    await loadCatalogue(t.db, sampleCatalogue(), { actor: 'test' });
  });
  afterAll(() => t?.close());

  it('documents its routes under the catalogue tag in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const route of ['/api/v1/jurisdictions/{code}', '/api/v1/agencies', '/api/v1/agencies/{id}', '/api/v1/items/{implementationCode}', '/api/v1/code-lists/{name}']) {
      expect(doc.paths[route]?.get?.tags, route).toEqual(['catalogue']);
    }
  });

  describe('GET /api/v1/jurisdictions/{code}', () => {
    it('returns the jurisdiction with its parent and children', async () => {
      const res = await get(`/api/v1/jurisdictions/${CITY}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        code: CITY,
        name: '杭州市',
        level: 'city',
        parent: { code: '330000', name: '浙江省' },
        children: [{ code: COUNTY, name: '西湖区' }],
      });
    });

    it('answers 404 not_found for an unknown code and 400 validation_failed for a malformed one', async () => {
      const unknown = await get('/api/v1/jurisdictions/110000');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.json().code).toBe('not_found');
      const malformed = await get('/api/v1/jurisdictions/33010');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'params.code' }] });
      const injection = await get(`/api/v1/jurisdictions/${encodeURIComponent("330106' OR '1'='1")}`);
      expect(injection.statusCode).toBe(400);
    });
  });

  describe('agencies', () => {
    let createdId: number;

    it('creates an agency with a valid USCC and reads it back', async () => {
      const agency = await createAgency(t.db, {
        actor,
        agency: {
          uscc: makeUscc('11', COUNTY, 'MB000009'),
          name: '杭州市西湖区人力资源和社会保障局',
          jurisdictionCode: COUNTY,
          nature: '1',
          address: '杭州市西湖区文三路1号',
          hours: '工作日 9:00-17:00',
          consultationPhone: '0571-87000009',
          complaintPhone: '0571-12345',
        },
      });
      createdId = agency.id;
      const res = await get(`/api/v1/agencies/${agency.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: '杭州市西湖区人力资源和社会保障局', jurisdiction: { code: COUNTY, name: '西湖区' }, itemCounts: [] });
      const audit = await t.db.query<{ action: string }>(`SELECT action FROM platform.audit_log WHERE subject = $1`, [agency.uscc]);
      expect(audit.map((a) => a.action)).toEqual(['catalog.agency.created']);
    });

    it('refuses an agency with a bad USCC or equal phones, with field errors', async () => {
      const error = await thrown(
        createAgency(t.db, {
          actor,
          agency: {
            uscc: '91110000600037341M', name: '某局', jurisdictionCode: COUNTY, nature: '1', address: '地址', hours: '工作日',
            consultationPhone: '12345', complaintPhone: '12345',
          },
        }),
      );
      expect(error.code).toBe('validation_failed');
      expect(error.errors?.map((e) => [e.field, e.code])).toEqual([
        ['uscc', 'uscc_check'],
        ['complaintPhone', 'phones_must_differ'],
      ]);
    });

    it('lists the agencies of a jurisdiction, with descendants on request, and counts published items by type', async () => {
      const county = (await get(`/api/v1/agencies?jurisdiction=${COUNTY}`)).json();
      expect(county.total).toBe(3);
      const market = county.items.find((a: { uscc: string }) => a.uscc === XIHU_MARKET_USCC);
      expect(market.itemCounts).toEqual([{ typeCode: '01', count: 1 }]);
      expect(county.items.some((a: { id: number }) => a.id === createdId)).toBe(true);
      expect((await get(`/api/v1/agencies?jurisdiction=${CITY}`)).json().total).toBe(1);
      expect((await get(`/api/v1/agencies?jurisdiction=${CITY}&includeDescendants=true`)).json().total).toBe(4);
    });

    it('answers 400 without a jurisdiction or with a malformed id, 404 for unknown ones', async () => {
      expect((await get('/api/v1/agencies')).statusCode).toBe(400);
      expect((await get('/api/v1/agencies/abc')).json().code).toBe('validation_failed');
      expect((await get('/api/v1/agencies/999999')).statusCode).toBe(404);
      expect((await get('/api/v1/agencies?jurisdiction=110000')).statusCode).toBe(404);
    });
  });

  describe('GET /api/v1/items/{implementationCode}', () => {
    it('returns the full guide with child tables, stars and basic item', async () => {
      const res = await get(`/api/v1/items/${foodCode}`);
      expect(res.statusCode).toBe(200);
      const guide = res.json();
      expect(guide).toMatchObject({
        implementationCode: foodCode,
        name: '食品经营许可',
        status: 'published',
        version: 1,
        typeCode: '01',
        stars: 5,
        popularity: 120,
        basic: { code: FOOD_LICENCE, name: '食品经营许可', typeCode: '01' },
        agency: { uscc: XIHU_MARKET_USCC, name: '杭州市西湖区市场监督管理局' },
        jurisdiction: { code: COUNTY, ancestors: ['330000', CITY, COUNTY] },
      });
      // Optional elements left out come back as null (or false), so the stored guide is a superset.
      expect(guide.elements).toMatchObject(JSON.parse(JSON.stringify(fiveStarElements())));
      expect(guide.elements.materials[1]).toMatchObject({ blankForm: null, sample: null, sharedData: false });
    });

    it('gives a guide without online application its lower computed stars', async () => {
      const guide = (await get(`/api/v1/items/${XIHU_CIVIL_USCC}4${MARRIAGE}`)).json();
      expect(guide.stars).toBe(2);
    });

    it('answers 404 for an unknown code and 400 for a malformed one', async () => {
      expect((await get(`/api/v1/items/${XIHU_CIVIL_USCC}4999999999999`)).statusCode).toBe(404);
      const bad = await get(`/api/v1/items/${encodeURIComponent("x' OR 1=1--")}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
    });
  });

  describe('GET /api/v1/code-lists/{name}', () => {
    it('returns the current entries of a list', async () => {
      const res = await get('/api/v1/code-lists/item_type');
      expect(res.statusCode).toBe(200);
      expect(res.json().entries).toHaveLength(11);
      expect(res.json().entries[0]).toEqual({ code: '01', zh: '行政许可', en: 'Administrative licensing' });
    });

    it('answers 404 for an unknown list and 400 for a malformed name', async () => {
      expect((await get('/api/v1/code-lists/no_such_list')).statusCode).toBe(404);
      expect((await get('/api/v1/code-lists/DROP%20TABLE')).statusCode).toBe(400);
    });
  });

  describe('versions and publishing', () => {
    const versionsOf = (code: string) =>
      t.db.query<{ version: number; status: string; place: string }>(
        `SELECT v.version, v.status, v.elements->>'place' AS place
           FROM catalog.item_version v JOIN catalog.item i ON i.id = v.item_id
          WHERE i.implementation_code = $1 ORDER BY v.version`,
        [code],
      );
    const generation = async () => (await t.db.query<{ value: number }>(`SELECT value FROM platform.generation WHERE name = 'catalog'`))[0]!.value;

    it('edits a new version while the published one stays unchanged, then publishes it', async () => {
      const draft = await createItemDraft(t.db, { actor, implementationCode: foodCode });
      expect(draft).toMatchObject({ version: 2, status: 'draft' });
      await updateItemDraft(t.db, { actor, implementationCode: foodCode, changes: { elements: { place: '西湖区行政服务中心二楼' } } });

      const whileDraft = (await get(`/api/v1/items/${foodCode}`)).json();
      expect(whileDraft).toMatchObject({ version: 1, elements: { place: '西湖区行政服务中心一楼市场监管窗口' } });

      await submitItemForReview(t.db, { actor, implementationCode: foodCode });
      const before = await generation();
      await publishItem(t.db, { actor, implementationCode: foodCode });
      expect(await generation()).toBeGreaterThan(before);

      const published = (await get(`/api/v1/items/${foodCode}`)).json();
      expect(published).toMatchObject({ version: 2, status: 'published', elements: { place: '西湖区行政服务中心二楼' } });
      expect(await versionsOf(foodCode)).toEqual([
        { version: 1, status: 'superseded', place: '西湖区行政服务中心一楼市场监管窗口' },
        { version: 2, status: 'published', place: '西湖区行政服务中心二楼' },
      ]);
      const audit = await t.db.query<{ action: string }>(`SELECT action FROM platform.audit_log WHERE subject = $1 ORDER BY id`, [foodCode]);
      expect(audit.map((a) => a.action)).toEqual(['catalog.item.draft_created', 'catalog.item.draft_updated', 'catalog.item.submitted', 'catalog.item.published']);
    });

    it('refuses to publish a draft that was not reviewed, and a second open version', async () => {
      await createItemDraft(t.db, { actor, implementationCode: foodCode });
      expect((await thrown(publishItem(t.db, { actor, implementationCode: foodCode }))).code).toBe('invalid_transition');
      expect((await thrown(createItemDraft(t.db, { actor, implementationCode: foodCode }))).code).toBe('conflict');
    });

    it('a new item fails the publishing rules with field errors, is rejected with reasons, fixed and published', async () => {
      const [agency] = (await get(`/api/v1/agencies?jurisdiction=${COUNTY}`)).json().items.filter((a: { uscc: string }) => a.uscc === XIHU_CIVIL_USCC);
      const elements = { ...fiveStarElements(), complaintPhone: '0571-87000001', faq: [] };
      const draft = await createItemDraft(t.db, {
        actor,
        item: { basicCode: FOOD_LICENCE, agencyId: agency.id, level: '4', name: '食品经营许可', bodyNature: '1', powerSource: '1', elements },
      });
      const code = draft.implementationCode;
      expect(code).toBe(`${XIHU_CIVIL_USCC}4${FOOD_LICENCE}`);
      expect((await get(`/api/v1/items/${code}`)).statusCode).toBe(404);

      await submitItemForReview(t.db, { actor, implementationCode: code });
      const failure = await thrown(publishItem(t.db, { actor, implementationCode: code }));
      expect(failure.code).toBe('publish_rules_failed');
      expect(failure.status).toBe(422);
      expect(failure.errors).toEqual([
        { field: 'complaintPhone', code: 'phones_must_differ', message: '咨询电话与监督投诉电话不能相同' },
        { field: 'faq', code: 'licensing_faq_required', message: '行政许可事项须至少有1条常见问题' },
      ]);

      const rejected = await rejectItem(t.db, { actor, implementationCode: code, reasons: ['投诉电话与咨询电话相同', '缺少常见问题'] });
      expect(rejected).toMatchObject({ status: 'draft', reviewNote: '投诉电话与咨询电话相同\n缺少常见问题' });
      await updateItemDraft(t.db, { actor, implementationCode: code, changes: { elements: { complaintPhone: '0571-12345', faq: fiveStarElements().faq } } });
      await submitItemForReview(t.db, { actor, implementationCode: code });
      await publishItem(t.db, { actor, implementationCode: code });

      const res = await get(`/api/v1/items/${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 1, stars: 5, agency: { uscc: XIHU_CIVIL_USCC } });
    });

    it('refuses a new item whose code already exists, and unknown items', async () => {
      const [agency] = (await get(`/api/v1/agencies?jurisdiction=${COUNTY}`)).json().items.filter((a: { uscc: string }) => a.uscc === XIHU_MARKET_USCC);
      const item = { basicCode: FOOD_LICENCE, agencyId: agency.id, level: '4', name: '食品经营许可', bodyNature: '1', powerSource: '1', elements: fiveStarElements() };
      expect((await thrown(createItemDraft(t.db, { actor, item }))).code).toBe('conflict');
      expect((await thrown(submitItemForReview(t.db, { actor, implementationCode: `${XIHU_MARKET_USCC}4000000000000` }))).code).toBe('not_found');
    });
  });
});
