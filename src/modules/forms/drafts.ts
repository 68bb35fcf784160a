/** Rules for drafts (草稿): data is any JSON object under a size limit; it is validated strictly only on submission. */
import { AppError } from '../../platform/errors.js';

/** Bytes of JSON one draft may hold: far above any real form, far below a way to store files. */
export const MAX_DRAFT_BYTES = 64 * 1024;
/** Drafts listed by "my drafts". */
export const MAX_LISTED_DRAFTS = 100;

/** 413 payload_too_large when the draft data would exceed MAX_DRAFT_BYTES as JSON. */
export function checkDraftSize(data: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8');
  if (bytes > MAX_DRAFT_BYTES) {
    throw new AppError('payload_too_large', {
      message: `草稿内容过大（最多 ${MAX_DRAFT_BYTES / 1024} KB）。The draft is too large (at most ${MAX_DRAFT_BYTES / 1024} KB).`,
      errors: [{ field: 'data', code: 'too_large', message: `草稿内容过大。The draft is too large.` }],
    });
  }
}

export function draftNotFound(): AppError {
  return new AppError('not_found', { message: '草稿不存在。The draft does not exist.' });
}
