/**
 * Who may administer which staff (工作人员管理). Pure rules, used by the staff actions:
 * - a platform admin (平台管理员) manages anyone, in any agency, and may grant any role;
 * - an agency admin (部门管理员) manages the staff of their own agency, except platform admins, and may
 *   grant every role but platform_admin;
 * - nobody changes their own roles, disables or resets themselves (another admin must do it).
 */
export const PLATFORM_ADMIN = 'platform_admin';
export const AGENCY_ADMIN = 'agency_admin';
export const WINDOW_CLERK = 'window_clerk';

/** The staff member acting, as the routes know them from the session. */
export interface StaffActor {
  staffId: string;
  agencyId: number;
  roles: readonly string[];
}

export function isStaffAdmin(actor: StaffActor): boolean {
  return actor.roles.includes(PLATFORM_ADMIN) || actor.roles.includes(AGENCY_ADMIN);
}

/** May the actor create staff in, or list the staff of, this agency? */
export function canManageAgency(actor: StaffActor, agencyId: number): boolean {
  if (actor.roles.includes(PLATFORM_ADMIN)) return true;
  return actor.roles.includes(AGENCY_ADMIN) && actor.agencyId === agencyId;
}

/** May the actor manage this existing staff member (roles, disable, credentials)? Never themselves. */
export function canManageStaff(actor: StaffActor, target: { id: string; agencyId: number; roles: readonly string[] }): boolean {
  if (target.id === actor.staffId) return false;
  if (actor.roles.includes(PLATFORM_ADMIN)) return true;
  return canManageAgency(actor, target.agencyId) && !target.roles.includes(PLATFORM_ADMIN);
}

/** The roles among `roles` the actor may not grant. */
export function ungrantableRoles(actor: StaffActor, roles: readonly string[]): string[] {
  if (actor.roles.includes(PLATFORM_ADMIN)) return [];
  return roles.filter((role) => role === PLATFORM_ADMIN);
}
