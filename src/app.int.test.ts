import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/app.js';
import { createItemDraft, publishItem, submitItemForReview, updateItemDraft } from './modules/catalog/index.js';

/** Headers that differ between any two responses, whatever served them. */
const PER_RESPONSE = ['x-request-id', 'date'];
const withoutPerResponse = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.includes(name)));

describe('cached anonymous pages', () => {
  let t: TestApp;
  let guidePath: string;
  let guideCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    const list = (await t.inject({ url: '/api/v1/items?type=01&pageSize=1' })).json<{ items: { code: string }[] }>();
    guideCode = list.items[0]!.code;
    guidePath = `/items/${guideCode}`;
  });
  afterAll(() => t?.close());

  const metricCount = async () => {
    const metrics = (await t.inject({ url: '/metrics' })).body;
    const line = metrics.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/items/:code"') && l.includes('status="200"'));
    return Number(line?.split(' ')[1] ?? 0);
  };

  it('answers a repeat visit from the cache with the same bytes and the same headers, security headers included', async () => {
    t.app.context.pageCache.clear();
    const rendered = await t.inject({ url: guidePath });
    expect(rendered.statusCode).toBe(200);
    expect(t.app.context.pageCache.size).toBe(1);
    const replayed = await t.inject({ url: guidePath });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.rawPayload.equals(rendered.rawPayload)).toBe(true);
    expect(withoutPerResponse(replayed.headers)).toEqual(withoutPerResponse(rendered.headers));
    expect(replayed.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(replayed.headers['x-content-type-options']).toBe('nosniff');
    expect(replayed.headers['content-length']).toBe(String(rendered.rawPayload.length));
    expect(replayed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replayed.headers['x-request-id']).not.toBe(rendered.headers['x-request-id']);
  });

  it('keeps the request id a front proxy gave, and counts cached answers in the metrics', async () => {
    await t.inject({ url: guidePath });
    const before = await metricCount();
    const res = await t.inject({ url: guidePath, headers: { 'x-request-id': 'proxy-abc-12345' } });
    expect(res.headers['x-request-id']).toBe('proxy-abc-12345');
    expect(await metricCount()).toBe(before + 1);
  });

  it('keeps a page per cookie header, and never one for a visit with a session cookie', async () => {
    t.app.context.pageCache.clear();
    await t.inject({ url: guidePath });
    const english = await t.inject({ url: guidePath, cookies: { lang: 'en' } });
    expect(english.body).toContain('<html lang="en"');
    expect(t.app.context.pageCache.size).toBe(2);
    const again = await t.inject({ url: guidePath, cookies: { lang: 'en' } });
    expect(again.rawPayload.equals(english.rawPayload)).toBe(true);
    await t.inject({ url: guidePath, cookies: { session: 'abc' } });
    expect(t.app.context.pageCache.size).toBe(2);
  });

  it('answers HEAD without a body', async () => {
    await t.inject({ url: guidePath });
    const head = await t.inject({ method: 'HEAD', url: guidePath });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('shows a newly published version once the generation watcher drops the cache', async () => {
    const place = '杭州市民中心 J 楼（缓存测试）';
    expect((await t.inject({ url: guidePath })).body).not.toContain(place);
    const actor = 'staff:test';
    await createItemDraft(t.db, { actor, implementationCode: guideCode });
    await updateItemDraft(t.db, { actor, implementationCode: guideCode, changes: { elements: { place } } });
    await submitItemForReview(t.db, { actor, implementationCode: guideCode });
    await publishItem(t.db, { actor, implementationCode: guideCode });
    const deadline = Date.now() + 5000;
    let body = '';
    while (Date.now() < deadline) {
      body = (await t.inject({ url: guidePath })).body;
      if (body.includes(place)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(body).toContain(place);
  });
});
