import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
});
afterAll(() => t?.close());

/** A valid ID number born on 1990-03-07 in 330106, with serial `serial` (3 digits). */
const idNumber = (serial: string) => {
  const first17 = `33010619900307${serial}`;
  return first17 + citizenIdCheckChar(first17);
};
const PASSWORD = '西湖边的三棵柳树2026';

const register = (body: Record<string, string>) => t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
const login = (username: string, password: string, ip = '127.0.0.1') =>
  t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const sidOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'sid')?.value;
const withSid = (sid: string | undefined) => ({ cookie: `sid=${sid}` });
const outbox = async () => (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as { recipient: string; body: string }[];

describe('identity: register, sign in, sessions', () => {
  const id = idNumber('101');

  it('registers, signs in with flagged cookie, shows the masked account, lists and revokes sessions, signs out', async () => {
    const reg = await register({ name: '张三', idNumber: id, phone: '13812345678', password: PASSWORD });
    expect(reg.statusCode).toBe(201);
    expect(reg.json().message).toMatch(/请查收短信/);
    expect((await outbox())[0]).toMatchObject({ recipient: '138****5678' });

    const first = await login(id, PASSWORD);
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((c) => c.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // Secure only in production
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await t.inject({ url: '/api/v1/me', headers: withSid(cookie.value) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: '张三', idNumberMasked: `3301**********${id.slice(-4)}`, phoneMasked: '138****5678', level: 0 });
    expect(me.body).not.toContain(id);

    const second = sidOf(await login(id.toLowerCase(), PASSWORD, '10.0.0.2'));
    const sessions = await t.inject({ url: '/api/v1/me/sessions', headers: withSid(cookie.value) });
    const items = sessions.json().items as { id: string; current: boolean; ip: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    // Only the hash of a token is kept: no listed id is a cookie value.
    expect(items.map((s) => s.id)).not.toContain(cookie.value);

    const other = items.find((s) => !s.current)!;
    expect(other.ip).toBe('10.0.0.2');
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: withSid(cookie.value) })).statusCode).toBe(204);
    expect((await t.inject({ url: '/api/v1/me', headers: withSid(second) })).statusCode).toBe(401);

    const out = await t.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: withSid(cookie.value) });
    expect(out.statusCode).toBe(204);
    expect((await t.inject({ url: '/api/v1/me', headers: withSid(cookie.value) })).statusCode).toBe(401);

    const audit = await t.db.query<{ action: string; detail: unknown }>(
      "SELECT action, detail FROM platform.audit_log WHERE action LIKE 'identity.%' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual([
      'identity.person_registered',
      'identity.signed_in',
      'identity.signed_in',
      'identity.session_revoked',
      'identity.signed_out',
    ]);
    expect(JSON.stringify(audit)).not.toContain(id);
  });

  it('stores no plaintext ID number or phone', async () => {
    const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM identity.person');
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(0, 17));
    expect(text).not.toContain('13812345678');
    expect(String(rows[0]!.id_number_enc)).toMatch(/^v1:/);
  });

  it('refuses a wrong check character with a Chinese field error', async () => {
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const res = await register({ name: '李四', idNumber: bad, phone: '13900000000', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'body.idNumber', message: expect.stringContaining('公民身份号码无效') }));
  });

  it('refuses a common password', async () => {
    const res = await register({ name: '李四', idNumber: idNumber('102'), phone: '13900000000', password: 'woaini1314' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'body.password', code: 'password_too_common' }));
  });

  it('answers a duplicate registration exactly like a new one and sends the owner a recovery SMS', async () => {
    const fresh = await register({ name: '王五', idNumber: idNumber('103'), phone: '13700000001', password: PASSWORD });
    const duplicate = await register({ name: '冒名者', idNumber: id, phone: '13600000002', password: 'another password 1' });
    expect(duplicate.statusCode).toBe(fresh.statusCode);
    expect(duplicate.json()).toEqual(fresh.json());
    const [latest] = await outbox();
    expect(latest).toMatchObject({ recipient: '138****5678' }); // the owner, not the caller's phone
    expect(latest!.body).toMatch(/已有账户/);
    // The owner's password still works; the duplicate's does not.
    expect((await login(id, 'another password 1', '10.0.0.9')).statusCode).toBe(401);
    expect((await login(id, PASSWORD, '10.0.0.9')).statusCode).toBe(200);
  });

  it('gives one generic error for an unknown user and a wrong password', async () => {
    const unknown = await login(idNumber('199'), PASSWORD, '10.0.1.1');
    const wrong = await login(id, 'not the password', '10.0.1.1');
    for (const res of [unknown, wrong]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', detail: expect.stringContaining('用户名或密码错误') });
    }
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('meets repeated failures with 429 and Retry-After, per account even from changing addresses', async () => {
    const target = idNumber('104');
    await register({ name: '赵六', idNumber: target, phone: '13500000003', password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await login(target, `wrong password ${i}`, `10.0.2.${i}`)).statusCode).toBe(401);
    const limited = await login(target, PASSWORD, '10.0.2.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(30);
  });

  it('lets nobody revoke or see another person’s session', async () => {
    const mine = sidOf(await login(id, PASSWORD, '10.0.3.1'));
    const theirsId = idNumber('105');
    await register({ name: '钱七', idNumber: theirsId, phone: '13400000004', password: PASSWORD });
    const theirs = sidOf(await login(theirsId, PASSWORD, '10.0.3.2'));
    const theirSessions = (await t.inject({ url: '/api/v1/me/sessions', headers: withSid(theirs) })).json().items as { id: string }[];
    const mySessions = (await t.inject({ url: '/api/v1/me/sessions', headers: withSid(mine) })).json().items as { id: string }[];
    expect(mySessions.map((s) => s.id)).not.toContain(theirSessions[0]!.id);

    const attempt = await t.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${theirSessions[0]!.id}`, headers: withSid(mine) });
    expect(attempt.statusCode).toBe(404);
    expect((await t.inject({ url: '/api/v1/me', headers: withSid(theirs) })).statusCode).toBe(200);
  });

  it('needs a session for /me', async () => {
    expect((await t.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await t.inject({ url: '/api/v1/me', headers: withSid('forged-token') })).statusCode).toBe(401);
    expect((await t.inject({ url: '/api/v1/me/sessions' })).statusCode).toBe(401);
  });

  it('puts the identity routes in the OpenAPI document', async () => {
    const doc = (await t.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me', '/api/v1/me/sessions/{id}']));
  });
});
