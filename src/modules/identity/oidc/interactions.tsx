/**
 * The provider's interactions (登录交互): the pages a user sees between a system's authorization
 * request and the redirect back to it, under /oidc/interaction/:uid.
 *
 * - login: a browser with a portal session (`sid`) is not asked again, unless the client demands a
 *   fresh sign-in (prompt=login, max_age); otherwise the shared sign-in form (username, password,
 *   then a staff member's totp). Signing in here also starts a portal session, so that the step-up
 *   pages (/account/verify-phone, /account/real-name) know the user.
 * - step-up: when `acr_values` asks for a level above the account's, the user is sent to raise it and
 *   comes back here; the level is read afresh each time and becomes the ID token's `acr`.
 * - consent: the scopes in plain words with this account's values; remembered as the provider's Grant
 *   and recorded in oidc.consent (revocable from the account page).
 */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { InteractionResults } from 'oidc-provider';
import { writeAudit } from '../../../platform/audit.js';
import { isAppError } from '../../../platform/errors.js';
import { csrfTokenFor } from '../../../platform/http/csrf.js';
import type { HttpServer } from '../../../platform/http/server.js';
import { readPreferences } from '../../../web/i18n.js';
import { renderPage } from '../../../web/render.js';
import { accountClaims } from '../account-claims.js';
import { signIn } from '../actions/sign-in.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { loadAccount, touchLiveSession } from '../identity.repository.js';
import { maskPhone } from '../masking.js';
import { accountIdOf, parseAccountId, principalOf, type AccountRef } from '../principal.js';
import { setSessionCookie } from '../routes.js';
import { sessionIdOf } from '../sessions.js';
import { consentSubjectOf } from './actions/list-consents.js';
import { upsertConsent } from './oidc.repository.js';
import { ConsentPage, scopesToList, SignInPage, StepUpPage, type SharedItem } from './pages/interaction-pages.js';
import { cspAllowingFormTargets, htmlOf, OidcPage, oidcView } from './pages/shell.js';
import { ACR_CHECK_REASON, OIDC_PATH, PORTAL_CHECK_REASON, type OidcProvider, type Provider } from './provider.js';
import { acrOf, requestedMinimumLevel } from './settings.js';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const ZUid = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) });
/** Reasons for the login prompt that a live portal session answers by itself. */
const SESSION_ANSWERS = new Set(['no_session', ACR_CHECK_REASON, PORTAL_CHECK_REASON]);

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  requestId: request.id,
});

const pathOf = (uid: string) => `${OIDC_PATH}/interaction/${uid}`;

export async function registerInteractionRoutes(http: HttpServer, oidc: OidcProvider, deps: IdentityDeps): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  /** The interaction of this browser for `uid`, or null after the expired page was sent. */
  async function interactionOf(request: FastifyRequest, reply: FastifyReply, uid: string): Promise<{ provider: Provider; details: Interaction } | null> {
    const provider = await oidc.get();
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.uid === uid) return { provider, details };
    } catch (e) {
      if ((e as Error).name !== 'SessionNotFound') throw e;
    }
    sendExpired(request, reply);
    return null;
  }

  function viewFor(request: FastifyRequest) {
    const prefs = readPreferences(request);
    return oidcView({ lang: prefs.lang, elder: prefs.elder, url: request.url.split('?')[0]! });
  }

  function sendExpired(request: FastifyRequest, reply: FastifyReply) {
    const view = viewFor(request);
    reply.code(400).header('cache-control', 'no-store').type('text/html; charset=utf-8');
    void reply.send(
      htmlOf(
        <OidcPage view={view} title={view.t.expiredTitle}>
          <h1>{view.t.expiredTitle}</h1>
          <p class="lead">{view.t.expiredIntro}</p>
          <p>
            <a href="/">{view.t.goHome}</a>
          </p>
        </OidcPage>,
      ),
    );
  }

  /** Interaction pages are personal, never cached, and their forms may end at the client's redirect URI. */
  function sendPage(reply: FastifyReply, details: Interaction, page: Parameters<typeof renderPage>[1], status = 200) {
    const csp = cspAllowingFormTargets(reply.raw.getHeader('content-security-policy')?.toString(), [String(details.params.redirect_uri ?? '')]);
    if (csp) reply.header('content-security-policy', csp);
    reply.header('cache-control', 'no-store');
    return renderPage(reply, page, { status });
  }

  async function clientNameOf(provider: Provider, details: Interaction): Promise<string> {
    const client = await provider.Client.find(String(details.params.client_id));
    return client?.clientName ?? String(details.params.client_id);
  }

  /** What every interaction page is given: the page's view, the system's name and the forms' CSRF token. */
  async function pageBasics(request: FastifyRequest, reply: FastifyReply, provider: Provider, details: Interaction) {
    return { view: viewFor(request), clientName: await clientNameOf(provider, details), csrfToken: csrfTokenFor(request, reply) };
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, provider: Provider, result: InteractionResults, merge: boolean) {
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: merge });
    return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
  }

  /** Signed in (by the portal session or the form): step up if the level is too low, else end the login prompt. */
  async function completeLogin(request: FastifyRequest, reply: FastifyReply, provider: Provider, details: Interaction, ref: AccountRef) {
    const account = await loadAccount(deps.db, ref);
    if (!account) return sendExpired(request, reply);
    const required = requestedMinimumLevel(details.params.acr_values);
    if (required !== null && account.level < required) {
      const basics = await pageBasics(request, reply, provider, details);
      return sendPage(
        reply,
        details,
        <StepUpPage {...basics} required={required} current={account.level} returnTo={pathOf(details.uid)} abortAction={`${pathOf(details.uid)}/abort`} />,
      );
    }
    return finish(
      request,
      reply,
      provider,
      { login: { accountId: accountIdOf(account.account), acr: acrOf(account.level), amr: ref.kind === 'staff' ? ['pwd', 'otp'] : ['pwd'], remember: true } },
      false,
    );
  }

  async function showConsent(request: FastifyRequest, reply: FastifyReply, provider: Provider, details: Interaction) {
    const accountId = String(details.session?.accountId ?? '');
    const ref = parseAccountId(accountId);
    const facts = ref ? await accountClaims(deps, ref) : null;
    if (!facts) return sendExpired(request, reply);
    const basics = await pageBasics(request, reply, provider, details);
    const { view } = basics;
    const items: SharedItem[] = scopesToList(details.params.scope).map((scope) => {
      switch (scope) {
        case 'profile':
          return { scope, preview: facts.name };
        case 'phone':
          return { scope, preview: facts.phone ? maskPhone(facts.phone) : null };
        case 'identity':
          return { scope, preview: [facts.idNumberMasked, view.t.levelName(facts.level)].filter(Boolean).join(' · ') };
        case 'legal_person':
          return { scope, preview: facts.legalPerson ? `${facts.legalPerson.name}（${facts.legalPerson.uscc}）` : null };
        default:
          return { scope, preview: null };
      }
    });
    return sendPage(
      reply,
      details,
      <ConsentPage {...basics} items={items} confirmAction={`${pathOf(details.uid)}/confirm`} abortAction={`${pathOf(details.uid)}/abort`} />,
    );
  }

  async function showSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    provider: Provider,
    details: Interaction,
    form: { step: 'password' | 'totp'; username?: string; challenge?: string; error?: string | null; status?: number },
  ) {
    return sendPage(
      reply,
      details,
      <SignInPage {...await pageBasics(request, reply, provider, details)} action={`${pathOf(details.uid)}/login`} {...form} />,
      form.status,
    );
  }

  app.get(`${OIDC_PATH}/interaction/:uid`, { schema: { hide: true, params: ZUid } }, async (request, reply) => {
    const found = await interactionOf(request, reply, request.params.uid);
    if (!found) return reply;
    const { provider, details } = found;
    if (details.prompt.name === 'login') {
      const principal = await principalOf(deps, request).catch(() => null);
      if (principal?.sessionId && details.prompt.reasons.every((reason) => SESSION_ANSWERS.has(reason))) {
        return completeLogin(request, reply, provider, details, principal.account);
      }
      return showSignIn(request, reply, provider, details, { step: 'password' });
    }
    if (details.prompt.name === 'consent') return showConsent(request, reply, provider, details);
    return sendExpired(request, reply);
  });

  app.post(
    `${OIDC_PATH}/interaction/:uid/login`,
    {
      schema: {
        hide: true,
        params: ZUid,
        body: z.object({
          username: z.string().max(64).optional(),
          password: z.string().max(200).optional(),
          totp: z.string().max(12).optional(),
          challenge: z.string().max(100).optional(),
        }),
      },
    },
    async (request, reply) => {
      const found = await interactionOf(request, reply, request.params.uid);
      if (!found) return reply;
      const { provider, details } = found;
      if (details.prompt.name !== 'login') return sendExpired(request, reply);
      const { username, password, totp, challenge } = request.body;
      try {
        const result = await signIn(
          deps,
          challenge ? { challenge, ...(totp ? { totp } : {}) } : { username: username ?? '', password: password ?? '', ...(totp ? { totp } : {}) },
          metaOf(request),
        );
        if (result.status === 'totp_required') return showSignIn(request, reply, provider, details, { step: 'totp', challenge: result.challenge });
        setSessionCookie(reply, deps.config, result.token);
        const session = await touchLiveSession(deps.db, sessionIdOf(result.token));
        if (!session) return sendExpired(request, reply);
        return completeLogin(request, reply, provider, details, session.account);
      } catch (e) {
        if (!isAppError(e) || !['invalid_credentials', 'totp_invalid', 'rate_limited'].includes(e.code)) throw e;
        for (const [name, value] of Object.entries(e.headers ?? {})) reply.header(name, value);
        const again = e.code === 'totp_invalid' && challenge ? { step: 'totp' as const, challenge } : { step: 'password' as const, ...(username ? { username } : {}) };
        return showSignIn(request, reply, provider, details, { ...again, error: e.message, status: e.status });
      }
    },
  );

  app.post(`${OIDC_PATH}/interaction/:uid/confirm`, { schema: { hide: true, params: ZUid } }, async (request, reply) => {
    const found = await interactionOf(request, reply, request.params.uid);
    if (!found) return reply;
    const { provider, details } = found;
    const accountId = details.session?.accountId;
    if (details.prompt.name !== 'consent' || !accountId) return sendExpired(request, reply);
    const clientId = String(details.params.client_id);
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
    if (missing.missingOIDCScope?.length) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    const scopes = (grant.getOIDCScope() ?? '').split(' ').filter(Boolean);
    const ref = parseAccountId(accountId);
    await deps.db.transaction(async (tx) => {
      const subject = ref ? consentSubjectOf(ref) : accountId;
      await upsertConsent(tx, { subject, accountId, clientId, grantId, scopes });
      await writeAudit(tx, {
        actor: accountId,
        action: 'identity.oidc_consent_granted',
        subject: `oidc-client:${clientId}`,
        requestId: request.id,
        detail: { scopes },
      });
    });
    return finish(request, reply, provider, { consent: { grantId } }, true);
  });

  app.post(`${OIDC_PATH}/interaction/:uid/abort`, { schema: { hide: true, params: ZUid } }, async (request, reply) => {
    const found = await interactionOf(request, reply, request.params.uid);
    if (!found) return reply;
    return finish(request, reply, found.provider, { error: 'access_denied', error_description: 'End-User aborted interaction' }, false);
  });
}
