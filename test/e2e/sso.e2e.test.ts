/**
 * Single sign-on in a real browser, with an accessibility check (axe, WCAG 2.2 AA) on every onestop
 * page of the flow: sign-in → consent → back at the system (Chromium follows the redirects after the
 * form posts, so the CSP's form-action is tested for real); step-up and cancelling it; RP-initiated
 * logout; the error page for an unregistered redirect URI; the platform admin's clients page.
 * In zh-CN, English and elder mode, at 375 px and 1280 px. Runs Debian's Chromium.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generate } from 'otplib';
import * as oidc from 'openid-client';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectGoodPage, hasChromium, launchChromium, openPage, signIn, VARIANTS } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import { SsoFlow } from '../support/oidc-rp.js';
import { demoTotpSecret, listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';
import { addOidcClient, oidcClientInputSchema } from '../../src/modules/identity/index.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { loadConfig } from '../../src/platform/config.js';

const JOURNEY_MS = 180_000;
/** The relying party: a stub page server the browser reaches under this name (--host-resolver-rules). */
const RP_HOST = 'sso-rp.example';

describe.skipIf(!hasChromium)('single sign-on journeys (Chromium + axe)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let config: oidc.Configuration;
  let accounts: DemoAccount[];
  let RP: string;
  let rpServer: http.Server;

  beforeAll(async () => {
    const rpPort = await freePort();
    RP = `http://${RP_HOST}:${rpPort}`;
    rpServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>RP</title><p>RP</p>'));
    await new Promise<void>((resolve) => rpServer.listen(rpPort, '127.0.0.1', resolve));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ seed: 'demo', env: { ONESTOP_PUBLIC_URL: base } });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    accounts = await listDemoAccounts(t.db);
    const fields = new FieldCrypto(loadConfig({ NODE_ENV: 'test' }).dataKey);
    const input = oidcClientInputSchema(false).parse({
      name: '浙江省医保服务系统',
      redirectUris: [`${RP}/cb`],
      postLogoutRedirectUris: [`${RP}/signed-out`],
      scopes: 'openid profile phone identity',
      sector: RP_HOST,
    });
    const client = await addOidcClient({ db: t.db, fields }, input, { actor: 'test' });
    config = await new SsoFlow(base).config(client);
    browser = await launchChromium([`--host-resolver-rules=MAP ${RP_HOST} 127.0.0.1`]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rpServer?.close();
  });

  async function authorizationUrl(extra: Record<string, string> = {}): Promise<string> {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${RP}/cb`,
      scope: 'openid profile phone identity',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      state: oidc.randomState(),
      ...extra,
    });
    return url.href;
  }

  for (const variant of VARIANTS) {
    it(`signs in, consents, steps up (cancelled) and signs out: ${variant.name}`, { timeout: JOURNEY_MS }, async () => {
      const person = accounts.find((a) => a.kind === 'person' && a.level === 2)!;
      const page = await openPage(browser, base, variant);

      await page.goto(await authorizationUrl({ prompt: 'consent' }));
      expect(page.url()).toMatch(/\/oidc\/interaction\//);
      await expectGoodPage(page, variant);
      await signIn(page, person.username, person.password, 'form[action$="/login"]');
      await page.waitForURL(/\/oidc\/interaction\//);
      expect(await page.locator('form[action$="/confirm"]').count()).toBe(1);
      await expectGoodPage(page, variant);
      await Promise.all([page.waitForURL(`${RP}/cb?**`), page.click('form[action$="/confirm"] button')]);
      expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();

      // Level 3 asked for: the step-up page; cancelling returns access_denied to the system.
      await page.goto(await authorizationUrl({ acr_values: 'urn:onestop:loa:3' }));
      expect(await page.locator('form[action$="/abort"]').count()).toBe(1);
      await expectGoodPage(page, variant);
      await Promise.all([page.waitForURL(`${RP}/cb?**`), page.click('form[action$="/abort"] button')]);
      expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');

      await page.goto(oidc.buildEndSessionUrl(config, { client_id: config.clientMetadata().client_id, post_logout_redirect_uri: `${RP}/signed-out` }).href);
      await expectGoodPage(page, variant);
      await Promise.all([page.waitForURL(`${RP}/signed-out**`), page.click('button[name="logout"]')]);

      await page.goto(await authorizationUrl({ redirect_uri: 'https://elsewhere.example/cb' }));
      expect(page.url()).toContain('/oidc/auth');
      await expectGoodPage(page, variant);
      await page.context().close();
    });
  }

  it('shows the platform admin the registered systems and the form to add one', { timeout: JOURNEY_MS }, async () => {
    const variant = VARIANTS[0]!;
    const admin = accounts.find((a) => a.kind === 'staff' && a.roles?.includes('platform_admin'))!;
    const page = await openPage(browser, base, variant);
    const login = await page.request.post(`${base}/api/v1/auth/login`, {
      data: { username: admin.username, password: admin.password, totp: await generate({ secret: demoTotpSecret(admin.username) }) },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${base}/admin/oidc/clients`);
    expect(await page.locator('#client-sector').count()).toBe(1);
    await expectGoodPage(page, variant);
    await page.context().close();
  });
});
