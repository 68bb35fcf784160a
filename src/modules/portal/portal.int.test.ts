import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe('portal pages', () => {
  let t: TestApp;
  let guideCode: string;
  let guideName: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    const res = await t.inject({ url: `/api/v1/search?q=${encodeURIComponent('个体工商户设立登记')}&pageSize=1` });
    const hit = res.json<{ hits: { code: string; name: string }[] }>().hits[0]!;
    guideCode = hit.code;
    guideName = hit.name;
  });
  afterAll(() => t.close());

  const get = (url: string, cookies?: Record<string, string>) => t.inject({ method: 'GET', url, ...(cookies ? { cookies } : {}) });

  it('serves the home page in Chinese by default with the 2+3 sections', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.startsWith('<!doctype html><html lang="zh-CN"')).toBe(true);
    for (const section of ['个人办事', '法人办事', '行政服务', '便民服务', '阳光政务']) expect(res.body).toContain(`>${section}</h2>`);
    expect(res.body).toContain('生育收养');
    expect(res.body).toContain('设立变更');
    expect(res.body).toContain('住房公积金');
    expect(res.body).toContain('当前地区：</span><strong>浙江省</strong>');
  });

  it('switches to English with ?lang=en and keeps it in a cookie', async () => {
    const res = await get('/?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('For individuals');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/lang=en;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const again = await get('/', { lang: 'en' });
    expect(again.body).toContain('<html lang="en"');
  });

  it('adds the elder-mode class when the elder cookie is set, and the switch link turns it off', async () => {
    const res = await get('/', { elder: '1' });
    expect(res.body).toContain('<html lang="zh-CN" class="elder">');
    expect(res.body).toContain('href="/?elder=0"');
    const plain = await get('/');
    expect(plain.body).not.toContain('class="elder"');
    expect(plain.body).toContain('href="/?elder=1"');
  });

  it('shows the full item guide', async () => {
    const res = await get(`/items/${guideCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>${guideName}</h1>`);
    for (const heading of ['申请材料', '办理流程', '收费标准', '审批结果', '咨询与监督', '受理条件']) expect(res.body).toContain(`>${heading}</h2>`);
    expect(res.body).toMatch(/[0-5] 星（满分 5 星）/);
    expect(res.body).toContain('网上办理深度');
    expect(res.body).toContain(guideCode);
  });

  it('caches the anonymous guide page as the same bytes, but not a response that sets a cookie', async () => {
    const cache = t.app.context.pageCache;
    cache.clear();
    const first = await get(`/items/${guideCode}`);
    expect(cache.size).toBe(1);
    const second = await get(`/items/${guideCode}`);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    await get(`/items/${guideCode}?lang=en`);
    expect(cache.size).toBe(1);
    const english = await get(`/items/${guideCode}`, { lang: 'en' });
    expect(english.body).toContain('Documents to bring');
    expect(cache.size).toBe(2);
  });

  it('answers an unknown item with a 404 page in Chinese', async () => {
    const res = await get(`/items/${'9'.repeat(31)}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="zh-CN"');
    expect(res.body).toContain('找不到您要的页面');
    expect(res.body).toContain('href="/search"');
  });

  it('answers an unknown item in English when the visitor chose English', async () => {
    const res = await get(`/items/${'9'.repeat(31)}`, { lang: 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
  });

  it('escapes a query that carries markup', async () => {
    const res = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('finds items by a colloquial word, with facets and counts', async () => {
    const res = await get(`/search?q=${encodeURIComponent('公积金')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('住房公积金');
    expect(res.body).toMatch(/共找到 \d+ 个事项|找到 \d+ 个以上事项/);
    expect(res.body).toContain('>事项类型</h3>');
    expect(res.body).toContain('>地区</h3>');
  });

  it('narrows search results with a facet link', async () => {
    const res = await get(`/search?q=${encodeURIComponent('公积金')}&jurisdiction=330100`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('搜索范围：杭州市');
    expect(res.body).toContain('取消此筛选');
  });

  it('rejects bad listing parameters with a 400 page listing the fields', async () => {
    const res = await get('/search?q=a&page=abc&type=x');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('需要修改的内容');
    expect(res.body).toContain('<code>page</code>');
    expect(res.body).toContain('<code>type</code>');
    const long = await get(`/search?q=${'长'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
  });

  it('switches jurisdiction and scopes the portal to it', async () => {
    const province = await get('/jurisdictions/330000');
    expect(province.statusCode).toBe(200);
    expect(province.body).toContain('href="/jurisdictions/330100"');
    const city = await get('/jurisdictions/330100');
    expect(city.body).toContain('西湖区');
    expect(city.body).toContain('href="/?region=330100"');
    const chosen = await get('/?region=330100');
    expect(String(chosen.headers['set-cookie'])).toMatch(/region=330100/);
    expect(chosen.body).toContain('<strong>杭州市</strong>');
    const later = await get('/transparency', { region: '330100' });
    expect(later.body).toContain('杭州市及下辖地区');
    expect((await get('/jurisdictions/999999')).statusCode).toBe(404);
  });

  it('shows an agency shop with contacts, numbers and items grouped by type', async () => {
    const list = await get('/agencies');
    const id = /href="\/agencies\/(\d+)"/.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const res = await get(`/agencies/${id}`);
    expect(res.statusCode).toBe(200);
    for (const text of ['联系方式', '咨询电话', '投诉电话', '办公时间', '事项统计', '办事事项']) expect(res.body).toContain(text);
    expect((await get('/agencies/999999999')).statusCode).toBe(404);
    expect((await get('/agencies/abc')).statusCode).toBe(404);
  });

  it('serves topic, item-type and transparency pages', async () => {
    const topic = await get('/topics/person/01');
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('<h1>生育收养</h1>');
    expect((await get('/topics/convenience')).body).toContain('水电气暖');
    expect((await get('/topics/person/99')).statusCode).toBe(404);
    const type = await get('/types/01');
    expect(type.body).toContain('<h1>行政许可</h1>');
    const transparency = await get('/transparency');
    expect(transparency.body).toContain('<caption id="powers-caption">各部门事项数量（按事项类型）</caption>');
  });
});
