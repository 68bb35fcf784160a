/**
 * HTTP for single sign-on: oidc-provider mounted at /oidc, the account's consents (page form and API),
 * and the platform admin's client registry (page and API).
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors.js';
import type { HttpServer } from '../../../platform/http/server.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { accountIdOf, requirePrincipal, requireStaff } from '../principal.js';
import { revokeOwnSession } from '../actions/revoke-session.js';
import { touchLiveSession } from '../identity.repository.js';
import { sessionIdOf } from '../sessions.js';
import { listOf, problemsOf, sendStaffPage, staffPageInput, stringOf } from '../pages/staff/page.js';
import { addClient } from './actions/add-client.js';
import { listConsents } from './actions/list-consents.js';
import { revokeConsent } from './actions/revoke-consent.js';
import { clientInputSchema } from './clients.js';
import { listClients } from './oidc.repository.js';
import { ClientAddedPage, ClientsPage, type ClientFormValues } from './pages/clients-page.js';
import { CONSENTS_ANCHOR } from './pages/consents-section.js';
import { OIDC_PATH, PORTAL_SIGN_OUT, type OidcProvider, type PortalSignOut } from './provider.js';
import { PLATFORM_ADMIN } from '../staff-permissions.js';
import { SCOPES } from './settings.js';

const tags = ['identity'];
const ZConsentId = z.object({ id: z.uuid() });

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  requestId: request.id,
});

/**
 * oidc-provider (a Koa app) answers everything under /oidc that no route of ours claims (the
 * interactions are ours). Its requests keep their body stream (the provider parses it) and skip the
 * CSRF check (the token endpoint is posted to by servers; the provider's own forms carry its own
 * token). The host and scheme it builds URLs from are always those of the public URL.
 */
export async function mountProvider(http: HttpServer, oidc: OidcProvider, deps: IdentityDeps): Promise<void> {
  const publicUrl = new URL(deps.config.publicUrl);
  await http.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.route({
      method: ['GET', 'POST', 'OPTIONS', 'DELETE', 'PUT', 'PATCH'],
      url: `${OIDC_PATH}/*`,
      schema: { hide: true },
      config: { csrf: false },
      handler: async (request, reply) => {
        const provider = await oidc.get();
        const req = request.raw as IncomingMessage & { originalUrl?: string };
        req.headers['x-forwarded-host'] = publicUrl.host;
        req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
        req.headers['x-forwarded-for'] = request.ip;
        req.originalUrl = req.url;
        req.url = req.url!.slice(OIDC_PATH.length) || '/';
        reply.hijack();
        await provider.callback()(req, reply.raw);
        const signedOut = (req as PortalSignOut)[PORTAL_SIGN_OUT];
        if (signedOut) await endPortalSession(deps, signedOut, metaOf(request));
      },
    });
  });
}

async function endPortalSession(deps: IdentityDeps, token: string, meta: RequestMeta): Promise<void> {
  const session = await touchLiveSession(deps.db, sessionIdOf(token));
  if (session) await revokeOwnSession(deps, { account: session.account, sessionId: session.sessionId, reason: 'sign_out' }, meta);
}

export async function registerConsentRoutes(http: HttpServer, deps: IdentityDeps): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.post('/account/consents/:id/revoke', { schema: { hide: true, params: ZConsentId } }, async (request, reply) => {
    const principal = await requirePrincipal(deps, request);
    if (!principal.sessionId) throw new AppError('forbidden');
    await revokeConsent(deps, principal.account, request.params.id, metaOf(request));
    return reply.redirect(`/account?consent=revoked#${CONSENTS_ANCHOR}`, 303);
  });

  const ZConsent = z.object({ id: z.string(), clientId: z.string(), clientName: z.string(), scopes: z.array(z.string()), grantedAt: z.string(), companyId: z.string().nullable() });
  app.get(
    '/api/v1/me/consents',
    { schema: { tags, summary: 'Systems you allowed to sign you in (已授权的系统) and what each receives', response: { 200: z.object({ items: z.array(ZConsent) }) } } },
    async (request) => {
      const principal = await requirePrincipal(deps, request);
      const items = await listConsents(deps, principal.account);
      return { items: items.map((c) => ({ ...c, grantedAt: c.grantedAt.toISOString() })) };
    },
  );

  app.delete(
    '/api/v1/me/consents/:id',
    { schema: { tags, summary: 'Revoke a consent (撤销授权): the system’s tokens stop working at once', params: ZConsentId } },
    async (request, reply) => {
      const principal = await requirePrincipal(deps, request);
      // A Bearer token must not be able to revoke grants, its own included: only the person at the portal.
      if (!principal.sessionId) throw new AppError('forbidden', { message: '请在门户中操作。Use the portal to do this.' });
      await revokeConsent(deps, principal.account, request.params.id, metaOf(request));
      return reply.code(204).send();
    },
  );
}

/** Field errors of the client schema ('redirectUris.0') → the admin form's input ids. */
const CLIENT_FIELD_IDS: Record<string, string> = {
  name: 'client-name',
  redirectUris: 'client-redirect-uris',
  postLogoutRedirectUris: 'client-post-logout-uris',
  scopes: 'client-scopes',
  sector: 'client-sector',
  type: 'client-type-confidential',
};

function clientValidationError(error: z.ZodError): AppError {
  return new AppError('validation_failed', {
    message: '接入系统信息有误。The client details are invalid.',
    errors: error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'body'), code: 'invalid', message: issue.message })),
  });
}

const linesOf = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export async function registerClientAdminRoutes(http: HttpServer, deps: IdentityDeps): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();
  const schema = clientInputSchema(deps.config.isProduction);

  app.get('/admin/oidc/clients', { schema: { hide: true } }, async (request, reply) => {
    const input = await staffPageInput(deps, deps.config, request, reply, [PLATFORM_ADMIN]);
    if (!input) return reply;
    return sendStaffPage(reply, <ClientsPage input={input} clients={await listClients(deps.db)} />);
  });

  app.post('/admin/oidc/clients', { schema: { hide: true } }, async (request, reply) => {
    const input = await staffPageInput(deps, deps.config, request, reply, [PLATFORM_ADMIN]);
    if (!input) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const type = stringOf(body.type) === 'public' ? 'public' : 'confidential';
    const values: ClientFormValues = {
      name: stringOf(body.name),
      redirectUris: stringOf(body.redirectUris),
      postLogoutRedirectUris: stringOf(body.postLogoutRedirectUris),
      scopes: listOf(body.scopes),
      sector: stringOf(body.sector),
      type,
    };
    try {
      const parsed = schema.safeParse({
        name: values.name,
        redirectUris: linesOf(values.redirectUris),
        postLogoutRedirectUris: linesOf(values.postLogoutRedirectUris),
        scopes: values.scopes.join(' '),
        sector: values.sector,
        type,
      });
      if (!parsed.success) throw clientValidationError(parsed.error);
      const added = await addClient(deps, parsed.data, { actor: accountIdOf({ kind: 'staff', staffId: input.actor.staffId }), requestId: request.id });
      return sendStaffPage(reply, <ClientAddedPage input={input} name={parsed.data.name} clientId={added.clientId} clientSecret={added.clientSecret} />, 201);
    } catch (e) {
      const { status, problems } = problemsOf(e, CLIENT_FIELD_IDS);
      return sendStaffPage(reply, <ClientsPage input={input} clients={await listClients(deps.db)} problems={problems} values={values} />, status);
    }
  });

  const ZClient = z.object({
    clientId: z.string(),
    name: z.string(),
    type: z.enum(['confidential', 'public']),
    redirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()),
    scopes: z.array(z.string()),
    sector: z.string(),
    createdAt: z.string(),
  });
  app.get(
    '/api/v1/admin/oidc/clients',
    { schema: { tags, summary: 'Registered OIDC clients (接入系统); platform admins only', response: { 200: z.object({ items: z.array(ZClient) }) } } },
    async (request) => {
      await requireStaff(deps, request, PLATFORM_ADMIN);
      const rows = await listClients(deps.db);
      return {
        items: rows.map((c) => ({
          clientId: c.clientId,
          name: c.name,
          type: c.type,
          redirectUris: c.redirectUris,
          postLogoutRedirectUris: c.postLogoutRedirectUris,
          scopes: c.scopes.split(' '),
          sector: c.sectorIdentifier,
          createdAt: c.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/v1/admin/oidc/clients',
    {
      schema: {
        tags,
        summary: 'Register an OIDC client (登记接入系统); the secret is in this answer only. Platform admins only',
        body: z.object({
          name: z.string().max(100),
          redirectUris: z.array(z.string().max(500)).max(10),
          postLogoutRedirectUris: z.array(z.string().max(500)).max(10).optional(),
          scopes: z.array(z.enum(SCOPES as [string, ...string[]])).max(SCOPES.length),
          sector: z.string().max(253),
          type: z.enum(['confidential', 'public']).optional(),
        }),
        response: { 201: z.object({ clientId: z.string(), clientSecret: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      const staff = await requireStaff(deps, request, PLATFORM_ADMIN);
      const parsed = schema.safeParse({ ...request.body, scopes: request.body.scopes.join(' ') });
      if (!parsed.success) throw clientValidationError(parsed.error);
      const added = await addClient(deps, parsed.data, { actor: accountIdOf(staff.account), requestId: request.id });
      return reply.code(201).send(added);
    },
  );
}
