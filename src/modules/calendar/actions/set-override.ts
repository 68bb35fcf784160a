/** Set a local override (地方调整) of one day: a working day or a rest day for a jurisdiction and everything under it. */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import { getJurisdiction } from '../../catalog/index.js';
import { findOverride, upsertOverride, type StoredOverride } from '../calendar.repository.js';
import { ZOverrideInput } from '../schemas.js';
import { invalidInput, unknownJurisdiction } from '../validation.js';

export interface SetOverrideInput {
  override: { jurisdictionCode: string; day: string; kind: string; reason: string };
  actor: string;
  requestId?: string;
}

/** Creates or replaces the override; audited in the same transaction. */
export async function setCalendarOverride(db: Db, { override, actor, requestId }: SetOverrideInput): Promise<StoredOverride> {
  const parsed = ZOverrideInput.safeParse(override);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  return db.transaction(async (tx) => {
    if (!(await getJurisdiction(tx, input.jurisdictionCode))) throw unknownJurisdiction(input.jurisdictionCode);
    const previous = await findOverride(tx, input.jurisdictionCode, input.day);
    const stored = await upsertOverride(tx, input, actor);
    await writeAudit(tx, {
      actor,
      action: 'calendar.override.set',
      subject: `${input.jurisdictionCode}/${input.day}`,
      requestId,
      detail: { kind: input.kind, reason: input.reason, previous: previous ? { kind: previous.kind, reason: previous.reason } : null },
    });
    return stored;
  });
}
