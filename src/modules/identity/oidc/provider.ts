/**
 * The OpenID Connect provider (oidc-provider by panva), configured for onestop: authorization code with
 * PKCE (S256) required, refresh tokens rotated on every use, RP-initiated logout, pairwise `sub` per
 * sector, signing keys from the database, onestop's scopes and claims, and an assurance-level check
 * for `acr_values` that sends a user below the requested level to step up.
 *
 * The provider is built on first use (the server starts without loading it) and rebuilt when the set
 * of signing keys changes (`onestop keys rotate` from another process), checked at most once a
 * second (KEY_CHECK_MS). All its state is in the database, so a rebuild loses nothing.
 */
import crypto from 'node:crypto';
import type { Configuration, KoaContextWithOIDC, default as ProviderClass, AdapterPayload } from 'oidc-provider';
import type { IdentityDeps } from '../deps.js';
import { accountClaims } from '../account-claims.js';
import { touchLiveSession } from '../identity.repository.js';
import { accountIdOf, parseAccountId } from '../principal.js';
import { SESSION_COOKIE, sessionIdOf } from '../sessions.js';
import { clientMetadataOf } from './clients.js';
import { ensureSigningKey, loadSigningJwks, SIGNING_ALG } from './keys.js';
import { findClient, findLiveConsentGrantId, signingKeysFingerprint } from './oidc.repository.js';
import { pgAdapterFactory } from './pg-adapter.js';
import { ACR_VALUES, levelOfAcr, requestedMinimumLevel, SCOPE_CLAIMS, SCOPES, TTL } from './settings.js';
import { renderLoggedOutPage, renderLogoutConfirmPage, renderOidcErrorPage } from './pages/provider-pages.js';

export type Provider = ProviderClass;

/** Set on the raw request when RP-initiated logout also ends the portal session: that session's cookie token. */
export const PORTAL_SIGN_OUT = Symbol('onestop.oidc.portalSignOut');
export type PortalSignOut = { [PORTAL_SIGN_OUT]?: string };

/** The mount point under the public URL. */
export const OIDC_PATH = '/oidc';
const KEY_CHECK_MS = 1_000;

/** The reason our assurance-level check gives when the session's level is below the requested one. */
export const ACR_CHECK_REASON = 'onestop_acr';
/** The reason our portal check gives when the portal's session is for another account (or company). */
export const PORTAL_CHECK_REASON = 'onestop_portal_account';

export function issuerOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${OIDC_PATH}`;
}

/**
 * The pairwise subject: a keyed hash of the person (never the company they act for, so a person has
 * one `sub` per sector whichever identity they use) and the sector. Stable, and unlinkable across
 * sectors without the data key.
 */
export function pairwiseSubject(fields: IdentityDeps['fields'], accountId: string, sector: string): string {
  const ref = parseAccountId(accountId);
  const who = !ref ? accountId : ref.kind === 'staff' ? `staff:${ref.staffId}` : `person:${ref.personId}`;
  return fields.lookupHash('oidc_pairwise_sub', `${who}\0${sector}`);
}

/** Claims of an account for the provider; scopes (SCOPE_CLAIMS) decide which of them a client gets. */
async function claimsOf(deps: IdentityDeps, accountId: string): Promise<Record<string, unknown> | undefined> {
  const ref = parseAccountId(accountId);
  const facts = ref ? await accountClaims(deps, ref) : null;
  if (!facts) return undefined;
  return {
    sub: accountId,
    name: facts.name,
    ...(facts.phone ? { phone_number: `+86${facts.phone}`, phone_number_verified: facts.phoneVerified } : {}),
    ...(facts.idNumberMasked ? { id_number_masked: facts.idNumberMasked } : {}),
    onestop_level: facts.level,
    ...(facts.legalPerson ? { uscc: facts.legalPerson.uscc, company_name: facts.legalPerson.name, company_role: facts.legalPerson.role } : {}),
  };
}

function isResumeUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).pathname.startsWith(`${OIDC_PATH}/auth/`);
  } catch {
    return false;
  }
}

function cookieKeys(dataKey: Buffer): string[] {
  return [Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'onestop oidc cookies v1', 32)).toString('base64url')];
}

async function buildProvider(deps: IdentityDeps, jwks: AdapterPayload[]): Promise<Provider> {
  const { default: Provider, interactionPolicy } = await import('oidc-provider');
  const { fields, config } = deps;

  const policy = interactionPolicy.base();
  policy.get('login')!.checks.add(
    new interactionPolicy.Check(ACR_CHECK_REASON, 'the requested assurance level is above the one of this sign-in', (ctx) => {
      const minimum = requestedMinimumLevel(ctx.oidc.params?.acr_values);
      if (minimum === null) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      return (levelOfAcr(ctx.oidc.acr) ?? -1) >= minimum ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );

  // The portal is where a person signs in and switches the company they act for: when its session
  // names another account than the provider's session, sign in again (the interaction takes the
  // portal's account without asking), so a system never gets a stale identity.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check(PORTAL_CHECK_REASON, 'the portal session is for another account', async (ctx) => {
      const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
      const accountId = ctx.oidc.session?.accountId;
      if (!token || !accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const portal = await touchLiveSession(deps.db, sessionIdOf(token));
      return portal && accountIdOf(portal.account) !== accountId ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    }),
  );

  const configuration: Configuration = {
    adapter: pgAdapterFactory(deps.db, async (clientId) => {
      const row = await findClient(deps.db, clientId);
      return row ? clientMetadataOf(row, fields) : undefined;
    }),
    jwks: { keys: jwks as never },
    cookies: { keys: cookieKeys(config.dataKey), long: { httpOnly: true, sameSite: 'lax' }, short: { httpOnly: true, sameSite: 'lax' } },
    findAccount: async (_ctx, accountId) => {
      const claims = await claimsOf(deps, accountId);
      return claims ? { accountId, claims: () => claims as { sub: string } } : undefined;
    },
    claims: { acr: null, auth_time: null, sid: null, ...Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, list]) => [scope, [...list]])) },
    scopes: [...SCOPES],
    acrValues: ACR_VALUES,
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (_ctx, accountId, client) => {
      const registered = client as unknown as { onestop_sector?: string; sectorIdentifier?: string };
      const sector = registered.onestop_sector ?? registered.sectorIdentifier ?? client.clientId;
      return pairwiseSubject(fields, accountId, sector);
    },
    extraClientMetadata: { properties: ['onestop_sector'] },
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: SIGNING_ALG,
      subject_type: 'pairwise',
    },
    responseTypes: ['code'],
    pkce: { required: () => true },
    rotateRefreshToken: () => true,
    // Signing out ends the tokens of the session but keeps the consent (the Grant): it is remembered
    // until the person revokes it on the account page. An access token revoked alone leaves it too.
    revokeGrantPolicy: (ctx) => ctx.oidc.route !== 'end_session_confirm' && !(ctx.oidc.route === 'revocation' && ctx.oidc.entities.AccessToken),
    ttl: { ...TTL },
    // A consent outlives the sign-in session it was given in: after signing out (or in another
    // browser) the person's remembered consent for this client is found through oidc.consent.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.account?.accountId ?? ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const candidates = [ctx.oidc.result?.consent?.grantId, ctx.oidc.session?.grantIdFor(clientId), await findLiveConsentGrantId(deps.db, accountId, clientId)];
      for (const grantId of candidates) {
        const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
        if (grant && grant.accountId === accountId && grant.clientId === clientId) return grant;
      }
      return undefined;
    },
    interactions: { policy, url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: renderLogoutConfirmPage, postLogoutSuccessSource: renderLoggedOutPage },
    },
    renderError: (ctx, out) => renderOidcErrorPage(ctx, out),
  };

  const provider = new Provider(issuerOf(config.publicUrl), configuration);
  // The real host and scheme come from the public URL (see the mount in routes.ts), so trust the forwarded headers.
  provider.proxy = true;
  // Signing out of the unified identity (logout=yes) signs the browser out of the portal too: the
  // cookie goes with this response, the session row after it (see mountProvider).
  // Not when the provider signs its own session out to switch accounts (the portal switched first):
  // then it returns to its resume endpoint, /oidc/auth/<uid>.
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
    if (!ctx.oidc.params?.logout || !token || isResumeUrl(ctx.oidc.session?.state?.postLogoutRedirectUri)) return;
    (ctx.req as PortalSignOut)[PORTAL_SIGN_OUT] = token;
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction, signed: false, overwrite: true });
  });
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => deps.logger.error({ err: error }, 'oidc provider error'));
  return provider;
}

/** The provider of this process: built on first use, rebuilt after a key rotation. */
export class OidcProvider {
  readonly #deps: IdentityDeps;
  #current: Promise<{ provider: Provider; fingerprint: string }> | undefined;
  #checkedAt = 0;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
  }

  async get(): Promise<Provider> {
    const now = Date.now();
    if (this.#current && now - this.#checkedAt > KEY_CHECK_MS) {
      this.#checkedAt = now;
      const [current, fingerprint] = await Promise.all([this.#current, signingKeysFingerprint(this.#deps.db)]);
      if (current.fingerprint !== fingerprint) this.#current = undefined;
    }
    if (!this.#current) {
      this.#checkedAt = now;
      this.#current = this.#build();
      this.#current.catch(() => (this.#current = undefined));
    }
    return (await this.#current).provider;
  }

  async #build(): Promise<{ provider: Provider; fingerprint: string }> {
    const { db, fields } = this.#deps;
    await ensureSigningKey(db, fields);
    const fingerprint = await signingKeysFingerprint(db);
    const jwks = (await loadSigningJwks(db, fields)) as AdapterPayload[];
    return { provider: await buildProvider(this.#deps, jwks), fingerprint };
  }
}
