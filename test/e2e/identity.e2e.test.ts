/**
 * Identity journeys in a real browser, with an accessibility check (axe, WCAG 2.2 AA) on every page visited:
 * (1) register → verify the phone (code from the dev outbox) → real name with a bank card (level 2), in zh-CN,
 * English and elder mode at 375 px and 1280 px; (2) a staff sign-in with TOTP; (3) a company representative
 * appointing an agent, and the agent acting for the company with the banner on every page.
 * Runs Debian's Chromium (apt-get install chromium fonts-noto-cjk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectGoodPage, hasChromium, launchChromium, listen, openPage, signIn, submit, VARIANTS, type Variant } from '../support/browser.js';
import { DEMO_COMPANY, listDemoAccounts, type DemoAccount } from '../../src/modules/demo/index.js';
import { DEMO_RESIDENTS, type SyntheticResident } from '../../src/modules/population/index.js';

const PASSWORD = '运河边的一棵老樟树2026';
/** A journey visits a dozen pages, each checked by axe: far more than a unit test's time. */
const JOURNEY_MS = 180_000;
const ZH: Variant = VARIANTS[0]!;

describe.skipIf(!hasChromium)('identity journeys (Chromium + axe)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    baseUrl = await listen(t);
    accounts = await listDemoAccounts(t.db);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = (variant: Variant): Promise<Page> => openPage(browser, baseUrl, variant);

  /** The latest SMS code sent to this (masked) phone, from the development outbox. */
  async function latestCode(phone: string): Promise<string> {
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    const res = await fetch(`${baseUrl}/api/v1/dev/outbox`);
    const items = ((await res.json()) as { items: { recipient: string; body: string }[] }).items;
    const code = items.find((m) => m.recipient === masked && /\d{6}/.test(m.body))?.body.match(/\d{6}/)?.[0];
    if (!code) throw new Error(`no code sent to ${masked}`);
    return code;
  }

  function freshResidents(): SyntheticResident[] {
    const registered = new Set(accounts.filter((a) => a.kind === 'person').map((a) => a.username));
    return DEMO_RESIDENTS.filter((r) => !registered.has(r.idNumber));
  }

  VARIANTS.forEach((variant, index) => {
    it(`register → verify phone → real name (level 2), ${variant.name}`, async () => {
      const resident = freshResidents()[index]!;
      const page = await open(variant);
      try {
        await page.goto(`${baseUrl}/register`);
        await expectGoodPage(page, variant);

        // A wrong check character first: the field says so, in Chinese for a Chinese page.
        await page.fill('#name', resident.name);
        await page.fill('#idNumber', resident.idNumber.slice(0, 17) + (resident.idNumber[17] === '1' ? '2' : '1'));
        await page.fill('#phone', resident.phone);
        await page.fill('#password', PASSWORD);
        await submit(page, 'form[action="/register"] button[type="submit"]');
        expect(await page.locator('#idNumber-error').textContent()).toBe(variant.lang === 'en' ? 'Invalid citizen ID number' : '公民身份号码无效');
        expect(await page.getAttribute('#idNumber', 'aria-invalid')).toBe('true');
        await expectGoodPage(page, variant);

        await page.fill('#idNumber', resident.idNumber);
        await page.fill('#password', PASSWORD);
        await submit(page, 'form[action="/register"] button[type="submit"]');
        expect(await page.locator('.notice').textContent()).toMatch(variant.lang === 'en' ? /Registration received/ : /注册申请已受理/);
        await expectGoodPage(page, variant);

        await Promise.all([page.waitForURL(/\/login\?next=/), page.locator('main a.button').click()]);
        await expectGoodPage(page, variant);
        await signIn(page, resident.idNumber, PASSWORD);
        expect(new URL(page.url()).pathname).toBe('/account/verify-phone');
        await expectGoodPage(page, variant);

        await submit(page, 'form[action="/account/verify-phone/send"] button');
        await expect.poll(() => page.locator('.notice').count()).toBe(1);
        await expectGoodPage(page, variant);
        await page.fill('#code', await latestCode(resident.phone));
        await submit(page, 'form[action="/account/verify-phone"] button');
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await page.locator('.level-badge').textContent()).toBe(variant.lang === 'en' ? 'Level 1' : '1 级');
        await expectGoodPage(page, variant);

        await Promise.all([page.waitForURL(/\/account\/real-name$/), page.locator('#next-level + p a').click()]);
        await expectGoodPage(page, variant);
        await page.check('input[name="factor"][value="bankCard"]');
        await page.fill('#number', resident.bankCard);
        await submit(page, 'form[action="/account/real-name"] button[type="submit"]');
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await page.locator('.level-badge').textContent()).toBe(variant.lang === 'en' ? 'Level 2' : '2 级');
        await expectGoodPage(page, variant);

        // The history lists the sign-in; the sessions page marks this browser.
        await page.goto(`${baseUrl}/account/history`);
        expect(await page.locator('table.history tbody tr').count()).toBeGreaterThan(0);
        await expectGoodPage(page, variant);
        await page.goto(`${baseUrl}/account/sessions`);
        expect(await page.locator('.current-marker').count()).toBe(1);
        await expectGoodPage(page, variant);
        // The e-mail page, with its code form once an address is set.
        await page.goto(`${baseUrl}/account/email`);
        await page.fill('#email', `e2e.${variant.width}.${variant.lang}@example.com`);
        await submit(page, 'form[action="/account/email"] button[type="submit"]');
        expect(await page.locator('#code').count()).toBe(1);
        await expectGoodPage(page, variant);
        await page.goto(`${baseUrl}/password-reset`);
        await expectGoodPage(page, variant);
      } finally {
        await page.context().close();
      }
    }, JOURNEY_MS);
  });

  it('a staff member signs in with a password and then a TOTP code', async () => {
    const staff = accounts.find((a) => a.kind === 'staff' && a.totpSecret)!;
    const page = await open(ZH);
    try {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, staff.username, staff.password);
      expect(await page.locator('#totp').count()).toBe(1);
      expect(await page.locator('input[name="challenge"]').getAttribute('value')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await expectGoodPage(page, ZH);

      // A wrong code keeps the second step, with the error on the form.
      await page.fill('#totp', '000000');
      await submit(page, 'main form button[type="submit"]');
      expect(await page.locator('#totp').count()).toBe(1);
      expect(await page.locator('.form-error').textContent()).toContain('动态验证码不正确');
      await expectGoodPage(page, ZH);

      await page.fill('#totp', await generate({ secret: staff.totpSecret! }));
      await submit(page, 'main form button[type="submit"]');
      expect(new URL(page.url()).pathname).toBe('/account');
      expect(await page.locator('main').textContent()).toContain(staff.agency!.name);
      expect(await page.locator('.account-name').textContent()).toBe(staff.name);
      await expectGoodPage(page, ZH);
    } finally {
      await page.context().close();
    }
  }, JOURNEY_MS);

  it('a representative appoints an agent; the agent acts for the company and every page says so', async () => {
    const representative = accounts.find((a) => a.kind === 'person' && a.username === DEMO_COMPANY.representativeIdNumber)!;
    const agent = accounts.find(
      (a) => a.kind === 'person' && (a.level ?? 0) >= 2 && a.username !== DEMO_COMPANY.representativeIdNumber && a.username !== DEMO_COMPANY.agentIdNumber,
    )!;
    const until = `${new Date().getFullYear() + 1}-06-30`;

    const rep = await open(ZH);
    try {
      await rep.goto(`${baseUrl}/login?next=%2Faccount%2Fcompanies`);
      await signIn(rep, representative.username, representative.password);
      expect(new URL(rep.url()).pathname).toBe('/account/companies');
      await expectGoodPage(rep, ZH);
      await rep.fill('#g0-agentName', agent.name);
      await rep.fill('#g0-agentIdNumber', agent.username);
      await rep.check('input[name="scope"][value="all"]');
      await rep.fill('#g0-validUntil', until);
      await submit(rep, 'form[action="/account/companies/agents"] button[type="submit"]');
      expect(await rep.locator('.notice').textContent()).toContain('已授权经办人');
      const row = rep.locator('table.grants tbody tr', { hasText: agent.name });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain(until);
      expect(await row.textContent()).not.toContain(agent.username);
      await expectGoodPage(rep, ZH);
    } finally {
      await rep.context().close();
    }

    for (const variant of [ZH, VARIANTS[1]!]) {
      const page = await open(variant);
      try {
        await page.goto(`${baseUrl}/login?next=%2Faccount%2Fcompanies`);
        await signIn(page, agent.username, agent.password);
        expect(await page.locator('.acting-banner').count()).toBe(0);
        const company = page.locator('table.companies tbody tr', { hasText: DEMO_COMPANY.name });
        await submit(page, `table.companies tbody tr:has-text("${DEMO_COMPANY.name}") button`);
        expect(await company.locator('.current-marker').count()).toBe(1);
        const banner = page.locator('.acting-banner');
        expect(await banner.textContent()).toContain(DEMO_COMPANY.name);
        expect(await banner.textContent()).toContain(variant.lang === 'en' ? 'agent' : '经办人');
        await expectGoodPage(page, variant);
        // Every page says so: the portal's too, which is then personal and never cached.
        for (const path of ['/', '/account', '/search?q=营业执照']) {
          await page.goto(`${baseUrl}${path}`);
          expect(await page.locator('.acting-banner').textContent(), path).toContain(DEMO_COMPANY.name);
          await expectGoodPage(page, variant);
        }
        await page.goto(`${baseUrl}/account/companies`);
        await submit(page, 'form[action="/account/acting-as"] input[value=""] ~ button');
        expect(await page.locator('.acting-banner').count()).toBe(0);
      } finally {
        await page.context().close();
      }
    }
  }, JOURNEY_MS);

  it('a form whose CSRF cookie is gone gets an accessible 403 page with a way back to the form', async () => {
    for (const variant of [ZH, VARIANTS[1]!]) {
      const page = await open(variant);
      try {
        await page.goto(`${baseUrl}/login`);
        await page.context().clearCookies({ name: 'csrf' });
        await page.fill('#username', 'someone');
        await page.fill('#password', 'something');
        const [response] = await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
        expect(response?.status()).toBe(403);
        expect(await page.locator('main .lead').textContent()).toMatch(variant.lang === 'en' ? /To protect your account/ : /为保护您的账户安全/);
        await expectGoodPage(page, variant);
        await Promise.all([page.waitForURL(/\/login$/), page.locator('.error-links a[href="/login"]').click()]);
        expect(await page.locator('#username').count()).toBe(1);
      } finally {
        await page.context().close();
      }
    }
  }, JOURNEY_MS);

  it('works without JavaScript: sign in and out with plain forms', async () => {
    const person = accounts.find((a) => a.kind === 'person')!;
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, person.username, person.password);
      expect(new URL(page.url()).pathname).toBe('/account');
      await submit(page, 'header form[action="/logout"] button');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.locator('.notice').textContent()).toContain('您已退出登录');
    } finally {
      await context.close();
    }
  }, JOURNEY_MS);
});
