import { writeAudit } from '../../../platform/audit.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { replaceStaffRoles } from '../staff.repository.js';
import type { StaffActor } from '../staff-permissions.js';
import { assertGrantableRoles, lockManagedStaff } from '../staff-support.js';

/**
 * 设置岗位角色: replace a staff member's roles. Nobody changes their own; an agency admin neither
 * grants platform_admin nor touches a platform admin. Takes effect at the staff member's next request.
 */
export async function setStaffRoles(deps: IdentityDeps, actor: StaffActor, input: { staffId: string; roles: string[] }, meta: RequestMeta): Promise<string[]> {
  const roles = [...new Set(input.roles)].sort();
  return deps.db.transaction(async (tx) => {
    const target = await lockManagedStaff(tx, actor, input.staffId);
    await assertGrantableRoles(tx, actor, roles);
    await replaceStaffRoles(tx, target.id, roles);
    await writeAudit(tx, {
      actor: `staff:${actor.staffId}`,
      action: 'identity.staff_roles_changed',
      subject: `staff:${target.id}`,
      requestId: meta.requestId,
      detail: { from: target.roles, to: roles, ip: meta.ip },
    });
    return roles;
  });
}
