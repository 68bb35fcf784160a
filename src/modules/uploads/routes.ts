/** POST /api/v1/uploads (multipart, streamed) and GET /api/v1/uploads/{id}. Thin: who, CSRF, then the action. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stagingDirOf, sweepStaging } from '../../platform/blobs/index.js';
import type { ModuleContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { CSRF_FIELD, CSRF_HEADER, csrfTokenMatches } from '../../platform/http/csrf.js';
import type { HttpServer } from '../../platform/http/server.js';
import { accountIdOf, identityDeps, requirePerson, type IdentityDeps } from '../identity/index.js';
import { openUpload } from './actions/open-upload.js';
import { receiveUpload, tooLarge, type ReceivedUpload } from './actions/receive-upload.js';
import { uploadsDeps } from './deps.js';

const tags = ['uploads'];
const FILE_FIELD = 'file';
const STALE_STAGING_MS = 24 * 3600_000;

const ZUpload = z.object({
  id: z.string().uuid(),
  sha256: z.string().describe('SHA-256 of the content, lower-case hex'),
  size: z.number().int().describe('bytes'),
  mediaType: z.string().describe('from the content: application/pdf, image/jpeg, image/png, application/ofd or DOCX'),
});

/** A file name as the client gave it, reduced to its last path segment, printable, at most 200 characters. */
export function cleanFileName(given: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'upload';
}

/**
 * CSRF for a streamed upload, checked before the file is read. A Bearer token is not an ambient credential (a
 * cross-site page cannot attach one), so a request that carries one needs no token. A session cookie is, so its
 * request must carry the `_csrf` token: in the `x-csrf-token` header (scripts) or as a form field before the file.
 */
function csrfSatisfied(request: FastifyRequest, fieldToken: string | undefined): boolean {
  if (request.headers.authorization?.startsWith('Bearer ')) return true;
  const header = request.headers[CSRF_HEADER];
  return csrfTokenMatches(request, typeof header === 'string' ? header : fieldToken);
}

function contentDisposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function registerUploadRoutes(http: HttpServer, ctx: ModuleContext, identity: IdentityDeps = identityDeps(ctx)): Promise<void> {
  const deps = uploadsDeps(ctx);
  // Staging files a crashed process left behind; a day is far longer than any upload takes.
  sweepStaging(stagingDirOf(ctx.config), STALE_STAGING_MS).catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not sweep the upload staging folder'));

  // Multipart parsing only in this scope: other routes keep refusing multipart bodies as before.
  await http.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // One byte over the limit, so that the staging counter sees an oversized file go past the limit and refuses it
      // (busboy would otherwise cut it to exactly the limit and end the stream as if it were whole).
      limits: { fileSize: ctx.config.uploadMaxFileBytes + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/uploads',
      {
        // The token is checked in the handler, as the fields stream in (the global hook runs before the body is read).
        config: { csrf: false },
        schema: {
          tags,
          summary: '上传材料 / Upload a file for an application',
          description:
            'multipart/form-data with one file in the field `file` (and, for a session-cookie client, the `_csrf` field before it or the ' +
            '`x-csrf-token` header; Bearer-token clients need neither). The type is judged from the content: PDF, JPEG, PNG, OFD or DOCX, ' +
            'else 415. Larger than ONESTOP_UPLOAD_MAX_FILE_MB: 413, nothing kept. A file the virus scanner flags: 422 `upload_rejected`. ' +
            'Signed-in persons only. The id is then given as a material when the case is submitted.',
          consumes: ['multipart/form-data'],
          response: { 201: ZUpload },
        },
      },
      async (request, reply) => {
        const principal = await requirePerson(identity, request);
        const owner = accountIdOf({ kind: 'person', personId: principal.account.personId });
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', { message: '请以 multipart/form-data 上传文件。Send the file as multipart/form-data.' });
        }
        let fieldToken: string | undefined;
        let received: ReceivedUpload | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (part.fieldname === CSRF_FIELD && typeof part.value === 'string') fieldToken = part.value;
              continue;
            }
            if (part.fieldname !== FILE_FIELD || received) {
              part.file.resume();
              continue;
            }
            if (!csrfSatisfied(request, fieldToken)) {
              throw new AppError('csrf_failed', {
                message: '页面已过期或来自其他网站，请返回后刷新页面再提交。The form expired or came from another site: go back, reload the page and submit again.',
              });
            }
            const file = part.file;
            received = await receiveUpload(deps, {
              owner,
              content: file,
              name: cleanFileName(part.filename),
              requestId: request.id,
              truncated: () => file.truncated,
            });
          }
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx.config.uploadMaxFileBytes);
          if ((e as { code?: string }).code === 'FST_FILES_LIMIT' || (e as { code?: string }).code === 'FST_PARTS_LIMIT') {
            throw new AppError('bad_request', { message: '一次只能上传一个文件。Send one file per request.' });
          }
          throw e;
        }
        if (!received) {
          throw new AppError('validation_failed', {
            message: '请选择要上传的文件。Choose a file to upload.',
            errors: [{ field: FILE_FIELD, code: 'required', message: '请选择要上传的文件。Choose a file to upload.' }],
          });
        }
        return reply.code(201).send({ id: received.id, sha256: received.sha256, size: received.size, mediaType: received.mediaType });
      },
    );
  });

  const app = http.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/uploads/:id',
    {
      schema: {
        tags,
        summary: '下载或预览本人上传的文件 / Download or preview one of your uploads',
        description: 'The file as uploaded; PDF and images inline (for preview), OFD and DOCX as attachments. Another person’s upload: 404.',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const principal = await requirePerson(identity, request);
      const owner = accountIdOf({ kind: 'person', personId: principal.account.personId });
      const opened = await openUpload(ctx, request.params.id, { owner });
      if (!opened) throw new AppError('not_found', { message: '找不到该文件。No such upload.' });
      const inline = opened.mediaType === 'application/pdf' || opened.mediaType.startsWith('image/');
      return reply
        .header('content-type', opened.mediaType)
        .header('content-length', String(opened.size))
        .header('content-disposition', contentDisposition(opened.name, inline))
        .header('cache-control', 'private, no-store')
        .send(opened.stream);
    },
  );
}
