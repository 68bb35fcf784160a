import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Logger } from '../../platform/log.js';

/** Checks an `Authorization: Bearer` access token (the OIDC provider supplies it); null when not valid. */
export type BearerVerifier = (token: string) => Promise<{ accountId: string; scopes: string[] } | null>;

/** What the identity actions need, built once in register-identity from the module context. */
export interface IdentityDeps {
  db: Db;
  fields: FieldCrypto;
  logger: Logger;
  config: Config;
  /** Set once the OIDC provider is up; without it, Bearer tokens are not accepted. */
  bearer?: BearerVerifier;
}

/** Who made a request, for the audit log and the sign-in limits. Never holds an ID number. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}
