import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** The stream went past the byte limit; the partial file is already gone. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A stream written to a temporary file while it was hashed and counted. */
export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Write `stream` to a new temporary file in `dir`, hashing and counting as it goes: memory holds one chunk at
 * a time, whatever the size. Past `maxBytes`, or on any error of the stream, the file is deleted and the
 * error thrown: a half-written file never outlives this call.
 */
export async function stageToFile(dir: string, stream: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<StagedFile> {
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomUUID()}.part`);
  const handle = await fs.promises.open(file, 'wx', 0o600);
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(bytes);
      await handle.write(bytes);
    }
    await handle.sync();
    await handle.close();
    return { path: file, sha256: hash.digest('hex'), size };
  } catch (e) {
    await handle.close().catch(() => {});
    await fs.promises.rm(file, { force: true });
    throw e;
  }
}

/**
 * Delete staging files older than `olderThanMs` (left by a process that died mid-upload); newer ones may belong
 * to an upload still in flight in another process. Returns how many were removed.
 */
export async function sweepStaging(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.part'))) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > olderThanMs) {
      await fs.promises.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
