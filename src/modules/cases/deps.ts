import type { IdentityDeps } from '../identity/index.js';

/** What the cases actions need: the identity module's dependencies (db, field crypto, logger, config). */
export type CasesDeps = Pick<IdentityDeps, 'db' | 'fields' | 'logger' | 'config'>;
