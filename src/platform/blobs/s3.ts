import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { putViaStage, stageInto, type BlobStore, type PutOptions, type StagedBlob, type StoredBlob } from './blob-store.js';
import { SHA256_HEX } from './staging.js';

export interface S3BlobStoreOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, Ceph, OSS …); path-style addressing is used with it. Absent: AWS. */
  endpoint?: string | undefined;
  region: string;
  /** Local folder for staging files before they go up (the SHA-256 is known only once the stream has ended). */
  stagingDir: string;
  /** Tests pass explicit credentials; otherwise the SDK's default chain reads AWS_ACCESS_KEY_ID … from the environment. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Blobs in an S3-compatible bucket under the key `sha256/<hex>`. The content is staged to a local file while it
 * is hashed, then sent with PutObject: an object appears whole or not at all, so a half-uploaded file never does.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Plain bodies and no trailing CRC checksums: many S3-compatible servers do not speak aws-chunked.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private keyOf(sha256: string): string {
    return `sha256/${sha256}`;
  }

  stage(stream: Readable, options: PutOptions = {}): Promise<StagedBlob> {
    return stageInto(this.options.stagingDir, stream, options, async (file, sha256, size) => {
      if (await this.has(sha256)) return;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.keyOf(sha256),
          Body: fs.createReadStream(file),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    });
  }

  put(stream: Readable, options?: PutOptions): Promise<StoredBlob> {
    return putViaStage(this, stream, options);
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return (out.Body as Readable | undefined) ?? null;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  close(): void {
    this.client.destroy();
  }
}

function isNotFound(e: unknown): boolean {
  if (e instanceof S3ServiceException) return e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound';
  return false;
}
