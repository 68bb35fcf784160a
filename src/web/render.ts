import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { CachedPage, PageCache } from '../platform/page-cache.js';

/**
 * Where a rendered page may be kept. The caller decides: only anonymous pages whose response sets
 * no cookie and whose content depends on nothing but the key (see `pageCacheKey`).
 */
export interface PageCacheSlot {
  pageCache: PageCache;
  key: string;
}

/**
 * Render a page to `<!doctype html>…`, encode it to UTF-8 once and send the Buffer. With a cache
 * slot, keep that Buffer with this response's headers: the HTTP layer replays both to the next
 * visitor without running the page again (encoding a Chinese page is the costliest step).
 */
export function renderPage(reply: FastifyReply, page: VNode, options: { cache?: PageCacheSlot; status?: number } = {}): FastifyReply {
  const html = Buffer.from(`<!doctype html>${render(page)}`, 'utf8');
  reply.code(options.status ?? 200).header('content-type', 'text/html; charset=utf-8').header('vary', 'Cookie');
  if (options.cache) options.cache.pageCache.set(options.cache.key, cachedPageOf(reply, html));
  return reply.send(html);
}

/**
 * Every header this response carries at this point, the security headers set by the earlier hooks
 * included, so that a page replayed from the cache goes out with exactly the same ones; only the
 * request id is per request.
 */
function cachedPageOf(reply: FastifyReply, body: Buffer): CachedPage {
  const headers: string[] = [];
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (name === 'x-request-id' || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.push(name, String(item));
  }
  headers.push('content-length', String(body.length));
  return { body, headers };
}
