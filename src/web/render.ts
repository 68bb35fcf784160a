import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { PageCache } from '../platform/page-cache.js';

/**
 * Where a rendered page may be kept. The caller decides: only anonymous pages whose response sets
 * no cookie and whose content depends on nothing but the key.
 */
export interface PageCacheSlot {
  pageCache: PageCache;
  key: string;
}

/**
 * Render a page to `<!doctype html>…`, encode it to UTF-8 once, send the Buffer and, when a cache
 * slot is given, keep the same Buffer for the next visitor: encoding a Chinese page per request is
 * the most expensive step of serving it.
 */
export function renderPage(reply: FastifyReply, page: VNode, options: { cache?: PageCacheSlot; status?: number } = {}): FastifyReply {
  const html = Buffer.from(`<!doctype html>${render(page)}`, 'utf8');
  if (options.cache) options.cache.pageCache.set(options.cache.key, html);
  return sendHtml(reply, html, options.status ?? 200);
}

export function sendHtml(reply: FastifyReply, html: Buffer, status = 200): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('vary', 'Cookie').send(html);
}
