import { describe, expect, it } from 'vitest';
import { PageCache, pageCacheKey, type CachedPage } from './page-cache.js';

const page = (text: string): CachedPage => ({ body: Buffer.from(text), headers: ['content-length', String(text.length)] });

describe('pageCacheKey', () => {
  it('tells apart the URL and the raw cookie header, and treats no cookie as an empty one', () => {
    expect(pageCacheKey({ url: '/items/1', headers: {} })).toBe(pageCacheKey({ url: '/items/1', headers: { cookie: '' } }));
    expect(pageCacheKey({ url: '/items/1', headers: { cookie: 'lang=en' } })).not.toBe(pageCacheKey({ url: '/items/1', headers: {} }));
    expect(pageCacheKey({ url: '/items/1?lang=en', headers: {} })).not.toBe(pageCacheKey({ url: '/items/1', headers: {} }));
  });
});

describe('PageCache', () => {
  it('drops the least recently used page beyond its bound', () => {
    const cache = new PageCache(2);
    cache.set('a', page('A'));
    cache.set('b', page('B'));
    expect(cache.get('a')?.body.toString()).toBe('A'); // a is now more recent than b
    cache.set('c', page('C'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body.toString()).toBe('A');
    expect(cache.get('c')?.body.toString()).toBe('C');
  });

  it('keeps nothing with a bound of 0, and nothing after clear()', () => {
    const off = new PageCache(0);
    off.set('a', page('A'));
    expect(off.get('a')).toBeUndefined();
    const cache = new PageCache(5);
    cache.set('a', page('A'));
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });
});
