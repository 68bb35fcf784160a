/** The public 办件查询 page (/case-status) on the demo data: a submitted case is found with its query code only. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';

let t: TestApp;
let accounts: DemoAccount[];

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const BOUNDARY = '----onestop-case-pages-test';

let submitted: { number: string; queryCode: string };

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  accounts = await listDemoAccounts(t.db);
  const citizen = accounts.find((a) => a.kind === 'person' && a.level === 2 && a.note?.includes('实名认证'))!;
  const login = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: citizen.username, password: citizen.password }, remoteAddress: '10.9.0.1' });
  expect(login.statusCode, login.body).toBe(200);
  const sid = login.cookies.find((c) => c.name === 'sid')!.value;
  const page = await t.inject({ url: '/login' });
  const cookie = `sid=${sid}; csrf=${page.cookies.find((c) => c.name === 'csrf')!.value}`;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const [row] = await t.db.query<{ code: string }>(
    `SELECT i.implementation_code AS code FROM catalog.item i JOIN catalog.basic_item b ON b.code = i.basic_code
       JOIN catalog.agency a ON a.id = i.agency_id WHERE a.jurisdiction_code = '330106' AND b.name = $1`,
    ['个体工商户设立登记'],
  );
  const form = (await t.inject({ url: `/api/v1/items/${row!.code}/form` })).json();
  const materials = [];
  for (const m of form.materials.filter((x: { required: boolean }) => x.required)) {
    const up = await t.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie, 'x-csrf-token': csrf },
      payload: Buffer.concat([
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        PDF,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    materials.push({ material: m.id, upload: up.json().id });
  }
  const res = await t.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, 'idempotency-key': 'pages-test-key-1' }, payload: { item: row!.code, form: form.example, materials } });
  expect(res.statusCode, res.body).toBe(201);
  submitted = res.json();
}, 120_000);
afterAll(() => t?.close());

const lookUp = (number: string, queryCode: string, cookies: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: '/case-status', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ number, queryCode }).toString() });

describe('/case-status (办件查询)', () => {
  it('shows the empty lookup form without signing in', async () => {
    const res = await t.inject({ url: '/case-status' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1>办件查询</h1>');
    expect(res.body).toContain('name="queryCode"');
  });

  it('shows the status of a case with the right query code, in Chinese and in English', async () => {
    const zh = await lookUp(submitted.number, submitted.queryCode);
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain(submitted.number);
    expect(zh.body).toContain('个体工商户设立登记');
    expect(zh.body).toContain('办理状态');
    expect(zh.body).not.toContain(submitted.queryCode);
    const en = await lookUp(submitted.number, submitted.queryCode, { lang: 'en' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Status');
  });

  it('answers a wrong code and an unknown number alike with 404 and a message', async () => {
    const wrong = await lookUp(submitted.number, 'AAAAAAAA');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('未找到该办件');
    expect(wrong.body).not.toContain('个体工商户设立登记');
    const unknown = await lookUp(`${submitted.number.slice(0, -4)}9999`, submitted.queryCode);
    expect(unknown.statusCode).toBe(404);
  });
});
