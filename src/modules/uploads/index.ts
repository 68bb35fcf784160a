/**
 * Public face of the uploads module (材料上传): files a signed-in person uploads for an application, checked
 * by content, scanned, stored by SHA-256 in the blob store, and later claimed by a case.
 */
import type { ModuleContext } from '../../platform/context.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { IdentityDeps } from '../identity/index.js';
import { registerUploadRoutes } from './routes.js';

export { claimUploads, type ClaimUploadsInput, type ClaimedUpload } from './actions/claim-uploads.js';
export { uploadsOf, type CaseUpload } from './uploads.repository.js';
export { openUpload, type OpenedUpload } from './actions/open-upload.js';
export { ALLOWED_MEDIA_TYPES, type AllowedMediaType } from './sniff.js';
export { receiveUpload, type ReceivedUpload } from './actions/receive-upload.js';
export { uploadsDeps, type UploadsDeps } from './deps.js';
export { clamavScanner, noScanner, type UploadScanner, type ScanResult } from './scan.js';

/**
 * POST /api/v1/uploads and GET /api/v1/uploads/{id}. Pass the identity deps that registerIdentity returned so
 * that Bearer tokens are accepted; without them, only session cookies are.
 */
export async function registerUploads(http: HttpServer, ctx: ModuleContext, identity?: IdentityDeps): Promise<void> {
  await registerUploadRoutes(http, ctx, identity);
}
