import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

/** An RFC 9457 problem document with our stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<string, string> = {
  validation_failed: 'The request has invalid fields',
  bad_request: 'The request could not be understood',
  query_too_long: 'The search query is too long',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/** Map anything thrown by a handler, a validator or Fastify itself onto an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'request';
    return new AppError('validation_failed', {
      message: 'One or more fields are invalid.',
      errors: fe.validation.map((v) => {
        const params = v.params as { issue?: { path?: PropertyKey[]; code?: string } };
        const path = params.issue?.path?.map(String).join('.') || v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { field: path ? `${where}.${path}` : where, code: params.issue?.code ?? v.keyword, message: v.message ?? 'invalid' };
      }),
    });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { message: fe.message });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { message: fe.message });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', { message: 'The request body is not valid JSON.' });
  }
  if (fe.statusCode === 429) return new AppError('rate_limited', { message: fe.message, headers: {} });
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'not_found' : fe.statusCode === 405 ? 'method_not_allowed' : 'bad_request', {
      message: fe.message,
    });
  }
  return new AppError('internal', { message: 'An unexpected error occurred.', cause: error });
}

export function problemOf(error: AppError, request: FastifyRequest): Problem {
  return {
    type: `urn:onestop:problem:${error.code}`,
    title: TITLES[error.code] ?? error.code.replace(/_/g, ' '),
    status: error.status,
    code: error.code,
    ...(error.code === 'internal' ? {} : { detail: error.message }),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

/** True when the client wants JSON (the API, or an Accept header that prefers it). */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url.startsWith('/oidc/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('json') && !accept.includes('text/html');
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  for (const [k, v] of Object.entries(error.headers ?? {})) reply.header(k, v);
  return reply.code(error.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problemOf(error, reply.request)));
}
