/**
 * Rendered anonymous pages kept as encoded Buffers: encoding a Chinese page per request costs more
 * than everything else (see docs/performance.md). Bounded; least recently used entries go first.
 */
export class PageCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, page: Buffer): void {
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
