/**
 * Public face of the identity module (统一认证): accounts of persons, companies and staff, assurance
 * levels, sessions, agents and acting-as, the OIDC provider, the notification outbox. Other modules,
 * the CLI and the composition root import only this file.
 */
import type { HttpServer } from '../../platform/http/server.js';
import type { ModuleContext } from '../../platform/context.js';
import { FieldCrypto } from '../../platform/crypto.js';
import type { IdentityDeps } from './deps.js';
import { registerIdentityRoutes } from './routes.js';
import { registerOidc } from './oidc/index.js';
import { registerStaffRoutes } from './staff-routes.js';
import { registerStaffPages } from './pages/staff/routes.js';
import { registerIdentityPages } from './page-routes.js';
import { outboxAdapters } from './outbox/adapters.js';
import { startOutboxSender } from './outbox/sender.js';

export type { IdentityDeps, RequestMeta, BearerVerifier } from './deps.js';
export type { AccountRef, ActingAs, Principal, PersonPrincipal, StaffPrincipal } from './principal.js';
export { principalOf, requirePrincipal, requirePerson, requireStaff, accountIdOf, parseAccountId } from './principal.js';
export { accountClaims, type AccountClaims } from './account-claims.js';
export { authenticate, type Credentials, type AuthenticationResult } from './actions/authenticate.js';
export { signIn } from './actions/sign-in.js';
export { registerPerson } from './actions/register-person.js';
export { agentItemScope } from './identity.repository.js';
export { LEVEL_PHONE, LEVEL_REAL_NAME, LEVEL_IN_PERSON } from './levels.js';
export { viewerOf } from './pages/viewer.js';
export { createStaff, type NewStaffInput, type CreatedStaff } from './actions/create-staff.js';
export { prefillFactsOf, type PrefillFactsOf } from './prefill-facts.js';

/** The identity module's dependencies from the module context (one FieldCrypto per process). */
export function identityDeps(ctx: ModuleContext): IdentityDeps {
  return { db: ctx.db, fields: new FieldCrypto(ctx.config.dataKey), logger: ctx.logger, config: ctx.config };
}

export async function registerIdentity(http: HttpServer, ctx: ModuleContext): Promise<IdentityDeps> {
  const deps = identityDeps(ctx);
  await registerIdentityRoutes(http, deps, ctx.config);
  await registerStaffRoutes(http, deps);
  await registerStaffPages(http, deps, ctx.config);
  registerIdentityPages(http, deps);
  // The notification outbox is delivered by a loop in every server; it stops when the server closes.
  const outboxSender = startOutboxSender(deps, outboxAdapters(ctx.config, ctx.logger));
  http.addHook('onClose', () => outboxSender.stop());
  await registerOidc(http, ctx, deps);
  return deps;
}
export { seedAccounts, type AccountSeed } from './actions/seed-accounts.js';
export { registerOidc, addClient as addOidcClient, clientInputSchema as oidcClientInputSchema, rotateSigningKeys, listConsents, revokeConsent, ConsentsSection } from './oidc/index.js';
export type { NewClient as NewOidcClient, RotationResult, Consent, ConsentsSectionProps } from './oidc/index.js';
export { queueSms, queueEmail } from './notify.js';
export { purgeExpiredIdentityData, RETENTION, type PurgeResult } from './actions/purge-expired.js';
