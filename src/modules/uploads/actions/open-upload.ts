import type { Readable } from 'node:stream';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/index.js';
import { blobStoreFor } from '../../../platform/blobs/index.js';
import { findUpload } from '../uploads.repository.js';

export interface OpenedUpload {
  stream: Readable;
  mediaType: string;
  size: number;
  name: string;
  /** The case that claimed it, or null. */
  attachedTo: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An upload's content, for download and preview; null when there is no such upload (or, with `owner`, when it
 * is not theirs). The caller decides who may see it: the owner here, staff through the case that claimed it.
 */
export async function openUpload(ctx: { db: Db; config: Config }, id: string, options: { owner?: string } = {}): Promise<OpenedUpload | null> {
  if (!UUID.test(id)) return null;
  const row = await findUpload(ctx.db, id);
  if (!row || (options.owner !== undefined && row.owner !== options.owner)) return null;
  const stream = await blobStoreFor(ctx.config).get(row.sha256);
  if (!stream) return null;
  return { stream, mediaType: row.mediaType, size: row.size, name: row.name, attachedTo: row.attachedTo };
}
