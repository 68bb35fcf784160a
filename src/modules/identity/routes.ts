/** The identity JSON API (/api/v1/auth, /api/v1/me…, and outside production /api/v1/dev/outbox): thin handlers over the actions. */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpServer } from '../../platform/http/server.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from './deps.js';
import { listActableCompanies, listAgentGrants, listLiveSessions, listOutbox, listSignInEvents } from './identity.repository.js';
import { PASSWORD_MAX_LENGTH } from './passwords.js';
import { accountIdOf, principalOf, requirePerson, requirePrincipal } from './principal.js';
import { companyRepresentedBy } from './company-access.js';
import { registerPerson, REGISTRATION_ACCEPTED } from './actions/register-person.js';
import { signIn } from './actions/sign-in.js';
import { revokeOwnSession } from './actions/revoke-session.js';
import { requestPhoneVerification } from './actions/request-phone-verification.js';
import { confirmPhoneVerification } from './actions/confirm-phone-verification.js';
import { verifyRealName } from './actions/verify-real-name.js';
import { bindCompany } from './actions/bind-company.js';
import { grantAgent } from './actions/grant-agent.js';
import { revokeAgentGrant } from './actions/revoke-agent-grant.js';
import { setActingAs } from './actions/set-acting-as.js';
import { requestPasswordReset, RESET_CODE_SENT } from './actions/request-password-reset.js';
import { resetPassword } from './actions/reset-password.js';
import { changePassword } from './actions/change-password.js';
import { setEmail } from './actions/set-email.js';
import { confirmEmail } from './actions/confirm-email.js';
import { SESSION_COOKIE, SESSION_LIFETIME_SECONDS } from './sessions.js';

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

export const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  requestId: request.id,
});

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: SESSION_LIFETIME_SECONDS });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction });
}

const ZActingAs = z.object({ uscc: z.string(), name: z.string(), role: z.enum(['representative', 'agent']) });
const ZMe = z.object({
  id: z.string(),
  kind: z.enum(['person', 'staff']),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  level: z.number().int(),
  actingAs: ZActingAs.nullable(),
  companies: z.array(ZActingAs.extend({ validUntil: z.string().nullable(), itemCodes: z.array(z.string()).nullable() })),
  staff: z.object({ agencyId: z.number(), agencyName: z.string(), roles: z.array(z.string()) }).nullable(),
});
const ZUscc = z.string().trim().toUpperCase().length(18, '统一社会信用代码应为 18 位 (18 characters)');
const ZGrant = z.object({
  id: z.string(),
  agentName: z.string(),
  agentIdNumberMasked: z.string(),
  itemCodes: z.array(z.string()).nullable(),
  validUntil: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
  live: z.boolean(),
});

/** A session, not a Bearer token: changing the session's acting identity or ending it needs one. */
async function requireSessionPerson(deps: IdentityDeps, request: FastifyRequest) {
  const principal = await requirePerson(deps, request);
  if (!principal.sessionId) throw new AppError('forbidden', { message: '此操作需要登录会话。This needs a signed-in session.' });
  return principal as typeof principal & { sessionId: string };
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
        summary:
          'Sign in (登录) with an ID number, a USCC (acting for the company) or a staff login name, and the password; staff add `totp`, or send it with the `challenge` of a first answer',
        body: z.object({
          username: z.string().max(64).optional(),
          password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
          totp: z.string().max(10).optional(),
          challenge: z.string().max(100).optional(),
        }),
        response: { 200: ZMessage, 202: z.object({ message: z.string(), challenge: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, request.body, metaOf(request));
      if (result.status === 'totp_required') {
        return reply.code(202).send({ message: '请输入动态验证码。Enter the one-time code from your authenticator app.', challenge: result.challenge });
      }
      setSessionCookie(reply, config, result.token);
      return reply.code(200).send({ message: '登录成功。Signed in.' });
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'Sign out (退出登录): ends the current session' } }, async (request, reply) => {
    const principal = await principalOf(deps, request).catch(() => null);
    if (principal?.sessionId) await revokeOwnSession(deps, { account: principal.account, sessionId: principal.sessionId, reason: 'sign_out' }, metaOf(request));
    clearSessionCookie(reply, config);
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset code (找回密码) at the verified phone or e-mail; the same answer whether or not an account matches',
        body: z.union([
          z.object({ idNumber: z.string().trim().max(18), phone: z.string().regex(/^1\d{10}$/, '手机号码应为 11 位数字 (11-digit mobile number)') }),
          z.object({ idNumber: z.string().trim().max(18), email: z.string().trim().max(254) }),
        ]),
        response: { 202: ZMessage },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body, metaOf(request));
      return reply.code(202).send({ message: RESET_CODE_SENT });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the SMS code; every session of the account ends',
        body: z.object({ idNumber: z.string().trim().max(18), code: z.string().trim().max(10), password: z.string().max(PASSWORD_MAX_LENGTH) }),
        response: { 200: ZMessage },
      },
    },
    async (request) => {
      await resetPassword(deps, request.body, metaOf(request));
      return { message: '密码已重置，请重新登录。Password reset: please sign in.' };
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The signed-in account (当前账户): level (实名等级), the companies it can act for, the acting identity', response: { 200: ZMe } } },
    async (request) => {
      const p = await requirePrincipal(deps, request);
      const companies = p.account.kind === 'person' ? await listActableCompanies(deps.db, p.account.personId) : [];
      return {
        id: accountIdOf(p.account.kind === 'person' ? { kind: 'person', personId: p.account.personId } : p.account),
        kind: p.account.kind,
        name: p.name,
        idNumberMasked: p.idNumberMasked,
        phoneMasked: p.phoneMasked,
        level: p.level,
        actingAs: p.actingAs && { uscc: p.actingAs.uscc, name: p.actingAs.name, role: p.actingAs.role },
        companies: companies.map((c) => ({ uscc: c.uscc, name: c.name, role: c.role, validUntil: c.validUntil, itemCodes: c.itemCodes })),
        staff: p.staff,
      };
    },
  );

  app.post(
    '/api/v1/me/acting-as',
    {
      schema: {
        tags,
        summary: 'Act for a company you represent or are an agent for (切换办事身份); `uscc: null` acts for yourself again',
        body: z.object({ uscc: ZUscc.nullable() }),
        response: { 200: z.object({ actingAs: ZActingAs.nullable() }) },
      },
    },
    async (request) => {
      const p = await requireSessionPerson(deps, request);
      const acting = await setActingAs(deps, { personId: p.account.personId, sessionId: p.sessionId, uscc: request.body.uscc }, metaOf(request));
      return { actingAs: acting && { uscc: acting.uscc, name: acting.name, role: acting.role } };
    },
  );

  app.post(
    '/api/v1/me/phone/verification',
    { schema: { tags, summary: 'Send a code to your phone on record (手机号验证)', response: { 202: z.object({ message: z.string(), phoneMasked: z.string() }) } } },
    async (request, reply) => {
      const p = await requirePerson(deps, request);
      const { phoneMasked } = await requestPhoneVerification(deps, p.account.personId, metaOf(request));
      return reply.code(202).send({ message: `验证码已发送至 ${phoneMasked}。A code was sent to ${phoneMasked}.`, phoneMasked });
    },
  );

  app.post(
    '/api/v1/me/phone/verification/confirm',
    {
      schema: { tags, summary: 'Confirm the phone with the code: level 1 (一级)', body: z.object({ code: z.string().trim().max(10) }), response: { 200: z.object({ level: z.number() }) } },
    },
    async (request) => {
      const p = await requirePerson(deps, request);
      await confirmPhoneVerification(deps, p.account.personId, request.body.code, metaOf(request));
      return { level: (await requirePerson(deps, request)).level };
    },
  );

  app.post(
    '/api/v1/me/email',
    {
      schema: {
        tags,
        summary: 'Set your e-mail address (绑定邮箱); a code goes to it, and it counts as verified once the code comes back',
        body: z.object({ email: z.string().trim().max(254) }),
        response: { 202: z.object({ message: z.string(), emailMasked: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = await requirePerson(deps, request);
      const { emailMasked } = await setEmail(deps, p.account.personId, request.body.email, metaOf(request));
      return reply.code(202).send({ message: `验证码已发送至 ${emailMasked}。A code was sent to ${emailMasked}.`, emailMasked });
    },
  );

  app.post(
    '/api/v1/me/email/confirm',
    { schema: { tags, summary: 'Confirm the e-mail address with the code', body: z.object({ code: z.string().trim().max(10) }), response: { 200: ZMessage } } },
    async (request) => {
      const p = await requirePerson(deps, request);
      await confirmEmail(deps, p.account.personId, request.body.code, metaOf(request));
      return { message: '邮箱已验证。E-mail verified.' };
    },
  );

  app.post(
    '/api/v1/me/real-name',
    {
      schema: {
        tags,
        summary: 'Real-name check against the population base (实名认证): name + ID number + verified phone, bank card or social security card: level 2',
        body: z.object({ bankCard: z.string().trim().max(19).optional(), socialSecurityCard: z.string().trim().max(20).optional() }),
        response: { 200: z.object({ level: z.number() }) },
      },
    },
    async (request) => {
      const p = await requirePerson(deps, request);
      await verifyRealName(deps, p.account.personId, request.body, metaOf(request));
      return { level: (await requirePerson(deps, request)).level };
    },
  );

  app.post(
    '/api/v1/me/companies',
    {
      schema: {
        tags,
        summary: 'Bind a company you are the registered legal representative of (法人账户绑定), optionally with a password for signing in with its USCC',
        body: z.object({ uscc: ZUscc, password: z.string().max(PASSWORD_MAX_LENGTH).optional() }),
        response: { 201: z.object({ uscc: z.string(), name: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = await requirePerson(deps, request);
      return reply.code(201).send(await bindCompany(deps, p.account.personId, request.body, metaOf(request)));
    },
  );

  app.get(
    '/api/v1/me/companies/:uscc/agents',
    { schema: { tags, summary: 'Agent grants of a company you represent (经办人授权)', params: z.object({ uscc: ZUscc }), response: { 200: z.object({ items: z.array(ZGrant) }) } } },
    async (request) => {
      const p = await requirePerson(deps, request);
      const company = await companyRepresentedBy(deps.db, p.account.personId, request.params.uscc);
      const today = new Date().toISOString().slice(0, 10);
      return {
        items: (await listAgentGrants(deps.db, company.id)).map((g) => ({
          id: g.id,
          agentName: g.agentName,
          agentIdNumberMasked: g.agentIdNumberMasked,
          itemCodes: g.itemCodes,
          validUntil: g.validUntil,
          grantedAt: g.grantedAt.toISOString(),
          revokedAt: g.revokedAt?.toISOString() ?? null,
          live: g.revokedAt === null && g.validUntil >= today,
        })),
      };
    },
  );

  app.post(
    '/api/v1/me/companies/:uscc/agents',
    {
      schema: {
        tags,
        summary: 'Grant a person the right to act for the company, for all items or the listed ones, until a date',
        params: z.object({ uscc: ZUscc }),
        body: z.object({
          agentName: z.string().trim().min(1).max(50),
          agentIdNumber: z.string().trim().max(18),
          itemCodes: z.array(z.string().trim().max(40)).max(200).optional(),
          validUntil: z.string().max(10),
        }),
        response: { 201: z.object({ grantId: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = await requirePerson(deps, request);
      return reply.code(201).send(await grantAgent(deps, p.account.personId, request.params.uscc, request.body, metaOf(request)));
    },
  );

  app.delete(
    '/api/v1/me/companies/:uscc/agents/:grantId',
    { schema: { tags, summary: 'Revoke an agent grant (撤销授权) at once', params: z.object({ uscc: ZUscc, grantId: z.string().uuid() }) } },
    async (request, reply) => {
      const p = await requirePerson(deps, request);
      await revokeAgentGrant(deps, p.account.personId, request.params.uscc, request.params.grantId, metaOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password (修改密码); your other sessions end',
        body: z.object({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH), newPassword: z.string().max(PASSWORD_MAX_LENGTH) }),
        response: { 200: z.object({ message: z.string(), sessionsEnded: z.number() }) },
      },
    },
    async (request) => {
      const p = await requirePrincipal(deps, request);
      if (!p.sessionId) throw new AppError('forbidden', { message: '此操作需要登录会话。This needs a signed-in session.' });
      const { sessionsEnded } = await changePassword(deps, { account: p.account, sessionId: p.sessionId, ...request.body }, metaOf(request));
      return { message: '密码已修改。Password changed.', sessionsEnded };
    },
  );

  app.get(
    '/api/v1/me/sessions',
    { schema: { tags, summary: 'Your live sessions (我的会话)', response: { 200: z.object({ items: z.array(ZSession) }) } } },
    async (request) => {
      const p = await requirePrincipal(deps, request);
      const rows = await listLiveSessions(deps.db, p.account);
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          userAgent: r.userAgent,
          ip: r.ip,
          current: r.id === p.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    { schema: { tags, summary: 'Revoke one of your sessions (注销会话)', params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const p = await requirePrincipal(deps, request);
      await revokeOwnSession(deps, { account: p.account, sessionId: request.params.id, reason: 'revoke' }, metaOf(request));
      if (request.params.id === p.sessionId) clearSessionCookie(reply, config);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me/sign-ins',
    {
      schema: {
        tags,
        summary: 'Your sign-in history (登录记录), newest first',
        querystring: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.object({ at: z.string(), ip: z.string(), outcome: z.string() })) }) },
      },
    },
    async (request) => {
      const p = await requirePrincipal(deps, request);
      const pageSize = 20;
      const { total, items } = await listSignInEvents(deps.db, p.account, pageSize, (request.query.page - 1) * pageSize);
      return { total, items: items.map((e) => ({ at: e.at.toISOString(), ip: e.ip, outcome: e.outcome })) };
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
