import { writeAudit } from '../../../platform/audit.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { revokeAllSessions } from '../identity.repository.js';
import { expireStaffChallenges, setStaffDisabled } from '../staff.repository.js';
import type { StaffActor } from '../staff-permissions.js';
import { lockManagedStaff } from '../staff-support.js';

/** 停用工作人员: the account can no longer sign in, and its live sessions and pending sign-ins end now. */
export async function disableStaff(deps: IdentityDeps, actor: StaffActor, staffId: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const target = await lockManagedStaff(tx, actor, staffId);
    await setStaffDisabled(tx, target.id, true);
    const sessionsRevoked = await revokeAllSessions(tx, { kind: 'staff', staffId: target.id });
    await expireStaffChallenges(tx, target.id);
    await writeAudit(tx, {
      actor: `staff:${actor.staffId}`,
      action: 'identity.staff_disabled',
      subject: `staff:${target.id}`,
      requestId: meta.requestId,
      detail: { sessionsRevoked, ip: meta.ip },
    });
  });
}

/** 启用工作人员: a disabled account may sign in again with its existing credentials. */
export async function enableStaff(deps: IdentityDeps, actor: StaffActor, staffId: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const target = await lockManagedStaff(tx, actor, staffId);
    await setStaffDisabled(tx, target.id, false);
    await writeAudit(tx, {
      actor: `staff:${actor.staffId}`,
      action: 'identity.staff_enabled',
      subject: `staff:${target.id}`,
      requestId: meta.requestId,
      detail: { ip: meta.ip },
    });
  });
}
