import { describe, expect, it } from 'vitest';
import { canManageAgency, canManageStaff, isStaffAdmin, ungrantableRoles, type StaffActor } from './staff-permissions.js';

const platform: StaffActor = { staffId: 'p', agencyId: 1, roles: ['platform_admin'] };
const agencyAdmin: StaffActor = { staffId: 'a', agencyId: 7, roles: ['agency_admin', 'handler'] };
const handler: StaffActor = { staffId: 'h', agencyId: 7, roles: ['handler'] };

describe('staff administration rules', () => {
  it('knows who administers staff', () => {
    expect(isStaffAdmin(platform)).toBe(true);
    expect(isStaffAdmin(agencyAdmin)).toBe(true);
    expect(isStaffAdmin(handler)).toBe(false);
  });

  it('a platform admin manages every agency, an agency admin only their own, others none', () => {
    expect(canManageAgency(platform, 99)).toBe(true);
    expect(canManageAgency(agencyAdmin, 7)).toBe(true);
    expect(canManageAgency(agencyAdmin, 8)).toBe(false);
    expect(canManageAgency(handler, 7)).toBe(false);
  });

  it('nobody manages themselves; an agency admin does not manage platform admins or other agencies', () => {
    expect(canManageStaff(platform, { id: 'p', agencyId: 1, roles: ['platform_admin'] })).toBe(false);
    expect(canManageStaff(platform, { id: 'x', agencyId: 5, roles: ['platform_admin'] })).toBe(true);
    expect(canManageStaff(agencyAdmin, { id: 'a', agencyId: 7, roles: ['agency_admin'] })).toBe(false);
    expect(canManageStaff(agencyAdmin, { id: 'x', agencyId: 7, roles: ['handler'] })).toBe(true);
    expect(canManageStaff(agencyAdmin, { id: 'x', agencyId: 7, roles: ['platform_admin'] })).toBe(false);
    expect(canManageStaff(agencyAdmin, { id: 'x', agencyId: 8, roles: ['handler'] })).toBe(false);
    expect(canManageStaff(handler, { id: 'x', agencyId: 7, roles: ['handler'] })).toBe(false);
  });

  it('only a platform admin grants platform_admin', () => {
    expect(ungrantableRoles(platform, ['platform_admin', 'agency_admin'])).toEqual([]);
    expect(ungrantableRoles(agencyAdmin, ['platform_admin', 'agency_admin', 'handler'])).toEqual(['platform_admin']);
  });
});
