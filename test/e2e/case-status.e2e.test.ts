/** The public case lookup (办件查询) in a real browser, with axe, in every variant: the form, and a failed lookup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectGoodPage, hasChromium, launchChromium, listen, openPage, submit, VARIANTS } from '../support/browser.js';

describe.skipIf(!hasChromium)('case lookup page (Chromium + axe)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    baseUrl = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const variant of VARIANTS) {
    it(`shows the form and a not-found answer: ${variant.name}`, { timeout: 60_000 }, async () => {
      const page = await openPage(browser, baseUrl, variant);
      try {
        await page.goto(`${baseUrl}/case-status`);
        await expectGoodPage(page, variant);
        await page.fill('#case-number', '11330106002493313X4000111700001202611250001');
        await page.fill('#case-code', 'WRONG123');
        await submit(page, 'form[action="/case-status"] button[type="submit"]');
        expect(await page.locator('[role="alert"]').count()).toBe(1);
        await expectGoodPage(page, variant);
      } finally {
        await page.context().close();
      }
    });
  }
});
