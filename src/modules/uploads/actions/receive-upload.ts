import type { Readable } from 'node:stream';
import { writeAudit } from '../../../platform/audit.js';
import { BlobTooLargeError, type StagedBlob } from '../../../platform/blobs/index.js';
import { AppError } from '../../../platform/errors.js';
import type { UploadsDeps } from '../deps.js';
import { insertUpload } from '../uploads.repository.js';
import { ALLOWED_MEDIA_TYPES, sniffMediaType } from '../sniff.js';
import { ScannerUnavailableError } from '../scan.js';

export interface ReceivedUpload {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

/** A stream that failed because the request's file went past the limit (busboy via @fastify/multipart). */
function isFileTooLarge(e: unknown): boolean {
  return e instanceof BlobTooLargeError || (e as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 100) / 100;
  return new AppError('payload_too_large', { message: `文件超过 ${mb} MB 的上限。The file is larger than the ${mb} MB limit.` });
}

/**
 * Receive one file (上传材料): stage it while hashing, check its type from the content, scan it, then keep it
 * in the blob store and record it for `owner`. Whatever fails on the way — too large, wrong type, infected,
 * the client gone mid-stream — the staged file is deleted and no row is written.
 */
export async function receiveUpload(
  deps: UploadsDeps,
  input: {
    owner: string;
    content: Readable;
    name: string;
    requestId?: string;
    /** True when the transport cut the stream short at its own limit (busboy's `truncated`): the file is too large. */
    truncated?: () => boolean;
  },
): Promise<ReceivedUpload> {
  const maxBytes = deps.config.uploadMaxFileBytes;
  let staged: StagedBlob;
  try {
    staged = await deps.blobs.stage(input.content, { maxBytes });
  } catch (e) {
    if (isFileTooLarge(e)) throw tooLarge(maxBytes);
    throw e;
  }
  try {
    if (input.truncated?.()) throw tooLarge(maxBytes);
    const mediaType = await sniffMediaType(staged.path);
    if (!mediaType) {
      throw new AppError('unsupported_media_type', {
        message: `只接受 PDF、JPEG、PNG、OFD 和 DOCX 文件（按内容识别）。Only PDF, JPEG, PNG, OFD and DOCX files are accepted (judged by content): ${ALLOWED_MEDIA_TYPES.join(', ')}.`,
      });
    }
    let verdict;
    try {
      verdict = await deps.scanner.scan(staged.open());
    } catch (e) {
      if (e instanceof ScannerUnavailableError) {
        throw new AppError('unavailable', { message: '病毒扫描暂不可用，请稍后再试。Virus scanning is unavailable: try again later.', cause: e });
      }
      throw e;
    }
    if (!verdict.clean) {
      const signature = verdict.signature;
      await deps.db.transaction((tx) =>
        writeAudit(tx, {
          actor: input.owner,
          action: 'uploads.upload.rejected',
          subject: `sha256:${staged.sha256}`,
          requestId: input.requestId,
          detail: { size: staged.size, signature },
        }),
      );
      throw new AppError('upload_rejected', { message: '文件未通过病毒扫描，未予保存。The file failed the virus scan and was not kept.' });
    }
    await staged.commit();
    return await deps.db.transaction(async (tx) => {
      const row = await insertUpload(tx, { owner: input.owner, sha256: staged.sha256, size: staged.size, mediaType, name: input.name });
      // No file name in the audit: names often carry ID numbers. The address and size identify the content.
      await writeAudit(tx, {
        actor: input.owner,
        action: 'uploads.upload.received',
        subject: `upload:${row.id}`,
        requestId: input.requestId,
        detail: { sha256: row.sha256, size: row.size, mediaType },
      });
      return { id: row.id, sha256: row.sha256, size: row.size, mediaType, name: row.name };
    });
  } finally {
    await staged.discard();
  }
}
