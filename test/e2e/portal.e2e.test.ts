/**
 * Browser journeys through the portal with an accessibility check on every page visited:
 * home → search → guide, switching jurisdiction, and an agency shop; each in zh-CN, English and
 * elder mode, at 1280 px and 375 px. Runs Debian's Chromium (apt-get install chromium fonts-noto-cjk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectGoodPage, hasChromium, launchChromium, listen, openPage, type Variant } from '../support/browser.js';

/** The looks of a page; each is visited at every width of WIDTHS. */
const VARIANTS: Omit<Variant, 'width'>[] = [
  { name: 'zh-CN', cookies: {}, lang: 'zh-CN', elder: false },
  { name: 'en', cookies: { lang: 'en' }, lang: 'en', elder: false },
  { name: 'elder', cookies: { elder: '1' }, lang: 'zh-CN', elder: true },
];
const WIDTHS = [1280, 375];

describe.skipIf(!hasChromium)('portal journeys (Chromium + axe)', () => {
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

  async function open(variant: Omit<Variant, 'width'>, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const page = await openPage(browser, baseUrl, { ...variant, width });
    return { context: page.context(), page };
  }

  for (const variant of VARIANTS) {
    for (const width of WIDTHS) {
      describe(`${variant.name} at ${width} px`, () => {
        it('home → search → guide', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/`);
            await expectGoodPage(page, variant);
            await page.fill('#home-search', '个体工商户');
            await Promise.all([page.waitForURL(/\/search\?/), page.press('#home-search', 'Enter')]);
            await expect.poll(() => page.locator('.hit').count()).toBeGreaterThan(0);
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/items\//), page.locator('.hit-title a').first().click()]);
            expect(await page.locator('h1').textContent()).toContain('个体工商户');
            expect(await page.locator('#h-materials').textContent()).toBe(variant.lang === 'en' ? 'Documents to bring' : '申请材料');
            expect(await page.locator('.guide-summary .stars-text').first().textContent()).toMatch(variant.lang === 'en' ? /out of 5 stars/ : /满分 5 星/);
            await expectGoodPage(page, variant);
          } finally {
            await context.close();
          }
        });

        it('switching jurisdiction', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/`);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330000$/), page.locator('.region-chip a').click()]);
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330100$/), page.locator('a[href="/jurisdictions/330100"]').first().click()]);
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330106$/), page.locator('a[href="/jurisdictions/330106"]').first().click()]);
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/\?region=330106$/), page.locator('a[href="/?region=330106"]').click()]);
            expect(await page.locator('.region-chip strong').textContent()).toBe('西湖区');
            await expectGoodPage(page, variant);
            // The choice is kept: a later page is still scoped to 西湖区.
            await page.goto(`${baseUrl}/transparency`);
            expect(await page.locator('.region-chip strong').textContent()).toBe('西湖区');
            await expectGoodPage(page, variant);
          } finally {
            await context.close();
          }
        });

        it('an agency shop', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/agencies`);
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/agencies\/\d+$/), page.locator('.agency-list a[href^="/agencies/"]').first().click()]);
            expect(await page.locator('#shop-contacts').textContent()).toBe(variant.lang === 'en' ? 'Contact' : '联系方式');
            await expectGoodPage(page, variant);
            await Promise.all([page.waitForURL(/\/items\//), page.locator('.hit-title a').first().click()]);
            await expectGoodPage(page, variant);
          } finally {
            await context.close();
          }
        });
      });
    }
  }

  it('switches language and elder mode with plain links (no JavaScript needed)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/`);
      await page.locator('.prefs a[hreflang="en"]').click();
      await page.waitForURL(/lang=en/);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.locator('.prefs a[href*="elder=1"]').click();
      await page.waitForURL(/elder=1/);
      expect(await page.getAttribute('html', 'class')).toBe('elder');
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('医保')}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
