/** 实名等级: raising a person's assurance level, always with its record and audit in the caller's transaction. */
import { writeAudit } from '../../platform/audit.js';
import type { Queryable } from '../../platform/db/index.js';
import type { RequestMeta } from './deps.js';
import { raiseLevel } from './identity.repository.js';

export const LEVEL_PHONE = 1;
export const LEVEL_REAL_NAME = 2;
export const LEVEL_IN_PERSON = 3;

/**
 * Raise the person to `to` unless they are there already; returns true when the level changed.
 * Audits `identity.level_changed` with the method (never the factors that were checked).
 */
export async function raisePersonLevel(
  tx: Queryable,
  change: { personId: string; to: number; method: 'phone' | 'three_factor' | 'in_person'; staffId?: string; actor: string },
  meta: RequestMeta,
): Promise<boolean> {
  const from = await raiseLevel(tx, change);
  if (from === null) return false;
  await writeAudit(tx, {
    actor: change.actor,
    action: 'identity.level_changed',
    subject: `person:${change.personId}`,
    requestId: meta.requestId,
    detail: { from, to: change.to, method: change.method, ip: meta.ip },
  });
  return true;
}
