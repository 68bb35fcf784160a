import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { putViaStage, stageInto, type BlobStore, type PutOptions, type StagedBlob, type StoredBlob } from './blob-store.js';
import { SHA256_HEX } from './staging.js';

/**
 * Blobs as files under `root`, at ab/cd/<sha256>. A blob is written to root/tmp first and renamed into place
 * (atomic on one file system), so a reader never sees a half-written blob, and equal content is kept once.
 */
export class LocalBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 address');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  stage(stream: Readable, options: PutOptions = {}): Promise<StagedBlob> {
    return stageInto(this.tmpDir, stream, options, async (file, sha256) => {
      const target = this.pathOf(sha256);
      if (await this.has(sha256)) return;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(file, target);
    });
  }

  put(stream: Readable, options?: PutOptions): Promise<StoredBlob> {
    return putViaStage(this, stream, options);
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      const handle = await fs.promises.open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
