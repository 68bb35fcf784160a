import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { revokeAllSessions } from '../identity.repository.js';
import { hashPassword } from '../passwords.js';
import { expireStaffChallenges, updateStaffPassword, updateStaffTotp } from '../staff.repository.js';
import type { StaffActor } from '../staff-permissions.js';
import { lockManagedStaff, newTemporaryPassword, newTotp } from '../staff-support.js';

/** The new credentials, shown once to the admin; only their hash and ciphertext are kept. */
export interface ResetCredentials {
  password: string | null;
  totpSecret: string | null;
  totpUri: string | null;
}

/**
 * 重置凭据: a new TOTP secret (a lost phone) and/or a temporary password (a forgotten one). The
 * staff member's live sessions and pending sign-ins end, as the old credentials may be in other hands.
 */
export async function resetStaffCredentials(
  deps: IdentityDeps,
  actor: StaffActor,
  input: { staffId: string; totp: boolean; password: boolean },
  meta: RequestMeta,
): Promise<ResetCredentials> {
  if (!input.totp && !input.password) {
    throw new AppError('validation_failed', {
      message: '请选择要重置的凭据。Choose what to reset.',
      errors: [{ field: 'body', code: 'nothing_to_reset', message: '请至少选择重置密码或动态口令 (choose password and/or TOTP)' }],
    });
  }
  const password = input.password ? newTemporaryPassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return deps.db.transaction(async (tx) => {
    const target = await lockManagedStaff(tx, actor, input.staffId);
    const totp = input.totp ? newTotp(deps.fields, target.loginName) : null;
    if (passwordHash) await updateStaffPassword(tx, target.id, passwordHash);
    if (totp) await updateStaffTotp(tx, target.id, totp.secretEnc);
    const sessionsRevoked = await revokeAllSessions(tx, { kind: 'staff', staffId: target.id });
    await expireStaffChallenges(tx, target.id);
    await writeAudit(tx, {
      actor: `staff:${actor.staffId}`,
      action: 'identity.staff_credentials_reset',
      subject: `staff:${target.id}`,
      requestId: meta.requestId,
      detail: { password: input.password, totp: input.totp, sessionsRevoked, ip: meta.ip },
    });
    return { password, totpSecret: totp?.secret ?? null, totpUri: totp?.uri ?? null };
  });
}
