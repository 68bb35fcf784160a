import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { genericDefinition } from './definitions/index.js';
import { publishFormDefinition } from './index.js';

let t: TestApp;
/** 个体工商户设立登记 of 西湖区市场监督管理局 (county level). */
let code: string;
const PASSWORD = '西湖边的三棵柳树2026';

const idNumber = (serial: string) => {
  const first17 = `33010619900307${serial}`;
  return first17 + citizenIdCheckChar(first17);
};

/** Registers a person and signs in from an address of their own; the session cookie. */
async function signedInPerson(serial: string, phone: string): Promise<{ cookie: string }> {
  const id = idNumber(serial);
  const reg = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: '测试用户', idNumber: id, phone, password: PASSWORD } });
  expect(reg.statusCode).toBe(201);
  const login = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password: PASSWORD }, remoteAddress: `10.9.0.${serial.slice(-2)}` });
  expect(login.statusCode).toBe(200);
  return { cookie: `sid=${login.cookies.find((c) => c.name === 'sid')!.value}` };
}

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  const agencies = (await t.inject({ url: '/api/v1/agencies?jurisdiction=330106' })).json<{ items: { name: string; uscc: string }[] }>().items;
  const market = agencies.find((a) => a.name.endsWith('市场监督管理局'))!;
  code = `${market.uscc}4010080010000`;
});
afterAll(() => t?.close());

describe('GET /api/v1/items/{code}/form', () => {
  it('gives the real form of 个体工商户设立登记 at 西湖区: schema, valid example, materials with stable ids', async () => {
    const res = await t.inject({ url: `/api/v1/items/${code}/form` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schema.title).toBe('个体工商户设立登记申请');
    expect(body.schema.properties.operator.properties.idNumber.format).toBe('cn-id-number');
    expect(body.example).toEqual(body.schema.examples[0]);
    expect(body.example.operator.name).toBe('陈晓梅');
    expect(body.minimumLevel).toBeGreaterThanOrEqual(2);
    expect(body.prefill['operator.idNumber']).toBe('person.idNumber');
    const names = (body.materials as { name: string }[]).map((m) => m.name);
    expect(names).toEqual(['个体工商户登记（备案）申请书', '经营者居民身份证', '经营场所使用证明']);
    for (const material of body.materials) expect(material.id).toMatch(/^mat_[0-9a-f]{12}$/);

    const again = (await t.inject({ url: `/api/v1/items/${code}/form` })).json();
    expect(again.materials.map((m: { id: string }) => m.id)).toEqual(body.materials.map((m: { id: string }) => m.id));
  });

  it('gives the generic form for an item without a form of its own', async () => {
    const generic = code.replace(/010080010000$/, '010080020000'); // 个体工商户变更登记
    const res = await t.inject({ url: `/api/v1/items/${generic}/form` });
    expect(res.statusCode).toBe(200);
    expect(res.json().schema.title).toBe('通用申请表');
    expect(res.json().materials.length).toBeGreaterThan(0);
  });

  it('is 404 for an unknown item and 400 for a malformed code', async () => {
    const unknown = await t.inject({ url: `/api/v1/items/${code.slice(0, 19)}999999999999/form` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    expect((await t.inject({ url: '/api/v1/items/abc/form' })).statusCode).toBe(400);
  });

  it('shows the form endpoint with its example in the OpenAPI document', async () => {
    const doc = (await t.inject({ url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/v1/items/{code}/form'].get;
    expect(operation.tags).toEqual(['forms']);
    expect(JSON.stringify(operation.responses['200'])).toContain('陈晓梅');
  });
});

describe('publishing a definition', () => {
  it('a basic-code version applies to every implementation; an implementation override wins for its item only', async () => {
    const other = code.replace(/010080010000$/, '010080020000'); // 个体工商户变更登记, generic until now
    const { version: _v, ...generic } = genericDefinition(0);
    const titled = (title: string, minimumLevel: 0 | 3) => ({ ...generic, minimumLevel, schema: { ...generic.schema, title } });
    const basic = await publishFormDefinition(t.db, { kind: 'basic', code: '010080020000', definition: titled('变更登记申请表', 0), actor: 'test' });
    expect(basic.version).toBe(2);
    const first = (await t.inject({ url: `/api/v1/items/${other}/form` })).json();
    // The item's own minimum level (2 in the demo) is a floor under the definition's 0.
    expect(first).toMatchObject({ version: 2, minimumLevel: 2, schema: { title: '变更登记申请表' } });
    const cityAgencies = (await t.inject({ url: '/api/v1/agencies?jurisdiction=330100' })).json<{ items: { name: string; uscc: string }[] }>().items;
    const city = `${cityAgencies.find((a) => a.name.endsWith('市场监督管理局'))!.uscc}3010080020000`;
    expect((await t.inject({ url: `/api/v1/items/${city}/form` })).json().schema.title).toBe('变更登记申请表');

    const override = await publishFormDefinition(t.db, { kind: 'implementation', code: other, definition: titled('西湖区变更登记申请表', 3), actor: 'test' });
    expect(override.version).toBe(2);
    expect((await t.inject({ url: `/api/v1/items/${other}/form` })).json()).toMatchObject({ version: 2, minimumLevel: 3, schema: { title: '西湖区变更登记申请表' } });
    expect((await t.inject({ url: `/api/v1/items/${city}/form` })).json().schema.title).toBe('变更登记申请表');
    const audit = await t.db.query<{ action: string }>("SELECT action FROM platform.audit_log WHERE action = 'forms.definition.publish'");
    expect(audit).toHaveLength(2);
  });

  it('refuses a definition whose example does not validate, storing nothing', async () => {
    const { version: _v, ...generic } = genericDefinition(0);
    const broken = { ...generic, schema: { ...generic.schema, examples: [{ request: 'x' }] } };
    await expect(publishFormDefinition(t.db, { kind: 'basic', code: '010080030000', definition: broken, actor: 'test' })).rejects.toMatchObject({ code: 'validation_failed' });
    const rows = await t.db.query("SELECT 1 FROM forms.form_definition WHERE code = '010080030000'");
    expect(rows).toHaveLength(0);
  });
});

describe('GET /api/v1/items/{code}/form/prefill', () => {
  it('fills the applicant from the signed-in person, and is 401 anonymously', async () => {
    const person = await signedInPerson('303', '13812340303');
    const res = await t.inject({ url: `/api/v1/items/${code}/form/prefill`, headers: { cookie: person.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().data).toEqual({ operator: { name: '测试用户', idNumber: idNumber('303'), phone: '13812340303' } });
    expect((await t.inject({ url: `/api/v1/items/${code}/form/prefill` })).statusCode).toBe(401);
  });

  it('fills the company from the legal-person registry when acting for it (demo company, USCC sign-in)', async () => {
    // The demo company's public credentials (src/modules/demo/data/accounts.ts).
    const login = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '91330106530980042E', password: 'Company@2026!' }, remoteAddress: '10.9.1.1' });
    expect(login.statusCode).toBe(200);
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
    const food = code.replace(/010080010000$/, '010080090000'); // 食品经营许可
    const res = await t.inject({ url: `/api/v1/items/${food}/form/prefill`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data.operator).toMatchObject({ name: '杭州云启文化传媒有限公司', uscc: '91330106530980042E' });
    expect(data.operator.address).toEqual(expect.any(String));
    expect(data.operator.representative).toEqual(expect.any(String));
    expect(data.contactPhone).toMatch(/^1\d{10}$/);
  });
});

describe('drafts', () => {
  let alice: { cookie: string };
  let bob: { cookie: string };
  beforeAll(async () => {
    alice = await signedInPerson('301', '13812340301');
    bob = await signedInPerson('302', '13812340302');
  });

  const as = (who: { cookie: string }) => ({ cookie: who.cookie });

  it('saves, reads, updates and lists a draft of its owner; an incomplete draft is fine', async () => {
    const created = await t.inject({ method: 'POST', url: '/api/v1/drafts', headers: as(alice), payload: { item: code, data: { operator: { name: '陈' } } } });
    expect(created.statusCode).toBe(201);
    const { id, formVersion } = created.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(formVersion).toBe(1);

    const read = await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(alice) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, item: code, formVersion: 1, data: { operator: { name: '陈' } } });

    const updated = await t.inject({ method: 'PUT', url: `/api/v1/drafts/${id}`, headers: as(alice), payload: { data: { operator: { name: '陈晓梅' }, business: { employees: 2 } } } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().data).toEqual({ operator: { name: '陈晓梅' }, business: { employees: 2 } });
    expect((await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(alice) })).json().data.business.employees).toBe(2);

    const mine = await t.inject({ url: '/api/v1/me/drafts', headers: as(alice) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().drafts).toEqual([expect.objectContaining({ id, item: code })]);
    expect(mine.json().drafts[0].data).toBeUndefined();
  });

  it('hides a draft from everyone but its owner (404) and refuses the anonymous (401)', async () => {
    const { id } = (await t.inject({ method: 'POST', url: '/api/v1/drafts', headers: as(alice), payload: { item: code, data: { secret: '只给本人看' } } })).json();

    const peek = await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(bob) });
    expect(peek.statusCode).toBe(404);
    expect(peek.body).not.toContain('只给本人看');
    expect((await t.inject({ method: 'PUT', url: `/api/v1/drafts/${id}`, headers: as(bob), payload: { data: {} } })).statusCode).toBe(404);
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/drafts/${id}`, headers: as(bob) })).statusCode).toBe(404);
    expect((await t.inject({ url: '/api/v1/me/drafts', headers: as(bob) })).json().drafts).toEqual([]);
    // Still there for its owner after the attempts.
    expect((await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(alice) })).json().data).toEqual({ secret: '只给本人看' });

    expect((await t.inject({ url: `/api/v1/drafts/${id}` })).statusCode).toBe(401);
    expect((await t.inject({ url: '/api/v1/me/drafts' })).statusCode).toBe(401);
    expect((await t.inject({ method: 'POST', url: '/api/v1/drafts', payload: { item: code, data: {} } })).statusCode).toBe(401);

    expect((await t.inject({ method: 'DELETE', url: `/api/v1/drafts/${id}`, headers: as(alice) })).statusCode).toBe(204);
    expect((await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(alice) })).statusCode).toBe(404);
  });

  it('refuses an oversize draft with 413 and stores nothing', async () => {
    const before = (await t.inject({ url: '/api/v1/me/drafts', headers: as(bob) })).json().drafts.length;
    const big = { request: '很长的说明'.repeat(5000) };
    const res = await t.inject({ method: 'POST', url: '/api/v1/drafts', headers: as(bob), payload: { item: code, data: big } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect((await t.inject({ url: '/api/v1/me/drafts', headers: as(bob) })).json().drafts.length).toBe(before);

    const { id } = (await t.inject({ method: 'POST', url: '/api/v1/drafts', headers: as(bob), payload: { item: code, data: {} } })).json();
    expect((await t.inject({ method: 'PUT', url: `/api/v1/drafts/${id}`, headers: as(bob), payload: { data: big } })).statusCode).toBe(413);
    expect((await t.inject({ url: `/api/v1/drafts/${id}`, headers: as(bob) })).json().data).toEqual({});
  });

  it('refuses a draft for an unknown item with the field named', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/v1/drafts', headers: as(alice), payload: { item: `${code.slice(0, 19)}999999999999`, data: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'item', code: 'unknown_item' })]);
  });
});
