/** 修改密码: a signed-in person or staff member sets a new password; every other session of theirs ends. */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findPasswordHash, findPersonFacts, revokeOtherSessions, setAccountPassword } from '../identity.repository.js';
import { queueSms } from '../notify.js';
import { hashPassword, passwordProblems, verifyPassword } from '../passwords.js';
import { accountIdOf, type AccountRef } from '../principal.js';

export const WRONG_CURRENT_PASSWORD = '当前密码不正确。The current password is wrong.';

export async function changePassword(
  deps: IdentityDeps,
  c: { account: AccountRef; sessionId: string; currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ sessionsEnded: number }> {
  // The password belongs to the person, whichever company they act for.
  const account: AccountRef = c.account.kind === 'person' ? { kind: 'person', personId: c.account.personId } : c.account;
  const problems = passwordProblems(c.newPassword, 'body.newPassword');
  if (problems.length) throw new AppError('validation_failed', { message: '新密码不符合要求。', errors: problems });
  const current = await findPasswordHash(deps.db, account);
  if (!current || !(await verifyPassword(current, c.currentPassword))) {
    throw new AppError('validation_failed', { message: WRONG_CURRENT_PASSWORD, errors: [{ field: 'body.currentPassword', code: 'wrong_password', message: WRONG_CURRENT_PASSWORD }] });
  }
  if (c.newPassword === c.currentPassword) {
    throw new AppError('validation_failed', {
      message: '新密码不能与当前密码相同。',
      errors: [{ field: 'body.newPassword', code: 'password_unchanged', message: '新密码不能与当前密码相同 (choose a different password)' }],
    });
  }
  const passwordHash = await hashPassword(c.newPassword);
  const person = account.kind === 'person' ? await findPersonFacts(deps.db, account.personId) : undefined;
  return deps.db.transaction(async (tx) => {
    await setAccountPassword(tx, account, passwordHash);
    const sessionsEnded = await revokeOtherSessions(tx, account, c.sessionId);
    if (person) await queueSms(tx, deps, deps.fields.decrypt(person.phoneEnc), '【一站通】您的账户密码已修改，其他登录设备已退出。如非本人操作，请立即找回密码并联系客服。');
    const actor = accountIdOf(account);
    await writeAudit(tx, { actor, action: 'identity.password_changed', subject: actor, requestId: meta.requestId, detail: { ip: meta.ip, sessionsEnded } });
    return { sessionsEnded };
  });
}
