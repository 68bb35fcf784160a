/** The identity pages through HTTP: CSRF on every form, the sign-in form's errors, sessions revoked from the page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
});
afterAll(() => t?.close());

const idNumber = (serial: string) => {
  const first17 = `33010619850412${serial}`;
  return first17 + citizenIdCheckChar(first17);
};
/** The same number with a wrong check character. */
const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const PASSWORD = '钱塘江边的桂花树2026';

type Res = Awaited<ReturnType<TestApp['inject']>>;

/** A browser: keeps cookies between requests, like the real one. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly ip = '127.0.0.1') {}
  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(res: Res): Res {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  async get(url: string): Promise<Res> {
    return this.keep(await t.inject({ url, headers: { cookie: this.cookieHeader }, remoteAddress: this.ip }));
  }
  async post(url: string, fields: Record<string, string>): Promise<Res> {
    return this.keep(
      await t.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
        remoteAddress: this.ip,
      }),
    );
  }
  /** Open a page and send its form back with the page's CSRF token, like a person pressing the button. */
  async submit(page: string, action: string, fields: Record<string, string>): Promise<Res> {
    const html = (await this.get(page)).body;
    return this.post(action, { _csrf: csrfIn(html), ...fields });
  }
}

function csrfIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

const outboxCount = async () => ((await t.inject({ url: '/api/v1/dev/outbox' })).json().items as unknown[]).length;

async function registerViaApi(name: string, id: string, phone: string) {
  const res = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name, idNumber: id, phone, password: PASSWORD } });
  expect(res.statusCode).toBe(201);
}

async function signedInBrowser(id: string, ip = '127.0.0.1'): Promise<Browser> {
  const b = new Browser(ip);
  const res = await b.submit('/login', '/login', { username: id, password: PASSWORD });
  expect(res.statusCode).toBe(303);
  expect(b.cookies.get('sid')).toBeTruthy();
  return b;
}

describe('CSRF protection of the forms', () => {
  it('refuses a form post without a token or with a wrong one (403 page with a way back), and nothing changes', async () => {
    const b = new Browser();
    await b.get('/register');
    expect(b.cookies.get('csrf')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const id = idNumber('201');
    const fields = { name: '王五', idNumber: id, phone: '13900001111', password: PASSWORD };
    const before = await outboxCount();

    const none = await b.post('/register', fields);
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toMatch(/text\/html/);
    expect(none.body).toContain('为保护您的账户安全');
    expect(none.body).toContain('href="/register"');

    const wrong = await b.post('/register', { ...fields, _csrf: 'A'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    // A token of another browser does not do either.
    const other = new Browser();
    const otherToken = csrfIn((await other.get('/register')).body);
    expect((await b.post('/register', { ...fields, _csrf: otherToken })).statusCode).toBe(403);

    expect(await outboxCount()).toBe(before);
    const signIn = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password: PASSWORD } });
    expect(signIn.statusCode).toBe(401);

    const ok = await b.submit('/register', '/register', fields);
    expect(ok.statusCode).toBe(201);
    expect(ok.body).toContain('注册申请已受理');
    expect(await outboxCount()).toBe(before + 1);
  });

  it('answers in English for an English visitor', async () => {
    const b = new Browser();
    b.cookies.set('lang', 'en');
    await b.get('/login');
    const res = await b.post('/login', { username: 'x', password: 'y' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('To protect your account');
    expect(res.body).toContain('<html lang="en"');
  });

  it('keeps a session when the sign-out form comes without the token', async () => {
    const id = idNumber('202');
    await registerViaApi('赵六', id, '13900002222');
    const b = await signedInBrowser(id);
    expect((await b.post('/logout', {})).statusCode).toBe(403);
    expect((await b.get('/account')).statusCode).toBe(200);
    const out = await b.submit('/account', '/logout', {});
    expect(out.statusCode).toBe(303);
    expect(b.cookies.has('sid')).toBe(false);
    const after = await b.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/login?next=%2Faccount');
  });

  it('never keeps a page that sets the csrf cookie in the page cache', async () => {
    const first = await t.inject({ url: '/login' });
    const second = await t.inject({ url: '/login' });
    expect(first.headers['cache-control']).toBe('no-store');
    const tokenOf = (res: Res) => res.cookies.find((c) => c.name === 'csrf')?.value;
    expect(tokenOf(first)).toBeTruthy();
    expect(tokenOf(second)).toBeTruthy();
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    expect(csrfIn(second.body)).not.toBe(csrfIn(first.body));
  });
});

describe('sign-in and registration forms', () => {
  const id = idNumber('203');
  beforeAll(() => registerViaApi('孙七', id, '13900003333'));

  it('shows the same generic message for a wrong password and an unknown user, keeps the username, never the password', async () => {
    const b = new Browser('10.1.0.1');
    const wrong = await b.submit('/login', '/login', { username: id, password: 'not-the-password' });
    const unknown = await b.submit('/login', '/login', { username: idNumber('299'), password: 'not-the-password' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('用户名或密码错误');
      expect(res.body).toContain('role="alert"');
      expect(res.body).not.toContain('not-the-password');
    }
    expect(wrong.body).toContain(`value="${id}"`);
    expect(b.cookies.has('sid')).toBe(false);
  });

  it('says so on the form when the attempts meet the rate limit', async () => {
    const b = new Browser('10.1.0.2');
    const target = idNumber('204');
    let last: Res | undefined;
    for (let i = 0; i < 7 && last?.statusCode !== 429; i++) last = await b.submit('/login', '/login', { username: target, password: 'wrong-password' });
    expect(last!.statusCode).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatch(/尝试次数过多，请 \d+ 秒后再试/);
  });

  it('signs in and goes to a same-site next page only', async () => {
    const b = new Browser('10.1.0.3');
    const token = csrfIn((await b.get('/login?next=%2Faccount%2Fhistory')).body);
    const res = await b.post('/login', { _csrf: token, username: id.toLowerCase(), password: PASSWORD, next: '/account/history' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/history');
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');

    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const other = new Browser('10.1.0.4');
      const r = await other.submit('/login', '/login', { username: id, password: PASSWORD, next });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/account');
    }
  });

  it('gives a Chinese field error for an ID number with a wrong check character', async () => {
    const b = new Browser();
    const res = await b.submit('/register', '/register', { name: '周八', idNumber: withWrongCheck(idNumber('205')), phone: '13900005555', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<span class="field-error" id="idNumber-error">公民身份号码无效<\/span>/);
    expect(res.body).toMatch(/id="idNumber"[^>]*aria-invalid="true"/);
    expect(res.body).not.toContain(PASSWORD);
  });

  it('shows the account page with masked numbers and the level explained', async () => {
    const b = await signedInBrowser(id, '10.1.0.5');
    const res = await b.get('/account');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('孙七');
    expect(res.body).toContain(`3301**********${id.slice(-4)}`);
    expect(res.body).not.toContain(id);
    expect(res.body).toContain('0 级');
    expect(res.body).toContain('href="/account/verify-phone"');
    // The header shows who is signed in and a sign-out form.
    expect(res.body).toMatch(/action="\/logout"/);
  });
});

describe('sessions page', () => {
  const alice = idNumber('206');
  const bob = idNumber('207');
  beforeAll(async () => {
    await registerViaApi('吴九', alice, '13900006666');
    await registerViaApi('郑十', bob, '13900007777');
  });

  const sessionIdsIn = (html: string) => [...html.matchAll(/name="id" value="([0-9a-f]{64})"/g)].map((m) => m[1]!);

  it('lists my sessions with the current one marked and revokes another from the form', async () => {
    const phone = await signedInBrowser(alice, '10.2.0.1');
    const laptop = await signedInBrowser(alice, '10.2.0.2');
    const page = await laptop.get('/account/sessions');
    expect(page.statusCode).toBe(200);
    const ids = sessionIdsIn(page.body);
    expect(ids).toHaveLength(2);
    expect(page.body.match(/class="current-marker"/g)).toHaveLength(1);
    expect(page.body).toContain('10.2.0.1');

    // The phone's session is the row with its address.
    const phoneRow = page.body.split('<tr').find((row) => row.includes('10.2.0.1'))!;
    const phoneSession = sessionIdsIn(phoneRow)[0]!;
    const res = await laptop.post('/account/sessions/revoke', { _csrf: csrfIn(page.body), id: phoneSession });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sessions?notice=revoked');
    expect((await phone.get('/account')).statusCode).toBe(303);
    const after = await laptop.get('/account/sessions?notice=revoked');
    expect(sessionIdsIn(after.body)).toHaveLength(1);
    expect(after.body).toContain('已注销该会话');
  });

  it('does not let one person revoke another person’s session', async () => {
    const a = await signedInBrowser(alice, '10.2.0.3');
    const b = await signedInBrowser(bob, '10.2.0.4');
    const aliceSessions = sessionIdsIn((await a.get('/account/sessions')).body);
    const bobPage = await b.get('/account/sessions');
    const res = await b.post('/account/sessions/revoke', { _csrf: csrfIn(bobPage.body), id: aliceSessions[0]! });
    expect(res.statusCode).toBe(404);
    expect(sessionIdsIn((await a.get('/account/sessions')).body)).toEqual(aliceSessions);
    expect((await a.get('/account')).statusCode).toBe(200);
  });

  it('shows the sign-in history, newest first', async () => {
    const b = new Browser('10.2.0.5');
    await b.submit('/login', '/login', { username: bob, password: 'wrong-password' });
    await b.submit('/login', '/login', { username: bob, password: PASSWORD });
    const res = await b.get('/account/history');
    expect(res.statusCode).toBe(200);
    const outcomes = [...res.body.matchAll(/<td[^>]*>(登录成功|密码错误)<\/td>/g)].map((m) => m[1]);
    expect(outcomes[0]).toBe('登录成功');
    expect(outcomes).toContain('密码错误');
  });
});

describe('phone verification and password reset pages', () => {
  const id = idNumber('208');
  const phone = '13900008888';
  beforeAll(() => registerViaApi('冯十一', id, phone));

  const latestCode = async () => {
    const items = (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as { recipient: string; body: string }[];
    return items.find((m) => m.recipient === '139****8888' && /\d{6}/.test(m.body))!.body.match(/\d{6}/)![0];
  };

  it('verifies the phone with the code from the SMS (level 1); a wrong code is an error on the field', async () => {
    const b = await signedInBrowser(id, '10.3.0.1');
    const sent = await b.submit('/account/verify-phone', '/account/verify-phone/send', {});
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/account/verify-phone?notice=code-sent');
    const code = await latestCode();
    const wrong = await b.submit('/account/verify-phone', '/account/verify-phone', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/id="code-error">验证码不正确或已过期/);
    const ok = await b.submit('/account/verify-phone', '/account/verify-phone', { code });
    expect(ok.statusCode).toBe(303);
    const account = await b.get(ok.headers.location as string);
    expect(account.body).toContain('手机号码已验证');
    expect(account.body).toContain('<span class="level-badge">1 级</span>');
  });

  it('sets an e-mail address and verifies it with the code from the e-mail', async () => {
    const b = await signedInBrowser(id, '10.3.0.5');
    const bad = await b.submit('/account/email', '/account/email', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="email-error">/);
    const set = await b.submit('/account/email', '/account/email', { email: 'feng11@example.com' });
    expect(set.headers.location).toBe('/account/email?notice=email-code-sent');
    const page = await b.get(set.headers.location as string);
    expect(page.body).toContain('f***@example.com（未验证）');
    const items = (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as { recipient: string; body: string }[];
    const code = items.find((m) => m.recipient === 'f***@example.com')!.body.match(/\d{6}/)![0];
    const ok = await b.submit('/account/email', '/account/email/confirm', { code });
    expect(ok.headers.location).toBe('/account?notice=email-verified');
    const account = await b.get('/account');
    expect(account.body).toContain('f***@example.com（已验证）');
  });

  // After the test above: a reset code goes only to a verified phone.
  it('resets the password by SMS code and signs out every session', async () => {
    const signedIn = await signedInBrowser(id, '10.3.0.2');
    const b = new Browser('10.3.0.3');
    const requested = await b.submit('/password-reset', '/password-reset', { idNumber: id, phone });
    expect(requested.statusCode).toBe(200);
    expect(requested.body).toContain('name="code"');
    const newPassword = '新的密码在雷峰塔下2027';
    const done = await b.post('/password-reset/confirm', { _csrf: csrfIn(requested.body), idNumber: id, code: await latestCode(), password: newPassword });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('密码已重设');
    expect((await signedIn.get('/account')).statusCode).toBe(303);
    const again = new Browser('10.3.0.4');
    const res = await again.submit('/login', '/login', { username: id, password: newPassword });
    expect(res.statusCode).toBe(303);
  });

  it('asks for the phone or the e-mail on the reset form, and sends a code to a verified e-mail', async () => {
    const other = idNumber('209');
    await registerViaApi('卫十二', other, '13900007777');
    const signedIn = await signedInBrowser(other, '10.3.0.7');
    await signedIn.submit('/account/email', '/account/email', { email: 'wei12@example.com' });
    const outbox = async () => (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as { channel: string; recipient: string; body: string }[];
    const code = (await outbox()).find((m) => m.recipient === 'w***@example.com')!.body.match(/\d{6}/)![0];
    expect((await signedIn.submit('/account/email', '/account/email/confirm', { code })).statusCode).toBe(303);

    const b = new Browser('10.3.0.6');
    const neither = await b.submit('/password-reset', '/password-reset', { idNumber: other });
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toMatch(/id="phone-error">请填写已验证的手机号码或电子邮箱/);
    const byEmail = await b.submit('/password-reset', '/password-reset', { idNumber: other, email: 'wei12@example.com' });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.body).toContain('name="code"');
    const [latest] = await outbox();
    expect(latest).toMatchObject({ channel: 'email', recipient: 'w***@example.com' });
    expect(latest!.body).toMatch(/找回密码/);
  });

  it('answers a reset request for an unknown person exactly like a known one', async () => {
    const b = new Browser('10.3.0.5');
    const before = await outboxCount();
    const res = await b.submit('/password-reset', '/password-reset', { idNumber: idNumber('298'), phone: '13900009999' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="code"');
    expect(await outboxCount()).toBe(before);
  });
});
