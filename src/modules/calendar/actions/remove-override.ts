/** Remove the local override of one day: the day goes back to the national calendar (or a higher override). */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { deleteOverride, type StoredOverride } from '../calendar.repository.js';
import { ZOverrideInput } from '../schemas.js';
import { invalidInput } from '../validation.js';

export interface RemoveOverrideInput {
  jurisdictionCode: string;
  day: string;
  actor: string;
  requestId?: string;
}

const ZOverrideKey = ZOverrideInput.pick({ jurisdictionCode: true, day: true });

/** The removed override; not_found when the day had none. Audited in the same transaction. */
export async function removeCalendarOverride(db: Db, { actor, requestId, ...key }: RemoveOverrideInput): Promise<StoredOverride> {
  const parsed = ZOverrideKey.safeParse(key);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { jurisdictionCode, day } = parsed.data;
  return db.transaction(async (tx) => {
    const removed = await deleteOverride(tx, jurisdictionCode, day);
    if (!removed) throw new AppError('not_found', { message: `${jurisdictionCode} 在 ${day} 没有地方调整。/ No override of that day.` });
    await writeAudit(tx, {
      actor,
      action: 'calendar.override.removed',
      subject: `${jurisdictionCode}/${day}`,
      requestId,
      detail: { kind: removed.kind, reason: removed.reason },
    });
    return removed;
  });
}
