/**
 * The staff pages in a real browser, with axe (WCAG 2.2 AA) on every page and no sideways scrolling:
 * the workbench, staff administration (add a handler, see the credentials once, change roles, disable),
 * and a window clerk's in-person verification to level 3, in zh-CN and elder mode at 375 px and in
 * English at 1280 px. Runs Debian's Chromium (apt-get install chromium fonts-noto-cjk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectGoodPage, hasChromium, launchChromium, listen, openPage, submit as submitButton, VARIANTS, type Variant } from '../support/browser.js';
import { loadOneAgency } from '../support/one-agency.js';
import { createStaff, identityDeps } from '../../src/modules/identity/index.js';
import { citizenIdCheckChar } from '../../src/platform/checksums.js';

const META = { ip: '127.0.0.1', userAgent: null, requestId: 'staff-e2e' };
const PASSWORD = '西湖边的三棵柳树2026';

describe.skipIf(!hasChromium)('staff pages (Chromium + axe)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let agencyId: number;
  /** Each staff member signs in once per 30 s step: the next sign-in uses the next step's code. */
  const steps = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'empty' });
    agencyId = await loadOneAgency(t.db, 'MB000301');
    baseUrl = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser page signed in as the staff member (session from the API, as the sign-in page would set it). */
  async function openAs(variant: Variant, loginName: string, password: string, secret: string): Promise<Page> {
    const step = steps.get(loginName) ?? 0;
    steps.set(loginName, step + 1);
    const totp = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + step * 30 });
    const res = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: loginName, password, totp } });
    expect(res.statusCode, res.body).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'sid')!.value;
    return openPage(browser, baseUrl, variant, { sid });
  }

  /** Press the first button that matches and wait for the page the server answers with. */
  const submit = (page: Page, button: string): Promise<void> => submitButton(page, page.locator(button).first());

  VARIANTS.forEach((variant, index) => {
    it(`an admin adds, changes and disables staff; a window clerk verifies in person, ${variant.name}`, { timeout: 120_000 }, async () => {
      const admin = await createStaff(identityDeps(t.app.context), 'cli', { loginName: `admin${index}`, name: `管理员${index}`, agencyId, roles: ['platform_admin'] }, META);
      const page = await openAs(variant, admin.loginName, admin.password, admin.totpSecret);
      try {
        await page.goto(`${baseUrl}/staff`);
        await expectGoodPage(page, variant);

        await page.goto(`${baseUrl}/admin/staff`);
        await expectGoodPage(page, variant);

        // Missing roles: the form says so and keeps what was typed.
        await page.fill('#loginName', `clerk${index}`);
        await page.fill('#name', `窗口人员${index}`);
        await submit(page, 'form[action="/admin/staff"][method="post"] button[type="submit"]');
        expect(await page.inputValue('#loginName')).toBe(`clerk${index}`);
        expect(await page.locator('.form-error').count()).toBe(1);
        await expectGoodPage(page, variant);

        await page.check('#new-role-window_clerk');
        await submit(page, 'form[action="/admin/staff"][method="post"] button[type="submit"]');
        const password = (await page.locator('[data-credential="password"]').textContent())!;
        const secret = (await page.locator('[data-credential="totp-secret"]').textContent())!;
        expect(password).toHaveLength(16);
        await expectGoodPage(page, variant);

        await page.goto(`${baseUrl}/admin/staff`);
        const [created] = await t.db.query<{ id: string }>('SELECT id FROM identity.staff WHERE login_name = $1', [`clerk${index}`]);
        const card = `#staff-${created!.id}`;
        await page.locator(`${card} summary`).click();
        await expectGoodPage(page, variant);
        await page.check(`#roles-${created!.id}-handler`);
        await submit(page, `${card} form[action$="/roles"] button[type="submit"]`);
        expect(await page.locator('.notice').count()).toBe(1);
        await expectGoodPage(page, variant);

        // The clerk verifies a citizen at the window.
        const first17 = `3301061985051240${index}`;
        const idNumber = first17 + citizenIdCheckChar(first17);
        const reg = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: `钱七${index}`, idNumber, phone: `1390000444${index}`, password: PASSWORD } });
        expect(reg.statusCode).toBe(201);
        const clerkPage = await openAs(variant, `clerk${index}`, password, secret);
        await clerkPage.goto(`${baseUrl}/staff/level3`);
        await expectGoodPage(clerkPage, variant);
        await clerkPage.fill('#name', `钱七${index}`);
        await clerkPage.fill('#idNumber', idNumber);
        await submit(clerkPage, 'form[action="/staff/level3"] button[type="submit"]');
        expect(await clerkPage.locator('.notice').textContent()).toContain(`钱七${index}`);
        expect(await clerkPage.inputValue('#idNumber')).toBe('');
        await expectGoodPage(clerkPage, variant);

        await page.locator(`${card} summary`).click();
        await submit(page, `${card} form[action$="/disable"] button`);
        expect(await page.locator(`${card} strong`).textContent()).toBe(variant.lang === 'en' ? 'Disabled' : '已停用');
        await clerkPage.goto(`${baseUrl}/staff/level3`);
        expect(new URL(clerkPage.url()).pathname).toBe('/login');
        await clerkPage.context().close();
      } finally {
        await page.context().close();
      }
    });
  });
});
