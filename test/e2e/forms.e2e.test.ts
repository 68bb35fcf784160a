/**
 * Every built-in form (and the generic one), rendered by FormFields with every field in error, in both
 * languages at 375 px with the site's stylesheet: no axe violation of WCAG 2.2 AA, no sideways scrolling.
 */
import fs from 'node:fs';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { BUILT_IN_DEFINITIONS, genericDefinition } from '../../src/modules/forms/definitions/index.js';
import { FormFields, validateApplication } from '../../src/modules/forms/index.js';
import { hasChromium, launchChromium, WCAG_TAGS } from '../support/browser.js';

const CSS = fs.readFileSync(new URL('../../src/web/assets/site.css', import.meta.url), 'utf8');
const FORMS = [...Object.entries(BUILT_IN_DEFINITIONS), ['generic', genericDefinition(0)] as const];

describe.skipIf(!hasChromium)('FormFields in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it.each(FORMS)('%s: accessible with every error shown, in Chinese and English, at 375 px', async (_code, definition) => {
    const errors = validateApplication(definition, {});
    for (const lang of ['zh-CN', 'en'] as const) {
      const body = render(h(FormFields, { definition, values: {}, errors, lang }));
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>表单</title><style>${CSS}</style></head><body><main><h1>申请</h1><form method="post" action="#">${body}<button type="submit">提交</button></form></main></body></html>`;
      const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
      try {
        const page = await context.newPage();
        await page.setContent(html);
        // Every error is shown next to its field: none is lost on a group without an input.
        expect(errors.length).toBeGreaterThan(0);
        expect(await page.locator('.field-error').count()).toBe(errors.length);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
