/** What the staff administration actions share: new credentials, role checks, how they name the actor. */
import crypto from 'node:crypto';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { findStaff, listRoles, type StaffRow } from './staff.repository.js';
import { canManageStaff, PLATFORM_ADMIN, ungrantableRoles, type StaffActor } from './staff-permissions.js';
import { newTotpSecret, totpUri } from './totp.js';

/** The command line (`onestop staff add`): run by an operator with the server's configuration, bound by no role. */
export type AdminActor = StaffActor | 'cli';

export const LOGIN_NAME = /^[a-z][a-z0-9._-]{2,31}$/;

export function auditActorOf(actor: AdminActor): string {
  return actor === 'cli' ? 'cli' : `staff:${actor.staffId}`;
}

// No 0/O, 1/l/I: the password is read off a screen and typed once.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial or temporary password: 16 characters, about 93 bits. */
export function newTemporaryPassword(): string {
  let password = '';
  for (let i = 0; i < 16; i++) password += PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

/** A new TOTP secret: in clear for showing once, encrypted for the database, and as an otpauth URI. */
export function newTotp(fields: FieldCrypto, loginName: string): { secret: string; secretEnc: string; uri: string } {
  const secret = newTotpSecret();
  return { secret, secretEnc: fields.encrypt(secret), uri: totpUri(secret, loginName) };
}

/**
 * Roles must be entries of the identity.role code list, and ones the actor may grant (only a
 * platform admin grants platform_admin): else 400 validation_failed or 403 forbidden.
 */
export async function assertGrantableRoles(db: Queryable, actor: AdminActor, roles: readonly string[], field = 'body.roles'): Promise<void> {
  if (roles.length === 0) {
    throw new AppError('validation_failed', {
      message: '请至少选择一个岗位角色。Choose at least one role.',
      errors: [{ field, code: 'roles_required', message: '请至少选择一个岗位角色 (choose at least one role)' }],
    });
  }
  const known = new Set((await listRoles(db)).map((r) => r.code));
  const unknown = roles.filter((role) => !known.has(role));
  if (unknown.length > 0) {
    const errors: FieldError[] = [{ field, code: 'unknown_role', message: `未知的岗位角色 (unknown role): ${unknown.join(', ')}` }];
    throw new AppError('validation_failed', { message: '岗位角色无效。Invalid roles.', errors });
  }
  if (actor !== 'cli' && ungrantableRoles(actor, roles).length > 0) {
    throw new AppError('forbidden', { message: `只有平台管理员可以授予 ${PLATFORM_ADMIN} 角色。Only a platform administrator grants ${PLATFORM_ADMIN}.` });
  }
}

export const STAFF_NOT_FOUND = '工作人员不存在。Staff member not found.';

/**
 * The staff member an admin action is about, locked for the transaction. Staff the actor cannot
 * see (another agency, for an agency admin) are not found; themselves, or a platform admin for an
 * agency admin, are forbidden.
 */
export async function lockManagedStaff(tx: Queryable, actor: StaffActor, staffId: string): Promise<StaffRow> {
  const target = await findStaff(tx, staffId, { forUpdate: true });
  const visible = target && (actor.roles.includes(PLATFORM_ADMIN) || target.agencyId === actor.agencyId);
  if (!target || !visible) throw new AppError('not_found', { message: STAFF_NOT_FOUND });
  if (!canManageStaff(actor, target)) {
    throw new AppError('forbidden', {
      message: target.id === actor.staffId ? '不能修改自己的账户，请联系其他管理员。Ask another administrator to change your own account.' : '您无权管理此工作人员。You may not manage this staff member.',
    });
  }
  return target;
}
