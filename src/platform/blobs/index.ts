/**
 * The blob store (内容寻址存储): file contents addressed by their SHA-256, on local disk by default or in an
 * S3-compatible bucket (ONESTOP_BLOB_STORE=s3). Modules keep the address in their tables, the bytes here.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local.js';
import { S3BlobStore } from './s3.js';

export type { BlobStore, StagedBlob, StoredBlob, PutOptions } from './blob-store.js';
export { BlobTooLargeError, SHA256_HEX, sweepStaging } from './staging.js';
export { LocalBlobStore } from './local.js';
export { S3BlobStore, type S3BlobStoreOptions } from './s3.js';

/** Where every store stages incoming content (local files, whichever store keeps the blobs). */
export function stagingDirOf(config: Config): string {
  return path.join(config.dataDir, 'blobs', 'tmp');
}

export function createBlobStore(config: Config): BlobStore {
  const root = path.join(config.dataDir, 'blobs');
  if (config.blobStore === 's3' && config.s3) {
    return new S3BlobStore({ ...config.s3, stagingDir: stagingDirOf(config) });
  }
  return new LocalBlobStore(root);
}

const stores = new WeakMap<Config, BlobStore>();

/** One store per configuration (an S3 client keeps its connections), made on first use. */
export function blobStoreFor(config: Config): BlobStore {
  let store = stores.get(config);
  if (!store) {
    store = createBlobStore(config);
    stores.set(config, store);
  }
  return store;
}
