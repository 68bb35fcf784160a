/**
 * `Authorization: Bearer` on the API: an access token the provider issued, checked as the provider's
 * userinfo endpoint checks it (live, not bound to a DPoP key we cannot verify here, its grant not
 * revoked, its sign-in session not ended when it was tied to one).
 */
import type { BearerVerifier } from '../deps.js';
import type { OidcProvider } from './provider.js';

/** Opaque access tokens from oidc-provider are 43 base64url characters; anything else is not ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

export function createBearerVerifier(oidc: Pick<OidcProvider, 'get'>): BearerVerifier {
  return async (token) => {
    if (!TOKEN.test(token)) return null;
    const provider = await oidc.get();
    const accessToken = await provider.AccessToken.find(token);
    if (!accessToken || !accessToken.accountId || accessToken.isSenderConstrained()) return null;
    if (!accessToken.grantId || !(await provider.Grant.find(accessToken.grantId))) return null;
    if (accessToken.expiresWithSession && (!accessToken.sessionUid || !(await provider.Session.findByUid(accessToken.sessionUid)))) return null;
    return { accountId: accessToken.accountId, scopes: [...accessToken.scopes] };
  };
}
