/**
 * Single sign-on with the demo accounts: a company user gets the `legal_person` claims of the company
 * they act for (and the same pairwise sub as for themselves), staff sign in with password and TOTP
 * through the same form, and the platform admin registers a system on /admin/oidc/clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import * as oidc from 'openid-client';
import { createTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/free-port.js';
import { Browser, formWith, SsoFlow, type RegisteredClient } from '../support/oidc-rp.js';
import { DEMO_COMPANY, demoTotpSecret, listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';
import { addOidcClient, oidcClientInputSchema } from '../../src/modules/identity/index.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { loadConfig } from '../../src/platform/config.js';

describe('single sign-on with company and staff accounts (demo data)', () => {
  let t: TestApp;
  let sso: SsoFlow;
  let accounts: DemoAccount[];
  let client: RegisteredClient;
  const fields = new FieldCrypto(loadConfig({ NODE_ENV: 'test' }).dataKey);
  const totpOf = (login: string) => () => generate({ secret: demoTotpSecret(login) });

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ seed: 'demo', env: { ONESTOP_PUBLIC_URL: base } });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    sso = new SsoFlow(base);
    accounts = await listDemoAccounts(t.db);
    const input = oidcClientInputSchema(false).parse({
      name: '企业开办一网通',
      redirectUris: ['https://biz.example/cb'],
      scopes: 'openid profile identity legal_person',
      sector: 'biz.example',
    });
    client = { ...(await addOidcClient({ db: t.db, fields }, input, { actor: 'test' })), redirect: 'https://biz.example/cb' };
  });
  afterAll(() => t?.close());

  const scope = 'openid profile identity legal_person';

  it('gives the legal_person claims of the company signed in with its USCC, and the representative’s own sub', async () => {
    const company = accounts.find((a) => a.kind === 'company' && a.username === DEMO_COMPANY.uscc)!;
    const config = await sso.config(client);
    const browser = new Browser();
    const started = await sso.start(browser, config, client, { scope });
    const consent = await sso.signIn(browser, (await sso.follow(browser, started.res)).page!, { username: company.username, password: company.password });
    expect(consent.page).toContain(DEMO_COMPANY.name); // the consent screen names the company that will be shared
    const tokens = await sso.exchange(config, started, (await sso.consent(browser, consent.page!)).callback!);
    const sub = tokens.claims()!.sub;
    const info = await oidc.fetchUserInfo(config, tokens.access_token, sub);
    expect(info).toMatchObject({ uscc: DEMO_COMPANY.uscc, company_name: DEMO_COMPANY.name, company_role: 'representative', onestop_level: 2 });

    // The same person signed in with their own ID number: another account id, the same pairwise sub, no company.
    const representative = accounts.find((a) => a.kind === 'person' && a.username === DEMO_COMPANY.representativeIdNumber)!;
    const own = new Browser();
    const again = await sso.start(own, config, client, { scope });
    const ownTokens = await sso.exchange(config, again, await sso.authorize(own, { username: representative.username, password: representative.password }, again));
    expect(ownTokens.claims()!.sub).toBe(sub);
    const ownInfo = await oidc.fetchUserInfo(config, ownTokens.access_token, sub);
    expect(ownInfo.uscc).toBeUndefined();
    expect(ownInfo.name).toBe(representative.name);
  });

  it('follows the company the person switches to at the portal: the next sign-in carries it, with the same sub', async () => {
    const representative = accounts.find((a) => a.kind === 'person' && a.username === DEMO_COMPANY.representativeIdNumber)!;
    const creds = { username: representative.username, password: representative.password };
    const config = await sso.config(client);
    const browser = new Browser();
    const first = await sso.start(browser, config, client, { scope });
    const own = await sso.exchange(config, first, await sso.authorize(browser, creds, first));
    const sub = own.claims()!.sub;
    expect((await oidc.fetchUserInfo(config, own.access_token, sub)).uscc).toBeUndefined();

    const switched = await fetch(`${sso.base}/api/v1/me/acting-as`, {
      method: 'POST',
      headers: { cookie: `sid=${browser.cookie('sid')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uscc: DEMO_COMPANY.uscc }),
    });
    expect(switched.status).toBe(200);

    // The provider signs its own session out to switch accounts (an auto-submitting form) and goes on
    // with the portal's account: no password is asked (the company identity's consent was given in
    // the first test), and the portal session stays.
    const second = await sso.start(browser, config, client, { scope });
    const switchOut = await sso.follow(browser, second.res);
    const back = await sso.submit(browser, formWith(switchOut.page!, 'xsrf'));
    expect(back.callback).toBeDefined();
    expect(browser.has('sid')).toBe(true);
    const acting = await sso.exchange(config, second, back.callback!);
    expect(acting.claims()!.sub).toBe(sub);
    expect(await oidc.fetchUserInfo(config, acting.access_token, sub)).toMatchObject({ uscc: DEMO_COMPANY.uscc, company_role: 'representative' });
  });

  it('signs staff in with password then TOTP on the same form; their ID token says level 3', async () => {
    const staff = accounts.find((a) => a.kind === 'staff' && a.roles?.includes('supervisor'))!;
    const config = await sso.config(client);
    const browser = new Browser();
    const started = await sso.start(browser, config, client, { scope: 'openid profile', acr_values: 'urn:onestop:loa:3' });
    const first = await sso.submit(browser, formWith((await sso.follow(browser, started.res)).page!, 'username'), { username: staff.username, password: staff.password });
    expect(first.page).toContain('name="totp"');
    expect(first.page).toContain('name="challenge"');
    const wrong = await sso.submit(browser, formWith(first.page!, 'totp'), { totp: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.page).toContain('name="totp"');
    const consent = await sso.submit(browser, formWith(wrong.page!, 'totp'), { totp: await totpOf(staff.username)() });
    const tokens = await sso.exchange(config, started, (await sso.consent(browser, consent.page!)).callback!);
    expect(tokens.claims()!.acr).toBe('urn:onestop:loa:3');
    expect((await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).name).toBe(staff.name);
  });

  describe('/admin/oidc/clients', () => {
    let admin: Browser;

    beforeAll(async () => {
      const account = accounts.find((a) => a.kind === 'staff' && a.roles?.includes('platform_admin'))!;
      admin = new Browser();
      const login = await fetch(`${sso.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password, totp: await totpOf(account.username)() }),
      });
      expect(login.status).toBe(200);
      const sid = login.headers.getSetCookie().find((c) => c.startsWith('sid='))!.split(';')[0]!.slice(4);
      admin.cookies.set('sid|/', { value: sid, path: '/' });
    });

    it('lists the systems and registers one through the form, showing the secret once', async () => {
      const page = await admin.request(`${sso.base}/admin/oidc/clients`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(client.clientId);
      const form = formWith(html, 'sector');
      const added = await sso.submit(admin, form, {
        name: '不动产登记',
        redirectUris: 'https://land.example/cb\nhttps://land.example/cb2',
        postLogoutRedirectUris: '',
        scopes: ['openid', 'profile'],
        sector: 'land.example',
        type: 'confidential',
      });
      expect(added.status).toBe(201);
      const clientId = /<code>(os_[\w-]+)<\/code>/.exec(added.page!)![1]!;
      const secret = /<code>([\w-]{43})<\/code>/.exec(added.page!)![1]!;
      const config = await sso.config({ clientId, clientSecret: secret });
      expect(config.clientMetadata().client_id).toBe(clientId);
      const audit = await t.db.query<{ actor: string }>("SELECT actor FROM platform.audit_log WHERE action = 'identity.oidc_client_added' AND subject = $1", [`oidc-client:${clientId}`]);
      expect(audit[0]!.actor).toMatch(/^staff:/);
    });

    it('answers bad input with the form and its field errors', async () => {
      const form = formWith(await (await admin.request(`${sso.base}/admin/oidc/clients`)).text(), 'sector');
      const res = await sso.submit(admin, form, { name: 'x', redirectUris: 'ftp://nope', scopes: ['profile'], sector: 'Not a host!', type: 'public' });
      expect(res.status).toBe(400);
      expect(res.page).toContain('网址无效');
      expect(res.page).toContain('必须包含 openid');
      expect(res.page).toContain('aria-invalid="true"');
    });

    it('is for platform admins only', async () => {
      expect((await new Browser().request(`${sso.base}/admin/oidc/clients`)).status).toBe(303);
      const other = accounts.find((a) => a.kind === 'person')!;
      const login = await fetch(`${sso.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: other.username, password: other.password }),
      });
      const sid = login.headers.getSetCookie().find((c) => c.startsWith('sid='))!.split(';')[0]!;
      expect((await fetch(`${sso.base}/admin/oidc/clients`, { headers: { cookie: sid }, redirect: 'manual' })).status).toBe(403);
      expect((await fetch(`${sso.base}/api/v1/admin/oidc/clients`, { headers: { cookie: sid } })).status).toBe(403);
    });
  });
});
