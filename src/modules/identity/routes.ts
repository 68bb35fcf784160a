/** The identity JSON API (/api/v1/auth, /api/v1/me, and outside production /api/v1/dev/outbox): thin handlers over the actions. */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpServer } from '../../platform/http/server.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from './deps.js';
import { listLiveSessions, listOutbox, touchLiveSession, type SessionPerson } from './identity.repository.js';
import { PASSWORD_MAX_LENGTH } from './passwords.js';
import { registerPerson, REGISTRATION_ACCEPTED } from './actions/register-person.js';
import { signIn } from './actions/sign-in.js';
import { revokeOwnSession } from './actions/revoke-session.js';
import { SESSION_COOKIE, SESSION_LIFETIME_SECONDS, sessionIdOf } from './sessions.js';

const tags = ['identity'];
const ZMessage = z.object({ message: z.string() });
const ZSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  requestId: request.id,
});

/** The signed-in person of a request, or 401. */
async function requireSession(deps: IdentityDeps, request: FastifyRequest): Promise<SessionPerson> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await touchLiveSession(deps.db, sessionIdOf(token)) : undefined;
  if (!session) throw new AppError('unauthenticated', { message: '请先登录。Please sign in.' });
  return session;
}

function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction });
}

export async function registerIdentityRoutes(http: HttpServer, deps: IdentityDeps, config: Config): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/auth/register',
    {
      schema: {
        tags,
        summary: 'Register a natural person (自然人注册); an existing ID number gets the same answer and a recovery SMS',
        body: z.object({
          name: z.string().trim().min(1).max(50),
          idNumber: z.string().trim().max(18).transform((v) => v.toUpperCase()),
          phone: z.string().regex(/^1\d{10}$/, '手机号码应为 11 位数字 (11-digit mobile number)'),
          password: z.string().max(PASSWORD_MAX_LENGTH),
        }),
        response: { 201: ZMessage },
      },
    },
    async (request, reply) => {
      await registerPerson(deps, request.body, metaOf(request));
      return reply.code(201).send({ message: REGISTRATION_ACCEPTED });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in (登录) with ID number and password; sets the `sid` session cookie',
        body: z.object({ username: z.string().max(64), password: z.string().max(PASSWORD_MAX_LENGTH) }),
        response: { 200: ZMessage },
      },
    },
    async (request, reply) => {
      const { token } = await signIn(deps, request.body, metaOf(request));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.isProduction,
        maxAge: SESSION_LIFETIME_SECONDS,
      });
      return { message: '登录成功。Signed in.' };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'Sign out (退出登录): ends the current session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await touchLiveSession(deps.db, sessionIdOf(token)) : undefined;
      if (session) await revokeOwnSession(deps, { personId: session.personId, sessionId: session.sessionId, reason: 'sign_out' }, metaOf(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'The signed-in account (当前账户) with its assurance level (实名等级)',
        response: { 200: z.object({ id: z.string(), name: z.string(), idNumberMasked: z.string(), phoneMasked: z.string(), level: z.number().int() }) },
      },
    },
    async (request) => {
      const s = await requireSession(deps, request);
      return { id: s.personId, name: s.name, idNumberMasked: s.idNumberMasked, phoneMasked: s.phoneMasked, level: s.level };
    },
  );

  app.get(
    '/api/v1/me/sessions',
    { schema: { tags, summary: 'Your live sessions (我的会话)', response: { 200: z.object({ items: z.array(ZSession) }) } } },
    async (request) => {
      const s = await requireSession(deps, request);
      const rows = await listLiveSessions(deps.db, s.personId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          userAgent: r.userAgent,
          ip: r.ip,
          current: r.id === s.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    { schema: { tags, summary: 'Revoke one of your sessions (注销会话)', params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const s = await requireSession(deps, request);
      await revokeOwnSession(deps, { personId: s.personId, sessionId: request.params.id, reason: 'revoke' }, metaOf(request));
      if (request.params.id === s.sessionId) clearSessionCookie(reply, config);
      return reply.code(204).send();
    },
  );

  // Lets tests and people trying onestop out read the messages "sent"; it does not exist in production.
  if (!config.isProduction) {
    app.get(
      '/api/v1/dev/outbox',
      {
        schema: {
          tags,
          summary: 'Messages in the notification outbox (通知发件箱), newest first; not in production',
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.number(), channel: z.enum(['sms', 'email']), recipient: z.string(), body: z.string(), createdAt: z.string(), sentAt: z.string().nullable() }),
              ),
            }),
          },
        },
      },
      async () => ({
        items: (await listOutbox(deps.db, 100)).map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
      }),
    );
  }
}
