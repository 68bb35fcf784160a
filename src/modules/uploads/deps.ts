import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/index.js';
import { blobStoreFor, type BlobStore } from '../../platform/blobs/index.js';
import { clamavScanner, noScanner, type UploadScanner } from './scan.js';

/** What the uploads actions need, from the module context. */
export interface UploadsDeps {
  db: Db;
  config: Config;
  blobs: BlobStore;
  scanner: UploadScanner;
}

export function uploadsDeps(ctx: { db: Db; config: Config }): UploadsDeps {
  return {
    db: ctx.db,
    config: ctx.config,
    blobs: blobStoreFor(ctx.config),
    scanner: ctx.config.clamav ? clamavScanner(ctx.config.clamav) : noScanner,
  };
}
