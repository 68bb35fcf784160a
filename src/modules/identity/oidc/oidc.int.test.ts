/**
 * Single sign-on end to end: the app listens on a real port, openid-client 6 is the relying party,
 * and a small cookie-keeping "browser" (fetch, no redirects followed automatically) fills in the HTML
 * forms of the sign-in, step-up and consent pages, as a person would (test/support/oidc-rp.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { citizenIdCheckChar } from '../../../platform/checksums.js';
import { FieldCrypto } from '../../../platform/crypto.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { freePort } from '../../../../test/support/free-port.js';
import { Browser, formsOf, formWith, SsoFlow, type Started } from '../../../../test/support/oidc-rp.js';
import { addOidcClient, oidcClientInputSchema, rotateSigningKeys } from '../index.js';

const PASSWORD = '钱塘江边的大潮2026';
const idNumber = (serial: string) => {
  const first17 = `33010619850412${serial}`;
  return first17 + citizenIdCheckChar(first17);
};

describe('OpenID Connect provider (single sign-on)', () => {
  let t: TestApp;
  let base: string;
  let issuer: string;
  const fields = new FieldCrypto(Buffer.from('onestop-DEVELOPMENT-ONLY-key-32b', 'utf8'));
  const clients: Record<'a' | 'a2' | 'b' | 'pub', { clientId: string; clientSecret: string | null; redirect: string }> = {} as never;

  const alice = { id: idNumber('231'), name: '沈晓雯', phone: '13905710001' };
  const bob = { id: idNumber('245'), name: '陆一鸣', phone: '13905710002' };

  const api = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);

  async function register(person: { id: string; name: string; phone: string }) {
    const res = await api('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: person.name, idNumber: person.id, phone: person.phone, password: PASSWORD }),
    });
    expect(res.status).toBe(201);
  }

  async function addClient(name: string, sector: string, redirect: string, type: 'confidential' | 'public' = 'confidential') {
    const input = oidcClientInputSchema(false).parse({
      name,
      redirectUris: [redirect],
      postLogoutRedirectUris: [`${new URL(redirect).origin}/signed-out`],
      scopes: 'openid offline_access profile phone identity legal_person',
      sector,
      type,
    });
    const added = await addOidcClient({ db: t.db, fields }, input, { actor: 'test' });
    return { ...added, redirect };
  }

  let sso: SsoFlow;
  const who = (person: { id: string }) => ({ username: person.id, password: PASSWORD });
  const configOf = (c: { clientId: string; clientSecret: string | null }) => sso.config(c);
  const start = (browser: Browser, config: oidc.Configuration, c: { redirect: string }, extra: Record<string, string> = {}) => sso.start(browser, config, c, extra);
  const follow = (browser: Browser, res: Response) => sso.follow(browser, res);
  const signInOnPage = (browser: Browser, page: string, person: { id: string }) => sso.signIn(browser, page, who(person));
  const consentOnPage = (browser: Browser, page: string) => sso.consent(browser, page);
  const authorize = (browser: Browser, person: { id: string }, started: Started) => sso.authorize(browser, who(person), started);
  const exchange = (config: oidc.Configuration, started: Started, callback: URL) => sso.exchange(config, started, callback);

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    issuer = `${base}/oidc`;
    sso = new SsoFlow(base);
    t = await createTestApp({ seed: 'empty', env: { ONESTOP_PUBLIC_URL: base } });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    await register(alice);
    await register(bob);
    clients.a = await addClient('浙江省税务服务系统', 'tax.example', 'https://tax.example/cb');
    clients.a2 = await addClient('税务移动办', 'tax.example', 'https://m.tax.example/cb');
    clients.b = await addClient('公积金服务系统', 'fund.example', 'https://fund.example/cb');
    clients.pub = await addClient('掌上办事', 'app.example', 'https://app.example/cb', 'public');
  });
  afterAll(() => t?.close());

  it('publishes discovery: PKCE S256 only, pairwise subjects, the onestop scopes and assurance levels', async () => {
    const config = await configOf(clients.a);
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(issuer);
    expect(meta.authorization_endpoint).toBe(`${issuer}/auth`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.subject_types_supported).toEqual(['pairwise']);
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'phone', 'identity', 'legal_person', 'offline_access']));
    expect(meta.acr_values_supported).toEqual(['urn:onestop:loa:0', 'urn:onestop:loa:1', 'urn:onestop:loa:2', 'urn:onestop:loa:3']);
    expect(meta.end_session_endpoint).toBe(`${issuer}/session/end`);
    const jwks = (await (await api('/oidc/jwks')).json()) as { keys: { kid: string; d?: string; alg: string }[] };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true); // public halves only
  });

  let aliceBrowser: Browser;
  let aliceTokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  let aliceSubA: string;

  it('signs in through the form, asks consent in plain Chinese, exchanges the code with PKCE and validates the ID token', async () => {
    aliceBrowser = new Browser();
    const config = await configOf(clients.a);
    // offline_access (a refresh token) needs prompt=consent (OpenID Connect Core 11).
    const started = await start(aliceBrowser, config, clients.a, { prompt: 'consent' });

    const signInPage = await follow(aliceBrowser, started.res);
    expect(signInPage.url).toMatch(/\/oidc\/interaction\/[\w-]+$/);
    expect(signInPage.page).toContain('浙江省税务服务系统');
    const form = formWith(signInPage.page!, 'username');
    expect(Object.keys(form.fields)).toEqual(expect.arrayContaining(['_csrf', 'username', 'password']));
    // Browsers check form-action on the redirects after the post: the client's origin is allowed, nothing else.
    const again = await aliceBrowser.request(signInPage.url);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(again.headers.get('content-security-policy')).toMatch(/form-action 'self' https:\/\/tax\.example(;|$)/);

    const consent = await signInOnPage(aliceBrowser, signInPage.page!, alice);
    expect(aliceBrowser.has('sid')).toBe(true); // signing in here signs in to the portal too
    expect(consent.page).toContain('授权确认');
    expect(consent.page).toContain('您的姓名');
    expect(consent.page).toContain(alice.name);
    expect(consent.page).toContain('138****'.replace('138', alice.phone.slice(0, 3)));
    expect(consent.page).toContain('脱敏的身份证号');
    expect(consent.page).not.toContain(alice.id);
    expect(consent.page).not.toContain('企业名称'); // legal_person was not asked for

    const done = await consentOnPage(aliceBrowser, consent.page!);
    expect(done.callback!.origin + done.callback!.pathname).toBe('https://tax.example/cb');
    aliceTokens = await exchange(config, started, done.callback!);
    const claims = aliceTokens.claims()!;
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe(clients.a.clientId);
    expect(claims.acr).toBe('urn:onestop:loa:0');
    expect(claims.sub).toMatch(/^[0-9a-f]{64}$/);
    aliceSubA = claims.sub;
    expect(aliceTokens.refresh_token).toBeTruthy();

    const info = await oidc.fetchUserInfo(config, aliceTokens.access_token, claims.sub);
    expect(info).toMatchObject({
      sub: claims.sub,
      name: alice.name,
      phone_number: `+86${alice.phone}`,
      phone_number_verified: false,
      id_number_masked: `3301**********${alice.id.slice(-4)}`,
      onestop_level: 0,
    });
    expect(JSON.stringify(info)).not.toContain(alice.id);

    const audit = await t.db.query<{ action: string; subject: string }>("SELECT action, subject FROM platform.audit_log WHERE action LIKE 'identity.oidc_%' ORDER BY id");
    expect(audit).toContainEqual({ action: 'identity.oidc_consent_granted', subject: `oidc-client:${clients.a.clientId}` });
  });

  it('remembers the consent: the next sign-in of that system goes straight back with a code', async () => {
    const config = await configOf(clients.a);
    const started = await start(aliceBrowser, config, clients.a);
    const step = await follow(aliceBrowser, started.res);
    expect(step.callback).toBeDefined();
    const tokens = await exchange(config, started, step.callback!);
    expect(tokens.claims()!.sub).toBe(aliceSubA); // stable
  });

  it('rotates refresh tokens: the new one works, the used one is refused', async () => {
    const config = await configOf(clients.a);
    const first = aliceTokens.refresh_token!;
    const refreshed = await oidc.refreshTokenGrant(config, first);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(first);
    expect(refreshed.claims()!.sub).toBe(aliceSubA);
    await expect(oidc.refreshTokenGrant(config, first)).rejects.toMatchObject({ error: 'invalid_grant' });
    // Reuse means the token leaked: the whole grant ends, the newest refresh token with it.
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('gives each sector its own stable pairwise sub, the same within a sector', async () => {
    const inSector = await configOf(clients.a2);
    const s1 = await start(aliceBrowser, inSector, clients.a2);
    const subA2 = (await exchange(inSector, s1, await authorize(aliceBrowser, alice, s1))).claims()!.sub;
    expect(subA2).toBe(aliceSubA);

    const other = await configOf(clients.b);
    const s2 = await start(aliceBrowser, other, clients.b);
    const subB = (await exchange(other, s2, await authorize(aliceBrowser, alice, s2))).claims()!.sub;
    expect(subB).toMatch(/^[0-9a-f]{64}$/);
    expect(subB).not.toBe(aliceSubA);

    const bobBrowser = new Browser();
    const s3 = await start(bobBrowser, other, clients.b);
    const bobSub = (await exchange(other, s3, await authorize(bobBrowser, bob, s3))).claims()!.sub;
    expect(bobSub).not.toBe(subB);
  });

  it('serves a public client with PKCE and no secret', async () => {
    const config = await configOf(clients.pub);
    const started = await start(aliceBrowser, config, clients.pub);
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, started));
    expect(tokens.claims()!.sub).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the access token as Authorization: Bearer on GET /api/v1/me, and refuses a made-up one', async () => {
    const config = await configOf(clients.a);
    const started = await start(aliceBrowser, config, clients.a);
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, started));
    const me = await api('/api/v1/me', { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: alice.name, level: 0 });
    const bad = await api('/api/v1/me', { headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(bad.status).toBe(401);
  });

  it('steps up for acr_values: below the level, the user verifies the phone and comes back; the ID token says loa:1', async () => {
    const config = await configOf(clients.a);
    const started = await start(aliceBrowser, config, clients.a, { acr_values: 'urn:onestop:loa:1' });
    const stepUp = await follow(aliceBrowser, started.res);
    expect(stepUp.page).toContain('需要提升认证等级');
    const interaction = new URL(stepUp.url).pathname;
    expect(stepUp.page).toContain(`/account/verify-phone?next=${encodeURIComponent(interaction)}`);

    // The person verifies the phone on the portal (the API the verify-phone page uses) …
    const sid = [...aliceBrowser.cookies.entries()].find(([key]) => key.startsWith('sid|'))![1].value;
    const send = await api('/api/v1/me/phone/verification', { method: 'POST', headers: { cookie: `sid=${sid}` } });
    expect(send.status).toBe(202);
    const outbox = (await (await api('/api/v1/dev/outbox')).json()) as { items: { body: string }[] };
    const code = /\d{6}/.exec(outbox.items[0]!.body)![0];
    const confirm = await api('/api/v1/me/phone/verification/confirm', {
      method: 'POST',
      headers: { cookie: `sid=${sid}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(confirm.status).toBe(200);

    // … and comes back to the interaction, which now lets them through.
    const back = await aliceBrowser.request(`${base}${interaction}`);
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, { ...started, res: back }));
    expect(tokens.claims()!.acr).toBe('urn:onestop:loa:1');
  });

  it('ends the session with RP-initiated logout and returns to the registered post-logout URI', async () => {
    const config = await configOf(clients.a);
    const started = await start(aliceBrowser, config, clients.a);
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, started));
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://tax.example/signed-out', state: 'bye' });
    const confirmRes = await aliceBrowser.request(end.href);
    expect(confirmRes.headers.get('content-security-policy')).toMatch(/form-action 'self' https:\/\/tax\.example(;|$)/);
    const confirmPage = { page: await confirmRes.text() };
    expect(confirmPage.page).toContain('退出登录');
    const form = formsOf(confirmPage.page!).find((f) => f.action.includes('/oidc/session/end/confirm'))!;
    const out = await aliceBrowser.request(new URL(form.action, base).href, { form: { ...form.fields, logout: 'yes' } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('https://tax.example/signed-out?state=bye');
    expect(aliceBrowser.has('sid')).toBe(false); // the portal session ended too

    // Signed out everywhere: the next authorization asks to sign in again; the consent is still remembered.
    const again = await start(aliceBrowser, config, clients.a);
    const page = await follow(aliceBrowser, again.res);
    expect(page.page).toContain('name="username"');
    const back = await signInOnPage(aliceBrowser, page.page!, alice);
    expect(back.callback).toBeDefined();
  });

  it('revokes a consent from the account: tokens stop working and the system must ask again', async () => {
    const config = await configOf(clients.b);
    const started = await start(aliceBrowser, config, clients.b, { prompt: 'consent' });
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, started));
    expect(tokens.refresh_token).toBeTruthy();
    const sid = [...aliceBrowser.cookies.entries()].find(([key]) => key.startsWith('sid|'))![1].value;
    const list = (await (await api('/api/v1/me/consents', { headers: { cookie: `sid=${sid}` } })).json()) as { items: { id: string; clientId: string; scopes: string[] }[] };
    const consent = list.items.find((c) => c.clientId === clients.b.clientId)!;
    expect(consent.scopes).toEqual(expect.arrayContaining(['openid', 'profile']));
    // A Bearer token cannot revoke consents; another person cannot see this one.
    expect((await api(`/api/v1/me/consents/${consent.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(403);

    const del = await api(`/api/v1/me/consents/${consent.id}`, { method: 'DELETE', headers: { cookie: `sid=${sid}` } });
    expect(del.status).toBe(204);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await api('/api/v1/me', { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);

    const again = await start(aliceBrowser, config, clients.b);
    const page = await follow(aliceBrowser, again.res);
    expect(page.page).toContain('/confirm"');
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'identity.oidc_consent_revoked'");
    expect(audit[0]!.n).toBe(1);
  });

  describe('bad input', () => {
    it('shows the error page for an unregistered redirect URI and never redirects to it', async () => {
      const browser = new Browser();
      const config = await configOf(clients.a);
      const started = await start(browser, config, { redirect: 'https://evil.example/cb' });
      expect(started.res.status).toBe(400);
      expect(started.res.headers.get('location')).toBeNull();
      const html = await started.res.text();
      expect(html).toContain('登录请求无法处理');
      expect(html).not.toContain('evil.example');
    });

    it('refuses an authorization request without PKCE, or with the plain method', async () => {
      const browser = new Browser();
      const config = await configOf(clients.a);
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: clients.a.redirect, scope: 'openid', state: 's' });
      const res = await browser.request(url.href);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin).toBe('https://tax.example');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();

      const plain = oidc.buildAuthorizationUrl(config, { redirect_uri: clients.a.redirect, scope: 'openid', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
      const res2 = await browser.request(plain.href);
      expect(new URL(res2.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    });

    it('refuses a code exchange with the wrong PKCE verifier', async () => {
      const config = await configOf(clients.a);
      const started = await start(aliceBrowser, config, clients.a);
      const callback = await authorize(aliceBrowser, alice, started);
      await expect(oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: started.state })).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('answers a wrong password on the interaction form with the form again, not a 5xx', async () => {
      const browser = new Browser();
      const config = await configOf(clients.a);
      const started = await start(browser, config, clients.a);
      const page = await follow(browser, started.res);
      const form = formWith(page.page!, 'username');
      const res = await browser.request(new URL(form.action, base).href, { form: { ...form.fields, username: alice.id, password: 'wrong-password-1' } });
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain('用户名或密码错误');
      expect(html).toContain('name="username"');
    });

    it('refuses the interaction form without its CSRF token', async () => {
      const browser = new Browser();
      const config = await configOf(clients.a);
      const started = await start(browser, config, clients.a);
      const page = await follow(browser, started.res);
      const form = formWith(page.page!, 'username');
      const { _csrf: _ignored, ...rest } = form.fields;
      const res = await browser.request(new URL(form.action, base).href, { form: { ...rest, username: alice.id, password: PASSWORD } });
      expect(res.status).toBe(403);
    });
  });

  it('rotates the signing key: new ID tokens carry the new kid, the retired key stays published', async () => {
    const rotated = await rotateSigningKeys({ db: t.db, fields }, 'test');
    expect(rotated.retired.length).toBe(1);
    // The running provider reloads its keys when it sees the new key set (it looks at most once a second).
    let kids: string[] = [];
    for (let attempt = 0; attempt < 50 && !kids.includes(rotated.kid); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      kids = ((await (await api('/oidc/jwks')).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    }
    expect(kids).toEqual(expect.arrayContaining([rotated.kid, ...rotated.retired]));

    const config = await configOf(clients.a);
    const started = await start(aliceBrowser, config, clients.a);
    const tokens = await exchange(config, started, await authorize(aliceBrowser, alice, started));
    const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString()) as { kid: string; alg: string };
    expect(header).toMatchObject({ kid: rotated.kid, alg: 'RS256' });
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'identity.oidc_signing_key_rotated'");
    expect(audit[0]!.n).toBe(1);
  });
});
