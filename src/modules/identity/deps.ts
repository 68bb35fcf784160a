import type { Db } from '../../platform/db/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Logger } from '../../platform/log.js';

/** What the identity actions need, built once in register-identity from the module context. */
export interface IdentityDeps {
  db: Db;
  fields: FieldCrypto;
  logger: Logger;
}

/** Who made a request, for the audit log and the sign-in limits. Never holds an ID number. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}
