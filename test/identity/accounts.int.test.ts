/**
 * Accounts beyond registration, through HTTP on the demo data: staff TOTP, company sign-in, levels 1
 * and 2, binding a company, agents and acting-as, password reset, and who may read and change what.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generate } from 'otplib';
import { citizenIdCheckChar } from '../../src/platform/checksums.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_RESIDENTS } from '../../src/modules/population/index.js';
import { DEMO_COMPANY, DEMO_UNBOUND_COMPANY, DEMO_UNREGISTERED_RESIDENT, listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';

let t: TestApp;
let accounts: DemoAccount[];
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  accounts = await listDemoAccounts(t.db);
});
afterAll(() => t?.close());

let nextIp = 1;
/** Each sign-in from its own address, so the per-address limit of one test never meets another's. */
const freshIp = () => `10.9.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;
const account = (pred: (a: DemoAccount) => boolean) => accounts.find(pred)!;
const sidOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'sid')?.value;
const as = (sid: string | undefined) => ({ cookie: `sid=${sid}` });
const outbox = async () => (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as { channel: string; recipient: string; body: string }[];
const codeIn = (body: string) => /(\d{6})/.exec(body)![1]!;

async function signIn(username: string, password: string, extra: Record<string, string> = {}) {
  return t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, remoteAddress: freshIp() });
}
async function sid(a: DemoAccount): Promise<string> {
  const res = await signIn(a.username, a.password);
  expect(res.statusCode).toBe(200);
  return sidOf(res)!;
}
const me = async (s: string) => (await t.inject({ url: '/api/v1/me', headers: as(s) })).json();

describe('staff sign-in needs TOTP', () => {
  it('answers the password with a challenge, then signs in with the code; a code works once', async () => {
    const clerk = account((a) => a.username === 'xh.scjg.clerk');
    const first = await signIn(clerk.username, clerk.password);
    expect(first.statusCode).toBe(202);
    expect(sidOf(first)).toBeUndefined();
    const { challenge } = first.json();

    const wrong = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { challenge, totp: '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('totp_invalid');

    const code = await generate({ secret: clerk.totpSecret! });
    const second = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { challenge, totp: code } });
    expect(second.statusCode).toBe(200);
    const who = await me(sidOf(second)!);
    expect(who).toMatchObject({ kind: 'staff', name: clerk.name, staff: { agencyId: clerk.agency!.id, roles: ['window_clerk'] } });

    // The same code again, even with the password in one call: refused (replay).
    const replay = await signIn(clerk.username, clerk.password, { totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('totp_invalid');
    // The challenge is used up.
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { challenge, totp: code } })).statusCode).toBe(401);
  });

  it('gives a wrong staff password the same generic error as an unknown user', async () => {
    const bad = await signIn('xh.scjg.handler', 'not the password');
    const unknown = await signIn('nobody.here', 'not the password');
    expect(bad.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(bad.json().detail).toBe(unknown.json().detail);
  });
});

describe('levels', () => {
  it('registers, verifies the phone (level 1), passes the three-factor check (level 2)', async () => {
    const r = DEMO_UNREGISTERED_RESIDENT;
    const password = '钱塘江潮水每年八月';
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: r.name, idNumber: r.idNumber, phone: r.phone, password } })).statusCode).toBe(201);
    const s = sidOf(await signIn(r.idNumber, password))!;
    expect((await me(s)).level).toBe(0);

    // Level 2 needs level 1 first.
    const early = await t.inject({ method: 'POST', url: '/api/v1/me/real-name', headers: as(s), payload: { bankCard: r.bankCard } });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('level_too_low');

    expect((await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification', headers: as(s) })).statusCode).toBe(202);
    // Asking again at once is limited.
    expect((await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification', headers: as(s) })).statusCode).toBe(429);
    const code = codeIn((await outbox())[0]!.body);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification/confirm', headers: as(s), payload: { code: wrongCode } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'body.code', code: 'invalid_code' });
    const ok = await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification/confirm', headers: as(s), payload: { code } });
    expect(ok.json()).toEqual({ level: 1 });
    // A used code does not work twice.
    expect((await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification/confirm', headers: as(s), payload: { code } })).statusCode).toBe(400);

    const level2 = await t.inject({ method: 'POST', url: '/api/v1/me/real-name', headers: as(s), payload: { bankCard: r.bankCard } });
    expect(level2.json()).toEqual({ level: 2 });

    const audit = await t.db.query<{ detail: { from: number; to: number; method: string } }>(
      "SELECT detail FROM platform.audit_log WHERE action = 'identity.level_changed' AND subject = $1 ORDER BY id",
      [`person:${(await me(s)).id.slice('person:'.length)}`],
    );
    expect(audit.map((a) => [a.detail.from, a.detail.to, a.detail.method])).toEqual([
      [0, 1, 'phone'],
      [1, 2, 'three_factor'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(r.bankCard);
  });

  it('counts the verified phone as the third factor when it matches the register', async () => {
    const level1 = account((a) => a.kind === 'person' && a.level === 1);
    const res = await t.inject({ method: 'POST', url: '/api/v1/me/real-name', headers: as(await sid(level1)), payload: {} });
    expect(res.json()).toEqual({ level: 2 });
  });

  it('refuses a person the register does not know, without saying which factor failed', async () => {
    const first17 = '33010619900307555';
    const idNumber = first17 + citizenIdCheckChar(first17);
    const password = '钱塘江潮水每年八月';
    await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: '王五', idNumber, phone: '13912345678', password } });
    const s = sidOf(await signIn(idNumber, password))!;
    await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification', headers: as(s) });
    const code = codeIn((await outbox())[0]!.body);
    expect((await t.inject({ method: 'POST', url: '/api/v1/me/phone/verification/confirm', headers: as(s), payload: { code } })).json()).toEqual({ level: 1 });
    const res = await t.inject({ method: 'POST', url: '/api/v1/me/real-name', headers: as(s), payload: { bankCard: DEMO_UNREGISTERED_RESIDENT.bankCard } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('real_name_mismatch');
    expect((await me(s)).level).toBe(1);
  });
});

describe('companies, agents and acting-as', () => {
  it('signs in with the USCC as the representative acting for the company', async () => {
    const company = account((a) => a.kind === 'company');
    const who = await me(await sid(company));
    expect(who.actingAs).toEqual({ uscc: DEMO_COMPANY.uscc, name: DEMO_COMPANY.name, role: 'representative' });
  });

  it('binds a company only for its registered representative at level 2', async () => {
    const rep = account((a) => a.kind === 'person' && a.note?.includes('尚未绑定') === true);
    const stranger = account((a) => a.kind === 'person' && a.level === 3);
    const bind = (s: string) => t.inject({ method: 'POST', url: '/api/v1/me/companies', headers: as(s), payload: { uscc: DEMO_UNBOUND_COMPANY.uscc } });

    const refused = await bind(await sid(stranger));
    expect(refused.statusCode).toBe(403);
    const ok = await bind(await sid(rep));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ uscc: DEMO_UNBOUND_COMPANY.uscc, name: DEMO_UNBOUND_COMPANY.name });

    const badCheck = await t.inject({ method: 'POST', url: '/api/v1/me/companies', headers: as(await sid(rep)), payload: { uscc: DEMO_UNBOUND_COMPANY.uscc.slice(0, 17) + (DEMO_UNBOUND_COMPANY.uscc.endsWith('7') ? '8' : '7') } });
    expect(badCheck.statusCode).toBe(400);
    expect(JSON.stringify(badCheck.json())).toMatch(/统一社会信用代码/);
  });

  it('lets the representative grant and revoke an agent, who acts for the company only while the grant lasts', async () => {
    const rep = await sid(account((a) => a.kind === 'person' && a.note?.includes('法定代表人 /') === true));
    const level3 = account((a) => a.kind === 'person' && a.level === 3);
    const level3Id = DEMO_RESIDENTS.find((r) => r.idNumber === level3.username)!;
    const agentSid = await sid(level3);
    const agents = `/api/v1/me/companies/${DEMO_COMPANY.uscc}/agents`;

    const granted = await t.inject({ method: 'POST', url: agents, headers: as(rep), payload: { agentName: level3Id.name, agentIdNumber: level3.username, validUntil: '2099-01-01' } });
    expect(granted.statusCode).toBe(400); // more than five years
    const grant = await t.inject({
      method: 'POST',
      url: agents,
      headers: as(rep),
      payload: { agentName: level3Id.name, agentIdNumber: level3.username, validUntil: `${new Date().getFullYear() + 1}-06-30`, itemCodes: ['11330106002493313X4000111700001'] },
    });
    expect(grant.statusCode).toBe(201);

    // The agent sees the company and may act for it; the portal's /me says so.
    expect((await me(agentSid)).companies.map((c: { uscc: string; role: string }) => [c.uscc, c.role])).toContainEqual([DEMO_COMPANY.uscc, 'agent']);
    const switched = await t.inject({ method: 'POST', url: '/api/v1/me/acting-as', headers: as(agentSid), payload: { uscc: DEMO_COMPANY.uscc } });
    expect(switched.json().actingAs).toEqual({ uscc: DEMO_COMPANY.uscc, name: DEMO_COMPANY.name, role: 'agent' });
    expect((await me(agentSid)).actingAs.role).toBe('agent');

    // The agent may not manage the company's grants; neither may anyone else.
    expect((await t.inject({ url: agents, headers: as(agentSid) })).statusCode).toBe(404);
    const listed = await t.inject({ url: agents, headers: as(rep) });
    const live = (listed.json().items as { id: string; live: boolean; agentIdNumberMasked: string }[]).find((g) => g.live && g.agentIdNumberMasked.endsWith(level3.username.slice(-4)))!;
    expect(listed.body).not.toContain(level3.username);
    expect((await t.inject({ method: 'DELETE', url: `${agents}/${live.id}`, headers: as(agentSid) })).statusCode).toBe(404);

    expect((await t.inject({ method: 'DELETE', url: `${agents}/${live.id}`, headers: as(rep) })).statusCode).toBe(204);
    // Revoked: the next request no longer acts for the company, and switching back to it is refused.
    expect((await me(agentSid)).actingAs).toBeNull();
    expect((await t.inject({ method: 'POST', url: '/api/v1/me/acting-as', headers: as(agentSid), payload: { uscc: DEMO_COMPANY.uscc } })).statusCode).toBe(403);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM platform.audit_log WHERE action IN ('identity.agent_granted', 'identity.agent_revoked', 'identity.acting_as_changed') ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['identity.agent_granted', 'identity.acting_as_changed', 'identity.agent_revoked']);
  });
});

describe('password reset', () => {
  it('sends a code to the verified phone, sets the new password and ends every session', async () => {
    const person = account((a) => a.kind === 'person' && a.level === 2 && a.note?.includes('经办人') === true);
    const resident = DEMO_RESIDENTS.find((r) => r.idNumber === person.username)!;
    const old = await sid(person);

    const unknown = await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { idNumber: person.username, phone: '13000000000' } });
    const known = await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { idNumber: person.username, phone: resident.phone } });
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json()); // the same answer either way
    const code = codeIn((await outbox())[0]!.body);

    const newPassword = '雷峰塔下的白娘子2026';
    const weak = await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { idNumber: person.username, code, password: 'password' } });
    expect(weak.statusCode).toBe(400);
    const done = await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { idNumber: person.username, code, password: newPassword } });
    expect(done.statusCode).toBe(200);

    expect((await t.inject({ url: '/api/v1/me', headers: as(old) })).statusCode).toBe(401);
    expect((await signIn(person.username, person.password)).statusCode).toBe(401);
    expect((await signIn(person.username, newPassword)).statusCode).toBe(200);
  });
});

describe('change password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const person = account((a) => a.kind === 'person' && a.level === 2 && a.note?.includes('实名认证') === true);
    const here = await sid(person);
    const elsewhere = await sid(person);
    const change = (body: Record<string, string>) => t.inject({ method: 'POST', url: '/api/v1/me/password', headers: as(here), payload: body });

    const wrong = await change({ currentPassword: 'not it', newPassword: '保俶塔上看西湖2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'body.currentPassword', code: 'wrong_password' });
    const weak = await change({ currentPassword: person.password, newPassword: '12345678' });
    expect(weak.json().errors[0].field).toBe('body.newPassword');

    const ok = await change({ currentPassword: person.password, newPassword: '保俶塔上看西湖2026' });
    expect(ok.json()).toMatchObject({ sessionsEnded: 1 });
    expect((await t.inject({ url: '/api/v1/me', headers: as(here) })).statusCode).toBe(200);
    expect((await t.inject({ url: '/api/v1/me', headers: as(elsewhere) })).statusCode).toBe(401);
    expect((await signIn(person.username, person.password)).statusCode).toBe(401);
    expect((await signIn(person.username, '保俶塔上看西湖2026')).statusCode).toBe(200);
  });
});

describe('e-mail', () => {
  it('verifies an e-mail address with a code and resets the password through it', async () => {
    const person = account((a) => a.kind === 'person' && a.note?.includes('尚未绑定') === true);
    const s = await sid(person);
    const bad = await t.inject({ method: 'POST', url: '/api/v1/me/email', headers: as(s), payload: { email: 'not-an-address' } });
    expect(bad.statusCode).toBe(400);
    const set = await t.inject({ method: 'POST', url: '/api/v1/me/email', headers: as(s), payload: { email: 'Li.Chaolin@Example.COM' } });
    expect(set.json().emailMasked).toBe('l***@example.com');
    const mail = (await outbox())[0]!;
    expect(mail).toMatchObject({ channel: 'email', recipient: 'l***@example.com' });

    // Unverified: a reset request through it sends nothing.
    const before = (await outbox()).length;
    await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { idNumber: person.username, email: 'li.chaolin@example.com' } });
    expect((await outbox()).length).toBe(before);

    expect((await t.inject({ method: 'POST', url: '/api/v1/me/email/confirm', headers: as(s), payload: { code: codeIn(mail.body) } })).statusCode).toBe(200);
    const sent = await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { idNumber: person.username, email: 'li.chaolin@example.com' } });
    expect(sent.statusCode).toBe(202);
    const resetMail = (await outbox())[0]!;
    expect(resetMail.channel).toBe('email');
    const password = '断桥残雪是西湖十景';
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { idNumber: person.username, code: codeIn(resetMail.body), password } })).statusCode).toBe(200);
    expect((await signIn(person.username, password)).statusCode).toBe(200);
  });
});

describe('authorization matrix', () => {
  const personOnly = [
    ['POST', '/api/v1/me/acting-as', { uscc: null }],
    ['POST', '/api/v1/me/phone/verification', undefined],
    ['POST', '/api/v1/me/real-name', {}],
    ['POST', '/api/v1/me/companies', { uscc: DEMO_COMPANY.uscc }],
    ['GET', `/api/v1/me/companies/${DEMO_COMPANY.uscc}/agents`, undefined],
  ] as const;

  it('answers 401 to anonymous callers of every account endpoint', async () => {
    for (const [method, url, payload] of [...personOnly, ['GET', '/api/v1/me', undefined], ['GET', '/api/v1/me/sessions', undefined], ['GET', '/api/v1/me/sign-ins', undefined]] as const) {
      const res = await t.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('answers 403 to staff on the citizen-only endpoints', async () => {
    const handler = account((a) => a.username === 'hz.scjg.handler');
    const challenge = (await signIn(handler.username, handler.password)).json().challenge;
    const s = sidOf(await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { challenge, totp: await generate({ secret: handler.totpSecret! }) } }))!;
    for (const [method, url, payload] of personOnly) {
      expect((await t.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) })).statusCode, `${method} ${url}`).toBe(403);
    }
    // Staff see their own sessions and sign-in history, including the TOTP step.
    const history = (await t.inject({ url: '/api/v1/me/sign-ins', headers: as(s) })).json();
    expect(history.items.map((e: { outcome: string }) => e.outcome).slice(0, 2)).toEqual(['success', 'totp_required']);
  });

  it("never shows one person another's sessions or history", async () => {
    const a = await sid(account((x) => x.kind === 'person' && x.level === 3));
    const b = await sid(account((x) => x.kind === 'person' && x.note?.includes('法定代表人 /') === true));
    const bSessions = (await t.inject({ url: '/api/v1/me/sessions', headers: as(b) })).json().items as { id: string }[];
    const aSessions = (await t.inject({ url: '/api/v1/me/sessions', headers: as(a) })).json().items as { id: string }[];
    expect(aSessions.map((s) => s.id)).not.toEqual(expect.arrayContaining([bSessions[0]!.id]));
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${bSessions[0]!.id}`, headers: as(a) })).statusCode).toBe(404);
    expect((await t.inject({ url: '/api/v1/me', headers: as(b) })).statusCode).toBe(200);
  });

  it('rejects malformed and over-long input with problem+json, never a 5xx', async () => {
    const malformed = await t.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/problem\+json/);
    const long = await signIn('x'.repeat(65), 'y');
    expect(long.statusCode).toBe(400);
    const badId = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: '李四', idNumber: '330106199003071011', phone: '13812345678', password: '钱塘江潮水每年八月' } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].message).toMatch(/公民身份号码无效/);
  });
});
