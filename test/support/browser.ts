/**
 * Shared pieces of the browser tests (test/e2e/*.e2e.test.ts): Debian's Chromium driven by
 * playwright-core, the page variants (language, elder mode, width), and `expectGoodPage`, the check
 * run on every page visited: the chosen language and mode on <html>, no sideways scrolling, and no
 * axe violation of WCAG 2.2 AA. Without Chromium the e2e suites skip (`describe.skipIf(!hasChromium)`).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { TestApp } from './app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** How a page is looked at: its language and elder-mode cookies, and the viewport width. */
export interface Variant {
  name: string;
  cookies: Record<string, string>;
  lang: 'zh-CN' | 'en';
  elder: boolean;
  width: number;
}

export const VARIANTS: Variant[] = [
  { name: 'zh-CN at 375 px', cookies: {}, lang: 'zh-CN', elder: false, width: 375 },
  { name: 'en at 1280 px', cookies: { lang: 'en' }, lang: 'en', elder: false, width: 1280 },
  { name: 'elder mode at 375 px', cookies: { elder: '1' }, lang: 'zh-CN', elder: true, width: 375 },
];

/** Chromium, headless, quiet; `extraArgs` first (e.g. --host-resolver-rules). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...extraArgs, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The test app listening on a free port of 127.0.0.1; its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
}

/** A page in a fresh context with the variant's viewport, locale and cookies (plus `cookies`, e.g. a session). */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  variant: Pick<Variant, 'lang' | 'cookies' | 'width'>,
  cookies: Record<string, string> = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: variant.width, height: 900 }, locale: variant.lang });
  const all = Object.entries({ ...cookies, ...variant.cookies }).map(([name, value]) => ({ name, value, url: baseUrl }));
  if (all.length) await context.addCookies(all);
  return context.newPage();
}

/** Fails with a readable list of every WCAG violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(results.violations.length, `axe found WCAG violations on ${page.url()}:\n${report}`).toBe(0);
}

/** Every page is accessible, in the chosen language and mode, and never scrolls sideways. */
export async function expectGoodPage(page: Page, variant: Pick<Variant, 'lang' | 'elder'>): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe(variant.lang);
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(variant.elder);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
}

/** Press a form's submit button and wait for the page the server answers with. */
export async function submit(page: Page, button: string | Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), (typeof button === 'string' ? page.locator(button) : button).click()]);
}

/** Fill in the sign-in form (the portal's or the OIDC interaction's) and send it. */
export async function signIn(page: Page, username: string, password: string, form = 'form[action="/login"]'): Promise<void> {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await submit(page, `${form} button[type="submit"]`);
}
