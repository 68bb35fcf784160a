import type { IncomingMessage } from 'node:http';

/** A rendered page ready for the wire: the encoded body and the headers every visitor gets. */
export interface CachedPage {
  body: Buffer;
  /** `[name, value, …]` for `writeHead`, Content-Length included; never a request id or a cookie. */
  headers: readonly string[];
}

/**
 * The key of a request's page: its URL and its Cookie header, raw. A page may be kept only when it
 * depends on nothing else (an anonymous visitor whose cookies carry display preferences at most), so
 * the HTTP layer can answer a repeat request from here before parsing cookies or routing to a page.
 */
export function pageCacheKey(request: Pick<IncomingMessage, 'url' | 'headers'>): string {
  return `${request.url}\n${request.headers.cookie ?? ''}`;
}

/**
 * Rendered anonymous pages kept as encoded Buffers with their headers: encoding a Chinese page per
 * request costs more than everything else (see docs/performance.md). Bounded; least recently used
 * entries go first.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, page: CachedPage): void {
    if (this.maxEntries === 0) return;
    this.entries.delete(key);
    this.entries.set(key, page);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
