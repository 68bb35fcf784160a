/**
 * No dead links: crawl the portal on the demo catalogue from `/`, breadth first through `inject`,
 * and fetch every internal href (and form action) found on the crawled pages. Every one must answer 200, or redirect
 * to a page that does. The crawl is bounded, and spread over the kinds of page (a few of each URL
 * shape), so that it reaches guides, agency shops, searches, forms and samples within the bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

/** Pages whose links are followed. */
const MAX_PAGES = 300;
/** Pages of one URL shape whose links are followed (the rest of that shape are only fetched). */
const PAGES_PER_SHAPE = 12;
/** URLs of one shape fetched (the rest of that shape are left out: the same page for other data). */
const FETCHES_PER_SHAPE = 25;
/** URLs fetched in all (followed or not). */
const MAX_FETCHES = 2000;

/** The shape of a URL: digits and codes folded, query values dropped (`/items/:code?lang`). */
function shapeOf(url: string): string {
  const [pathname, query = ''] = url.split('?');
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return `${pathname!.replace(/\/[0-9A-Z]{6,}(?=\/|$)/g, '/:code').replace(/\/\d+(?=\/|$)/g, '/:n')}?${keys}`;
}

const decodeEntities = (href: string) =>
  href.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Internal hrefs and form actions (site-relative paths) of an HTML page, without fragments. */
function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|action)="([^"]*)"/g)) {
    const href = decodeEntities(match[1]!).split('#')[0]!;
    if (href.startsWith('/') && !href.startsWith('//')) links.push(href);
  }
  return links;
}

describe('links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t?.close());

  it('every internal link of the portal leads to a page (no dead links)', { timeout: 240_000 }, async () => {
    // The search box is a form, not a link: start a search as a visitor would, and crawl on from there.
    const search = `/search?q=${encodeURIComponent('营业执照')}`;
    const seen = new Set<string>(['/', search]);
    const queue: { url: string; from: string }[] = [
      { url: '/', from: '(start)' },
      { url: search, from: '(the search box)' },
    ];
    const followedPerShape = new Map<string, number>();
    const fetchedPerShape = new Map<string, number>();
    const dead: string[] = [];
    const followed: string[] = [];
    /** URLs that answered 200 (directly or after their redirect). */
    const ok: string[] = [];
    let fetched = 0;

    while (queue.length > 0 && fetched < MAX_FETCHES) {
      const { url, from } = queue.shift()!;
      const shape = shapeOf(url);
      const shapeFetches = fetchedPerShape.get(shape) ?? 0;
      if (shapeFetches >= FETCHES_PER_SHAPE) continue;
      fetchedPerShape.set(shape, shapeFetches + 1);
      fetched++;
      let res = await t.inject({ method: 'GET', url });
      if (res.statusCode >= 300 && res.statusCode < 400) {
        const location = String(res.headers.location ?? '');
        res = await t.inject({ method: 'GET', url: location });
        if (res.statusCode === 200) ok.push(url);
        else dead.push(`${url} → ${location} → ${res.statusCode} (linked from ${from})`);
        continue;
      }
      if (res.statusCode !== 200) {
        dead.push(`${url} → ${res.statusCode} (linked from ${from})`);
        continue;
      }
      ok.push(url);
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      const count = followedPerShape.get(shape) ?? 0;
      if (followed.length >= MAX_PAGES || count >= PAGES_PER_SHAPE) continue;
      followedPerShape.set(shape, count + 1);
      followed.push(url);
      for (const link of internalLinks(res.body)) {
        if (seen.has(link)) continue;
        seen.add(link);
        queue.push({ url: link, from: url });
      }
    }

    expect(dead).toEqual([]);
    // The crawl reached every kind of page that carries links people follow.
    const reached = (pattern: RegExp) => ok.some((u) => pattern.test(u));
    expect(reached(/^\/items\/[0-9A-Z]{31}$/), 'a guide page').toBe(true);
    expect(reached(/^\/agencies\/\d+$/), 'an agency shop').toBe(true);
    expect(reached(/^\/search\?/), 'a search page').toBe(true);
    expect(reached(/^\/items\/[0-9A-Z]{31}\/materials\/\d+\/blank-form$/), 'a blank form').toBe(true);
    expect(reached(/^\/items\/[0-9A-Z]{31}\/materials\/\d+\/sample$/), 'a filled-in sample').toBe(true);
    expect(reached(/^\/items\/[0-9A-Z]{31}\/results\/\d+\/sample$/), 'a result sample').toBe(true);
    expect(followed.length).toBeGreaterThan(50);
    console.log(`links: ${fetched} URLs fetched, ${followed.length} pages crawled, ${fetchedPerShape.size} URL shapes`);
  });

  it('the printable documents are complete pages: a form with applicant fields, samples watermarked', async () => {
    const guides = await t.db.query<{ code: string; n: number }>(
      `SELECT i.implementation_code AS code, m.position + 1 AS n FROM catalog.item i
         JOIN catalog.item_material m ON m.version_id = i.published_version_id
        WHERE m.kind = 'form' AND m.blank_form IS NOT NULL ORDER BY i.popularity DESC, i.id LIMIT 1`,
    );
    const { code, n } = guides[0]!;
    const guide = await t.inject({ method: 'GET', url: `/items/${code}` });
    expect(guide.body).toContain(`href="/items/${code}/materials/${n}/blank-form"`);
    expect(guide.body).toContain(`href="/items/${code}/results/1/sample"`);

    const blank = await t.inject({ method: 'GET', url: `/items/${code}/materials/${n}/blank-form` });
    expect(blank.statusCode).toBe(200);
    for (const label of ['申请人信息', '联系电话', '申请人签字', '日期', '填写说明']) expect(blank.body).toContain(label);
    expect(blank.body).toMatch(/公民身份号码/);
    expect(blank.body).not.toContain('class="watermark"');
    expect(blank.body).toContain('@page { size: A4;');

    const sample = await t.inject({ method: 'GET', url: `/items/${code}/materials/${n}/sample` });
    expect(sample.statusCode).toBe(200);
    expect(sample.body).toMatch(/<div class="watermark" aria-hidden="true"><span>样表<\/span><\/div>/);
    expect(sample.body).toContain('张示例');
    // No ID-number-like string, even a fictitious one (the item's own 31-character code aside).
    expect(sample.body.replaceAll(code, '')).not.toMatch(/\d{17}[\dX]/);

    const result = await t.inject({ method: 'GET', url: `/items/${code}/results/1/sample` });
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatch(/<span>样本<\/span>/);

    const english = await t.inject({ method: 'GET', url: `/items/${code}/materials/${n}/blank-form?lang=en` });
    expect(english.body).toContain('Blank form');

    for (const url of [`/items/${code}/materials/99/blank-form`, `/items/${code}/materials/0/sample`, `/items/${code}/results/9/sample`, '/items/NOPE/materials/1/blank-form']) {
      expect((await t.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
