import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import { getAgency } from '../../catalog/index.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { hashPassword } from '../passwords.js';
import { insertStaff, replaceStaffRoles } from '../staff.repository.js';
import { canManageAgency } from '../staff-permissions.js';
import { assertGrantableRoles, auditActorOf, LOGIN_NAME, newTemporaryPassword, newTotp, type AdminActor } from '../staff-support.js';

export interface NewStaffInput {
  loginName: string;
  name: string;
  agencyId: number;
  roles: string[];
}

/** The new account and its credentials: shown once to whoever created it, never stored in clear. */
export interface CreatedStaff {
  staffId: string;
  loginName: string;
  password: string;
  totpSecret: string;
  totpUri: string;
}

/**
 * 新增工作人员: a platform admin in any agency, an agency admin in their own. The account gets a
 * random initial password and a new TOTP secret (stored encrypted); the audit record holds neither.
 */
export async function createStaff(deps: IdentityDeps, actor: AdminActor, input: NewStaffInput, meta: RequestMeta): Promise<CreatedStaff> {
  const loginName = input.loginName.trim();
  if (!LOGIN_NAME.test(loginName)) {
    throw new AppError('validation_failed', {
      message: '登录名无效。Invalid login name.',
      errors: [{ field: 'body.loginName', code: 'invalid_login_name', message: '登录名须以小写字母开头，3–32 位小写字母、数字或 . _ - (3–32 lowercase letters, digits, . _ -, starting with a letter)' }],
    });
  }
  const name = input.name.trim();
  if ([...name].length < 1 || [...name].length > 50) {
    throw new AppError('validation_failed', {
      message: '姓名无效。Invalid name.',
      errors: [{ field: 'body.name', code: 'invalid_name', message: '姓名应为 1–50 个字 (1–50 characters)' }],
    });
  }
  if (actor !== 'cli' && !canManageAgency(actor, input.agencyId)) {
    throw new AppError('forbidden', { message: '您只能管理本部门的工作人员。You manage the staff of your own agency only.' });
  }
  const roles = [...new Set(input.roles)];
  await assertGrantableRoles(deps.db, actor, roles);
  if (!(await getAgency(deps.db, input.agencyId))) {
    throw new AppError('validation_failed', {
      message: '部门不存在。No such agency.',
      errors: [{ field: 'body.agencyId', code: 'unknown_agency', message: `部门 ${input.agencyId} 不存在 (no such agency)` }],
    });
  }

  const password = newTemporaryPassword();
  const passwordHash = await hashPassword(password);
  const totp = newTotp(deps.fields, loginName);
  const staffId = await deps.db.transaction(async (tx) => {
    const id = await insertStaff(tx, {
      loginName,
      name,
      agencyId: input.agencyId,
      passwordHash,
      totpSecretEnc: totp.secretEnc,
      createdBy: actor === 'cli' ? null : actor.staffId,
    });
    if (!id) {
      throw new AppError('conflict', {
        message: '登录名已被使用。This login name is taken.',
        errors: [{ field: 'body.loginName', code: 'login_name_taken', message: '登录名已被使用 (login name taken)' }],
      });
    }
    await replaceStaffRoles(tx, id, roles);
    await writeAudit(tx, {
      actor: auditActorOf(actor),
      action: 'identity.staff_created',
      subject: `staff:${id}`,
      requestId: meta.requestId,
      detail: { loginName, agencyId: input.agencyId, roles, ip: meta.ip },
    });
    return id;
  });
  return { staffId, loginName, password, totpSecret: totp.secret, totpUri: totp.uri };
}
