/** The provider's fixed settings and the pure rules around them: lifetimes, scopes and claims, assurance levels. */

/** Token and session lifetimes, in seconds. */
export const TTL = {
  AuthorizationCode: 60,
  AccessToken: 60 * 60,
  IdToken: 60 * 60,
  RefreshToken: 14 * 24 * 60 * 60,
  Interaction: 60 * 60,
  Session: 12 * 60 * 60,
  /** A remembered consent (授权同意) lasts this long unless revoked. */
  Grant: 180 * 24 * 60 * 60,
} as const;

/** A retired signing key stays published this long: nothing it signed can still be in use after that. */
export const LONGEST_TOKEN_LIFETIME_SECONDS = Math.max(TTL.AccessToken, TTL.IdToken, TTL.RefreshToken);

/** Scope → the claims it releases. `identity` and `legal_person` are onestop's own. */
export const SCOPE_CLAIMS = {
  // acr with openid: every ID token says the assurance level of its sign-in, asked for or not.
  openid: ['sub', 'acr'],
  profile: ['name'],
  phone: ['phone_number', 'phone_number_verified'],
  identity: ['id_number_masked', 'onestop_level'],
  legal_person: ['uscc', 'company_name', 'company_role'],
} as const;

export type OidcScope = keyof typeof SCOPE_CLAIMS | 'offline_access';
export const SCOPES: readonly OidcScope[] = ['openid', 'offline_access', 'profile', 'phone', 'identity', 'legal_person'];

export function isScope(value: string): value is OidcScope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Assurance level → acr value: 'urn:onestop:loa:2'. */
export const ACR_PREFIX = 'urn:onestop:loa:';
export const ACR_VALUES = [0, 1, 2, 3].map((level) => `${ACR_PREFIX}${level}`);

export function acrOf(level: number): string {
  return `${ACR_PREFIX}${Math.max(0, Math.min(3, Math.trunc(level)))}`;
}

/** The level an acr value stands for, or null when it is not one of ours. */
export function levelOfAcr(acr: string | undefined | null): number | null {
  if (!acr) return null;
  const index = ACR_VALUES.indexOf(acr);
  return index === -1 ? null : index;
}

/**
 * The minimum level an `acr_values` parameter asks for: the lowest of the listed values we know (any
 * of them would satisfy the client), or null when it names none of ours.
 */
export function requestedMinimumLevel(acrValues: unknown): number | null {
  if (typeof acrValues !== 'string') return null;
  const levels = acrValues
    .split(' ')
    .map(levelOfAcr)
    .filter((level): level is number => level !== null);
  return levels.length ? Math.min(...levels) : null;
}
