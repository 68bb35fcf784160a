import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { stageToFile } from './staging.js';

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content: the blob's address. */
  sha256: string;
  size: number;
}

/**
 * Content received and hashed but not yet in the store: the caller may inspect it (type, virus scan) and then
 * commit or discard it. Until commit, nothing in the store refers to it.
 */
export interface StagedBlob extends StoredBlob {
  /** Read the staged content again (for checks before commit). */
  open(): Readable;
  /** The local file holding the staged content. */
  readonly path: string;
  /** Move it into the store under its SHA-256 (a no-op when the store holds that content already). */
  commit(): Promise<void>;
  /** Delete the staged file; safe to call twice or after commit. */
  discard(): Promise<void>;
}

export interface PutOptions {
  /** Refuse (BlobTooLargeError) a stream longer than this, keeping nothing. */
  maxBytes?: number;
}

/** 内容寻址存储: blobs addressed by the SHA-256 of their content. */
export interface BlobStore {
  /** Receive a stream into a staging file, hashing it; the store itself is unchanged until commit. */
  stage(stream: Readable, options?: PutOptions): Promise<StagedBlob>;
  /** stage + commit. */
  put(stream: Readable, options?: PutOptions): Promise<StoredBlob>;
  /** The content, or null when the store has no blob with this address. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

/** The staging half every store shares: a temp file in `tmpDir`, committed by `commitFile`. */
export async function stageInto(
  tmpDir: string,
  stream: Readable,
  options: PutOptions,
  commitFile: (file: string, sha256: string, size: number) => Promise<void>,
): Promise<StagedBlob> {
  const staged = await stageToFile(tmpDir, stream, options.maxBytes);
  let settled = false;
  const discard = async () => {
    settled = true;
    await fs.promises.rm(staged.path, { force: true });
  };
  return {
    sha256: staged.sha256,
    size: staged.size,
    path: staged.path,
    open: () => fs.createReadStream(staged.path),
    async commit() {
      if (settled) throw new Error('staged blob already committed or discarded');
      try {
        await commitFile(staged.path, staged.sha256, staged.size);
      } finally {
        await discard();
      }
    },
    discard,
  };
}

export async function putViaStage(store: BlobStore, stream: Readable, options?: PutOptions): Promise<StoredBlob> {
  const staged = await store.stage(stream, options);
  await staged.commit();
  return { sha256: staged.sha256, size: staged.size };
}
