/**
 * CSRF protection for HTML forms (跨站请求伪造防护).
 *
 * Every browser gets a random `csrf` cookie (httpOnly, SameSite=Lax, Secure in production) the first time a
 * page with a form is rendered; the form carries a hidden `_csrf` field holding the HMAC of that cookie value
 * under a key derived from the data key, so every process of a deployment computes the same token and nothing
 * needs to be stored. A form post without a matching token is refused with 403 `csrf_failed` before the
 * handler runs, and nothing changes.
 *
 * Which requests are checked: every POST/PUT/PATCH/DELETE whose body has a content type a cross-site page can
 * send without a CORS preflight (application/x-www-form-urlencoded, multipart/form-data, text/plain). The JSON
 * API needs no token: it only accepts `Content-Type: application/json`, which a cross-site page cannot send
 * without a preflight (and we answer no CORS), and the session cookie is SameSite=Lax, so a cross-site POST
 * does not carry it. A route can opt out with `config: { csrf: false }` (server-to-server form posts such as an
 * OAuth token endpoint, which carry no cookie and prove themselves otherwise).
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
/** Scripts that post a form body with fetch may send the token in this header instead. */
export const CSRF_HEADER = 'x-csrf-token';

const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface CsrfOptions {
  /** config.dataKey: the token key is derived from it, so all processes agree. */
  dataKey: Buffer;
  /** Secure cookie (production). */
  secure: boolean;
}

interface CsrfState {
  key: Buffer;
  secure: boolean;
}

const STATE = Symbol('onestop.csrf');
/** The cookie value chosen while rendering this request, when the browser had none yet. */
const FRESH_VALUE = Symbol('onestop.csrf.fresh');

type WithState = FastifyInstance & { [STATE]?: CsrfState };
type WithFresh = FastifyRequest & { [FRESH_VALUE]?: string };

function stateOf(request: FastifyRequest): CsrfState {
  const state = (request.server as WithState)[STATE];
  if (!state) throw new Error('CSRF protection is not registered (call registerCsrf first)');
  return state;
}

function tokenOf(key: Buffer, cookieValue: string): string {
  return crypto.createHmac('sha256', key).update(`csrf\0${cookieValue}`, 'utf8').digest('base64url');
}

/** True for a request a cross-site form could send: an unsafe method with a form-like body. */
export function needsCsrfCheck(request: Pick<FastifyRequest, 'method' | 'headers'>): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

/** The token a form must carry for this browser; sets the `csrf` cookie when the browser has none. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  const { key, secure } = stateOf(request);
  const given = request.cookies?.[CSRF_COOKIE];
  if (given && COOKIE_VALUE.test(given)) return tokenOf(key, given);
  const fresh = request as WithFresh;
  if (!fresh[FRESH_VALUE]) {
    fresh[FRESH_VALUE] = crypto.randomBytes(32).toString('base64url');
    reply.setCookie(CSRF_COOKIE, fresh[FRESH_VALUE], { path: '/', httpOnly: true, sameSite: 'lax', secure });
  }
  return tokenOf(key, fresh[FRESH_VALUE]);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const field = (request.body as Record<string, unknown> | null | undefined)?.[CSRF_FIELD];
  if (typeof field === 'string') return field;
  // @fastify/multipart with attachFieldsToBody gives { value } objects.
  if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value;
  return undefined;
}

/** True when the request carries the token that matches its `csrf` cookie. */
export function hasValidCsrfToken(request: FastifyRequest): boolean {
  return csrfTokenMatches(request, submittedToken(request));
}

/**
 * True when `token` matches the request's `csrf` cookie: for routes that read the token themselves, such as a
 * streamed multipart upload whose `_csrf` field arrives before the file.
 */
export function csrfTokenMatches(request: FastifyRequest, token: string | undefined): boolean {
  const cookie = request.cookies?.[CSRF_COOKIE];
  if (!cookie || !COOKIE_VALUE.test(cookie) || !token) return false;
  const expected = Buffer.from(tokenOf(stateOf(request).key, cookie));
  const actual = Buffer.from(token);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/**
 * Install the check (a preValidation hook: after the body is parsed, before the route validates it, so a
 * missing token is a 403 and never a 400) on every route registered after this call.
 */
export function registerCsrf(app: FastifyInstance, options: CsrfOptions): void {
  (app as WithState)[STATE] = { key: Buffer.from(crypto.hkdfSync('sha256', options.dataKey, Buffer.alloc(0), 'onestop csrf v1', 32)), secure: options.secure };
  app.addHook('preValidation', async (request) => {
    if (!needsCsrfCheck(request)) return;
    if ((request.routeOptions.config as { csrf?: boolean } | undefined)?.csrf === false) return;
    if (!hasValidCsrfToken(request)) {
      throw new AppError('csrf_failed', {
        message: '页面已过期或来自其他网站，请返回后刷新页面再提交。The form expired or came from another site: go back, reload the page and submit again.',
      });
    }
  });
}
