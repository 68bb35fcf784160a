/**
 * Cases through HTTP on the demo data: submission (idempotent, level, materials, every field error), who may
 * see and act on a case, the workflow's steps with the legal clock, segregation of duties, races, the public
 * status lookup, my cases and deemed acceptance.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../support/app.js';
import { listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';
import { createStaff, identityDeps } from '../../src/modules/identity/index.js';
import { chinaToday, deemAcceptedCases } from '../../src/modules/cases/index.js';
import { addDays } from '../../src/modules/calendar/index.js';

let t: TestApp;
let accounts: DemoAccount[];
let nextIp = 1;
const freshIp = () => `10.7.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;

interface Session {
  cookie: string;
  csrf: string;
}
const sessions = new Map<string, Session>();

/** Signs a demo account in once per file (a TOTP code works once), with a CSRF cookie for uploads. */
async function session(username: string, credentials?: { password: string; totpSecret?: string }): Promise<Session> {
  const known = sessions.get(username);
  if (known) return known;
  const account = credentials ?? accounts.find((a) => a.username === username)!;
  const totp = account.totpSecret ? { totp: await generate({ secret: account.totpSecret }) } : {};
  const res = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: account.password, ...totp }, remoteAddress: freshIp() });
  expect(res.statusCode, res.body).toBe(200);
  const sid = res.cookies.find((c) => c.name === 'sid')!.value;
  const page = await t.inject({ url: '/login' });
  const csrfCookie = page.cookies.find((c) => c.name === 'csrf')!.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const s = { cookie: `sid=${sid}; csrf=${csrfCookie}`, csrf: token };
  sessions.set(username, s);
  return s;
}
const person = (level: number, note?: string) =>
  accounts.find((a) => a.kind === 'person' && a.level === level && (!note || a.note?.includes(note)))!.username;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const BOUNDARY = '----onestop-cases-test';
async function upload(who: Session, name = 'scan.pdf'): Promise<string> {
  const payload = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

interface ItemForm {
  code: string;
  example: Record<string, unknown>;
  materials: { id: string; name: string; required: boolean }[];
}
let immediateItem: ItemForm;
let promisedItem: ItemForm;

async function itemAt330106(name: string): Promise<ItemForm> {
  const [row] = await t.db.query<{ code: string }>(
    `SELECT i.implementation_code AS code FROM catalog.item i JOIN catalog.basic_item b ON b.code = i.basic_code
       JOIN catalog.agency a ON a.id = i.agency_id WHERE a.jurisdiction_code = '330106' AND b.name = $1`,
    [name],
  );
  const form = (await t.inject({ url: `/api/v1/items/${row!.code}/form` })).json();
  return { code: row!.code, example: form.example, materials: form.materials };
}

let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${keyCounter++}`;

async function apply(who: Session, item: ItemForm, options: { key?: string; form?: Record<string, unknown>; materials?: { material: string; upload: string }[] } = {}) {
  const materials = options.materials ?? (await Promise.all(item.materials.filter((m) => m.required).map(async (m) => ({ material: m.id, upload: await upload(who) }))));
  return t.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { cookie: who.cookie, 'idempotency-key': options.key ?? newKey() },
    payload: { item: item.code, form: options.form ?? item.example, materials },
  });
}
async function submitted(who: Session, item: ItemForm): Promise<{ number: string; queryCode: string }> {
  const res = await apply(who, item);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const get = (who: Session | null, url: string) => t.inject({ url, headers: who ? { cookie: who.cookie } : {} });
const act = (who: Session, number: string, body: Record<string, unknown>) =>
  t.inject({ method: 'POST', url: `/api/v1/cases/${number}/actions`, headers: { cookie: who.cookie }, payload: body });
async function step(who: Session, number: string, body: Record<string, unknown>) {
  const res = await act(who, number, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** Every link but the last (the decision) finished by the agency's staff member of its role. */
async function advanceToDecision(number: string, links: { role: string }[]) {
  let view = (await get(citizen, `/api/v1/cases/${number}`)).json();
  for (const link of links.slice(0, -1)) view = await step(await session(`xh.scjg.${link.role === 'window_clerk' ? 'clerk' : link.role}`), number, { action: 'advance', opinion: '同意' });
  return view;
}
const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

let citizen: Session;
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  accounts = await listDemoAccounts(t.db);
  immediateItem = await itemAt330106('个体工商户设立登记');
  promisedItem = await itemAt330106('食品经营许可');
  citizen = await session(person(2, '实名认证'));
}, 120_000);
afterAll(() => t?.close());

describe('POST /api/v1/cases', () => {
  it('submits with every required material and answers with the number, the status and a query code', async () => {
    const res = await apply(citizen, immediateItem);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.status).toBe('submitted');
    expect(body.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    const day = chinaToday().replace(/-/g, '');
    expect(body.number).toHaveLength(31 + 8 + 4);
    expect(body.number.slice(0, 31)).toBe(immediateItem.code);
    expect(body.number.slice(31, 39)).toBe(day);
    expect(body.number.slice(39)).toMatch(/^\d{4}$/);

    const view = (await get(citizen, `/api/v1/cases/${body.number}`)).json();
    expect(view).toMatchObject({ number: body.number, status: 'submitted', item: { code: immediateItem.code, name: '个体工商户设立登记' }, version: 1 });
    expect(view.form).toEqual(immediateItem.example);
    expect(view.materials).toHaveLength(3);
    expect(view.allowedActions).toEqual(['withdraw']);
    const audit = await count(`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'case.submit' AND subject = $1`, [body.number]);
    expect(audit).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM cases.notification n JOIN cases."case" c ON c.id = n.case_id WHERE c.number = $1`, [body.number])).toBe(1);
  });

  it('allocates unique, consecutive numbers per item and day', async () => {
    const a = await submitted(citizen, immediateItem);
    const b = await submitted(citizen, immediateItem);
    expect(a.number).not.toBe(b.number);
    expect(Number(b.number.slice(39))).toBe(Number(a.number.slice(39)) + 1);
    expect(await count(`SELECT count(*)::int AS n FROM cases."case" WHERE number IN ($1, $2)`, [a.number, b.number])).toBe(2);
  });

  it('returns the same case for a retry with the same Idempotency-Key and creates nothing', async () => {
    const key = newKey();
    const materials = await Promise.all(immediateItem.materials.map(async (m) => ({ material: m.id, upload: await upload(citizen) })));
    const before = await count(`SELECT count(*)::int AS n FROM cases."case"`);
    const first = await apply(citizen, immediateItem, { key, materials });
    const second = await apply(citizen, immediateItem, { key, materials });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count(`SELECT count(*)::int AS n FROM cases."case"`)).toBe(before + 1);
    expect(await count(`SELECT count(*)::int AS n FROM cases.case_event e JOIN cases."case" c ON c.id = e.case_id WHERE c.number = $1`, [first.json().number])).toBe(1);

    const other = await apply(citizen, immediateItem, { key, materials, form: { ...immediateItem.example, declaration: true, extra: 1 } });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await count(`SELECT count(*)::int AS n FROM cases."case"`)).toBe(before + 1);
  });

  it('creates one case for two identical requests sent at once with one key', async () => {
    const key = newKey();
    const materials = await Promise.all(immediateItem.materials.map(async (m) => ({ material: m.id, upload: await upload(citizen) })));
    const before = await count(`SELECT count(*)::int AS n FROM cases."case"`);
    const [a, b] = await Promise.all([apply(citizen, immediateItem, { key, materials }), apply(citizen, immediateItem, { key, materials })]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json()).toEqual(b.json());
    expect(await count(`SELECT count(*)::int AS n FROM cases."case"`)).toBe(before + 1);
  });

  it('requires the Idempotency-Key header', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: citizen.cookie }, payload: { item: immediateItem.code, form: immediateItem.example, materials: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('headers.idempotency-key');
  });

  it('refuses a person below the item\'s level with level_too_low and how to raise it', async () => {
    const low = await session(person(1));
    const res = await apply(low, immediateItem, { materials: [] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'level_too_low', requiredLevel: 2, currentLevel: 1 });
    expect(res.json().detail).toContain('实名认证');
  });

  it('lists every missing required material at once, and keeps the uploads unclaimed', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM cases."case"`);
    const res = await apply(citizen, immediateItem, { materials: [] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(immediateItem.materials.filter((m) => m.required).map((m) => `materials.${m.id}`).sort());
    expect(await count(`SELECT count(*)::int AS n FROM cases."case"`)).toBe(before);
  });

  it('lists every form error together with the material errors', async () => {
    const res = await apply(citizen, immediateItem, { form: { business: { capital: -1 } }, materials: [{ material: 'mat_nope', upload: '00000000-0000-4000-8000-000000000000' }] });
    expect(res.statusCode).toBe(400);
    const fields: string[] = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields.filter((f) => f.startsWith('form.')).length).toBeGreaterThan(2);
    expect(fields).toContain('materials.0.material');
    for (const m of immediateItem.materials) expect(fields).toContain(`materials.${m.id}`);
  });

  it('refuses another person\'s upload', async () => {
    const other = await session(person(3));
    const foreign = await upload(other);
    const materials = await Promise.all(immediateItem.materials.map(async (m, i) => ({ material: m.id, upload: i === 0 ? foreign : await upload(citizen) })));
    const res = await apply(citizen, immediateItem, { materials });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'materials.0.upload', code: 'unknown_upload' })]);
  });
});

describe('who may see a case', () => {
  let number: string;
  beforeAll(async () => {
    ({ number } = await submitted(citizen, immediateItem));
  });

  it('gives 404 to another citizen, on the case, its timeline and its actions', async () => {
    const other = await session(person(3));
    const a = await get(other, `/api/v1/cases/${number}`);
    const b = await get(other, `/api/v1/cases/${number}/timeline`);
    const c = await act(other, number, { action: 'withdraw' });
    for (const res of [a, b, c]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('个体工商户');
    }
  });

  it('gives 404 to a clerk of another agency, 401 to nobody', async () => {
    for (const username of ['hz.scjg.clerk', 'xh.mz.clerk']) {
      const clerk = await session(username);
      expect((await get(clerk, `/api/v1/cases/${number}`)).statusCode).toBe(404);
      expect((await act(clerk, number, { action: 'receive' })).statusCode).toBe(404);
    }
    expect((await get(null, `/api/v1/cases/${number}`)).statusCode).toBe(401);
  });

  it('shows the case and the clerk\'s actions to the agency\'s clerk', async () => {
    const clerk = await session('xh.scjg.clerk');
    const res = await get(clerk, `/api/v1/cases/${number}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().allowedActions).toEqual(['receive', 'return_prereview']);
  });
});

describe('the workflow through the API', () => {
  it('receives, asks for a correction, takes it and accepts, with the timeline and the clock', async () => {
    const clerk = await session('xh.scjg.clerk');
    const { number } = await submitted(citizen, immediateItem);
    const received = await step(clerk, number, { action: 'receive', version: 1 });
    expect(received).toMatchObject({ status: 'received', version: 2, clock: { clock: 'acceptance', limitDays: 5, paused: false } });
    expect(received.allowedActions).toEqual(['accept', 'not_accept', 'request_correction']);

    const bad = await act(clerk, number, { action: 'request_correction', corrections: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('corrections');

    const correction = await step(clerk, number, { action: 'request_correction', corrections: [{ name: '经营场所使用证明', problem: '缺少产权人签字' }] });
    expect(correction).toMatchObject({ status: 'correction_requested', clock: { clock: 'acceptance', paused: true, due: null } });
    const mine = (await get(citizen, `/api/v1/cases/${number}`)).json();
    expect(mine.allowedActions).toEqual(['withdraw', 'submit_correction']);
    const notForClerk = await act(clerk, number, { action: 'accept', materials: [{ material: immediateItem.materials[2]!.id, upload: '00000000-0000-4000-8000-000000000000' }] });
    expect(notForClerk.statusCode).toBe(400);
    const fixedUpload = await upload(citizen, 'fixed.pdf');
    const corrected = await step(citizen, number, { action: 'submit_correction', materials: [{ material: immediateItem.materials[2]!.id, upload: fixedUpload }] });
    expect(corrected.status).toBe('received');
    expect(corrected.materials.map((m: { uploadId: string }) => m.uploadId)).toContain(fixedUpload);
    expect(corrected.materials).toHaveLength(4);
    const accepted = await step(clerk, number, { action: 'accept', opinion: '材料齐全' });
    expect(accepted).toMatchObject({ status: 'accepted', progress: { link: { index: 0 } } });

    const timeline = (await get(citizen, `/api/v1/cases/${number}/timeline`)).json();
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'receive', 'request_correction', 'submit_correction', 'accept']);
    expect(timeline.events[2]).toMatchObject({ actorKind: 'staff', actorName: '西湖市场监管窗口', fromStatus: 'received', toStatus: 'correction_requested' });
    expect(timeline.events[2].notices[0].title.zh).toBe('补正材料通知书');
    expect(JSON.stringify(timeline)).not.toMatch(/staff:[0-9a-f-]{36}/);
    expect(await count(`SELECT count(*)::int AS n FROM platform.audit_log WHERE subject = $1 AND action LIKE 'case.%'`, [number])).toBe(5);
  });

  it('refuses an illegal action with 409 and the allowed ones, a wrong role with 403', async () => {
    const clerk = await session('xh.scjg.clerk');
    const handler = await session('xh.scjg.handler');
    const { number } = await submitted(citizen, promisedItem);
    const illegal = await act(clerk, number, { action: 'approve' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'invalid_transition', allowed: ['receive', 'return_prereview'] });
    const forbidden = await act(handler, number, { action: 'receive' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().allowed).toEqual([]);
  });

  it('runs a 承诺件 through 承办, 审核 and 批准 to delivery', async () => {
    const clerk = await session('xh.scjg.clerk');
    const { number } = await submitted(citizen, promisedItem);
    await step(clerk, number, { action: 'receive' });
    const accepted = await step(clerk, number, { action: 'accept' });
    expect(accepted.clock).toMatchObject({ clock: 'decision', limitDays: 5 });
    const links: { role: string }[] = accepted.progress.links;
    expect(links.at(-1)!.role).toBe('approver');
    await advanceToDecision(number, links);
    const approved = await step(await session('xh.scjg.approver'), number, { action: 'approve', opinion: '准予许可' });
    expect(approved).toMatchObject({ status: 'concluded', progress: { outcome: 'approved' }, clock: { clock: 'delivery', limitDays: 10 } });
    const delivered = await step(clerk, number, { action: 'deliver', method: 'electronic' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.clock).toBeNull();
  });

  it('forbids the acceptor to decide (segregation of duties)', async () => {
    const deps = identityDeps(t.app.context);
    const created = await createStaff(deps, 'cli', { loginName: 'xh.scjg.dual', name: '西湖双岗', agencyId: 138, roles: ['window_clerk', 'approver'] }, { ip: '127.0.0.1', userAgent: null, requestId: 'test' });
    const dual = await session('xh.scjg.dual', { password: created.password, totpSecret: created.totpSecret });
    const { number } = await submitted(citizen, promisedItem);
    await step(dual, number, { action: 'receive' });
    const accepted = await step(dual, number, { action: 'accept' });
    const reviewed = await advanceToDecision(number, accepted.progress.links);
    expect(reviewed.progress.link.role).toBe('approver');
    const refused = await act(dual, number, { action: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'actor', code: 'segregation_of_duties' })]);
    expect((await get(dual, `/api/v1/cases/${number}`)).json().allowedActions).not.toContain('approve');
    await step(await session('xh.scjg.approver'), number, { action: 'approve' });
  });

  it('lets one of two concurrent actions on the same version win; the other gets 409', async () => {
    const clerk = await session('xh.scjg.clerk');
    const { number } = await submitted(citizen, immediateItem);
    const [a, b] = await Promise.all([act(clerk, number, { action: 'receive', version: 1 }), act(clerk, number, { action: 'return_prereview', reasons: '重复', version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('conflict');
    expect(Array.isArray(loser.json().allowed)).toBe(true);
    expect((await get(clerk, `/api/v1/cases/${number}`)).json().version).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM cases.case_event e JOIN cases."case" c ON c.id = e.case_id WHERE c.number = $1`, [number])).toBe(2);
    const stale = await act(clerk, number, { action: 'accept', version: 1 });
    expect(stale.statusCode).toBe(409);
  });
});

describe('cases filed for a company', () => {
  it('are seen by whoever acts for the company (its agent too), not by the agent acting for themselves', async () => {
    const company = accounts.find((a) => a.kind === 'company')!;
    const filer = await session(company.username);
    const { number } = await submitted(filer, promisedItem);
    expect((await get(filer, `/api/v1/cases/${number}`)).json().company).toEqual({ uscc: company.username });

    const agent = await session(person(2, '经办人'));
    expect((await get(agent, `/api/v1/cases/${number}`)).statusCode).toBe(404);
    const acting = await t.inject({ method: 'POST', url: '/api/v1/me/acting-as', headers: { cookie: agent.cookie }, payload: { uscc: company.username } });
    expect(acting.statusCode, acting.body).toBe(200);
    expect((await get(agent, `/api/v1/cases/${number}`)).statusCode).toBe(200);
    expect((await get(agent, '/api/v1/me/cases')).json().items.map((c: { number: string }) => c.number)).toContain(number);
    await t.inject({ method: 'POST', url: '/api/v1/me/acting-as', headers: { cookie: agent.cookie }, payload: { uscc: null } });
    expect((await get(agent, `/api/v1/cases/${number}`)).statusCode).toBe(404);
  });
});

describe('public status and my cases', () => {
  it('shows the status and the clock for the right query code; the same 404 otherwise', async () => {
    const { number, queryCode } = await submitted(citizen, immediateItem);
    const ok = await t.inject({ url: `/api/v1/case-status?number=${number}&queryCode=${queryCode}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ number, status: 'submitted', item: { name: '个体工商户设立登记' } });
    expect(ok.json()).not.toHaveProperty('form');
    expect(ok.json()).not.toHaveProperty('materials');
    const wrong = await t.inject({ url: `/api/v1/case-status?number=${number}&queryCode=AAAAAAAA` });
    const unknown = await t.inject({ url: `/api/v1/case-status?number=${number.slice(0, 39)}9999&queryCode=${queryCode}` });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('lists my cases newest first, and only mine', async () => {
    const { number } = await submitted(citizen, promisedItem);
    const res = await get(citizen, '/api/v1/me/cases?pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(await count(`SELECT count(*)::int AS n FROM cases."case" WHERE applicant = (SELECT applicant FROM cases."case" WHERE number = $1)`, [number]));
    expect(body.items[0].number).toBe(number);
    expect(body.items).toHaveLength(5);
    const other = (await get(await session(person(3)), '/api/v1/me/cases')).json();
    expect(other.items.map((c: { number: string }) => c.number)).not.toContain(number);
  });
});

describe('deemed acceptance (art. 32)', () => {
  it('accepts a received case nobody acted on within 5 working days, from the day received; once', async () => {
    const clerk = await session('xh.scjg.clerk');
    const { number } = await submitted(citizen, promisedItem);
    const received = await step(clerk, number, { action: 'receive' });
    const deps = { db: t.db, logger: t.app.context.logger };
    expect((await deemAcceptedCases(deps, received.clock.due)).deemed).not.toContain(number);
    const later = addDays(received.clock.due, 1);
    expect((await deemAcceptedCases(deps, later)).deemed).toContain(number);
    const view = (await get(citizen, `/api/v1/cases/${number}`)).json();
    expect(view).toMatchObject({ status: 'accepted', progress: { deemedAccepted: true }, clock: { clock: 'decision', start: received.clock.start } });
    expect((await deemAcceptedCases(deps, later)).deemed).not.toContain(number);
    expect(await count(`SELECT count(*)::int AS n FROM platform.audit_log WHERE subject = $1 AND action = 'case.deem_accepted'`, [number])).toBe(1);
  });
});
