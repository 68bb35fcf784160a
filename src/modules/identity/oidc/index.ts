/**
 * Single sign-on (统一认证 OpenID Connect provider) of the identity module. The module's index.ts calls
 * registerOidc; nothing outside the identity module imports this folder directly.
 */
import type { ModuleContext } from '../../../platform/context.js';
import type { HttpServer } from '../../../platform/http/server.js';
import type { IdentityDeps } from '../deps.js';
import { createBearerVerifier } from './bearer.js';
import { registerInteractionRoutes } from './interactions.js';
import { OidcProvider } from './provider.js';
import { mountProvider, registerClientAdminRoutes, registerConsentRoutes } from './routes.js';

export { createBearerVerifier } from './bearer.js';
export { OidcProvider, issuerOf, pairwiseSubject } from './provider.js';
export { addClient, type NewClient } from './actions/add-client.js';
export { rotateSigningKeys, type RotationResult } from './actions/rotate-signing-keys.js';
export { listConsents, type Consent } from './actions/list-consents.js';
export { revokeConsent } from './actions/revoke-consent.js';
export { ConsentsSection, type ConsentsSectionProps } from './pages/consents-section.js';
export { clientInputSchema, type ClientInput } from './clients.js';

/**
 * Mount the provider at /oidc, its interaction pages, the consents and the client admin. The provider
 * itself is built on the first request that needs it. Sets `deps.bearer` (Bearer tokens on the API)
 * unless the caller set one.
 */
export async function registerOidc(http: HttpServer, ctx: ModuleContext, deps: IdentityDeps): Promise<OidcProvider> {
  const oidc = new OidcProvider(deps);
  deps.bearer ??= createBearerVerifier(oidc);
  await registerInteractionRoutes(http, oidc, deps);
  await mountProvider(http, oidc, deps);
  await registerConsentRoutes(http, deps);
  await registerClientAdminRoutes(http, deps);
  return oidc;
}
