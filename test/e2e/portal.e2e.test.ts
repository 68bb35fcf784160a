/**
 * Browser journeys through the portal with an accessibility check on every page visited:
 * home → search → guide, switching jurisdiction, and an agency shop; each in zh-CN, English and
 * elder mode, at 1280 px and 375 px. Runs Debian's Chromium (apt-get install chromium fonts-noto-cjk).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

interface Variant {
  name: string;
  cookies: Record<string, string>;
  lang: 'zh-CN' | 'en';
  elder: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'zh-CN', cookies: {}, lang: 'zh-CN', elder: false },
  { name: 'en', cookies: { lang: 'en' }, lang: 'en', elder: false },
  { name: 'elder', cookies: { elder: '1' }, lang: 'zh-CN', elder: true },
];
const WIDTHS = [1280, 375];

/** Fails with a readable list of every WCAG violation on the page. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(results.violations.length, `axe found WCAG violations on ${page.url()}:\n${report}`).toBe(0);
}

/** Every page shows the chosen language and mode on <html>, and never scrolls sideways. */
async function expectPageBasics(page: Page, variant: Variant): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe(variant.lang);
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(variant.elder);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
}

describe.skipIf(!hasChromium)('portal journeys (Chromium + axe)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(variant: Variant, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: variant.lang });
    const cookies = Object.entries(variant.cookies).map(([name, value]) => ({ name, value, url: baseUrl }));
    if (cookies.length) await context.addCookies(cookies);
    return { context, page: await context.newPage() };
  }

  for (const variant of VARIANTS) {
    for (const width of WIDTHS) {
      describe(`${variant.name} at ${width} px`, () => {
        it('home → search → guide', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/`);
            await expectPageBasics(page, variant);
            await page.fill('#home-search', '个体工商户');
            await Promise.all([page.waitForURL(/\/search\?/), page.press('#home-search', 'Enter')]);
            await expect.poll(() => page.locator('.hit').count()).toBeGreaterThan(0);
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/items\//), page.locator('.hit-title a').first().click()]);
            expect(await page.locator('h1').textContent()).toContain('个体工商户');
            expect(await page.locator('#h-materials').textContent()).toBe(variant.lang === 'en' ? 'Documents to bring' : '申请材料');
            expect(await page.locator('.guide-summary .stars-text').first().textContent()).toMatch(variant.lang === 'en' ? /out of 5 stars/ : /满分 5 星/);
            await expectPageBasics(page, variant);
          } finally {
            await context.close();
          }
        });

        it('switching jurisdiction', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/`);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330000$/), page.locator('.region-chip a').click()]);
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330100$/), page.locator('a[href="/jurisdictions/330100"]').first().click()]);
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/jurisdictions\/330106$/), page.locator('a[href="/jurisdictions/330106"]').first().click()]);
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/\?region=330106$/), page.locator('a[href="/?region=330106"]').click()]);
            expect(await page.locator('.region-chip strong').textContent()).toBe('西湖区');
            await expectPageBasics(page, variant);
            // The choice is kept: a later page is still scoped to 西湖区.
            await page.goto(`${baseUrl}/transparency`);
            expect(await page.locator('.region-chip strong').textContent()).toBe('西湖区');
            await expectPageBasics(page, variant);
          } finally {
            await context.close();
          }
        });

        it('an agency shop', async () => {
          const { context, page } = await open(variant, width);
          try {
            await page.goto(`${baseUrl}/agencies`);
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/agencies\/\d+$/), page.locator('.agency-list a[href^="/agencies/"]').first().click()]);
            expect(await page.locator('#shop-contacts').textContent()).toBe(variant.lang === 'en' ? 'Contact' : '联系方式');
            await expectPageBasics(page, variant);
            await Promise.all([page.waitForURL(/\/items\//), page.locator('.hit-title a').first().click()]);
            await expectPageBasics(page, variant);
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
