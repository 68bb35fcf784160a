/** 找回密码 (step 2): the SMS code sets a new password and ends every session of the account. */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findPersonByIdNumberHash, revokeAllSessions, setPersonPassword } from '../identity.repository.js';
import { queueSms } from '../notify.js';
import { checkCode, useCode } from '../one-time-codes.js';
import { hashPassword, passwordProblems } from '../passwords.js';

export async function resetPassword(deps: IdentityDeps, input: { idNumber: string; code: string; password: string }, meta: RequestMeta): Promise<void> {
  const problems = passwordProblems(input.password);
  if (problems.length) throw new AppError('validation_failed', { message: '新密码不符合要求。', errors: problems });
  const field = 'body.code';
  const person = await findPersonByIdNumberHash(deps.db, deps.fields.lookupHash('id_number', input.idNumber.trim().toUpperCase()));
  if (!person) {
    throw new AppError('validation_failed', { message: '验证码错误或已失效。', errors: [{ field, code: 'invalid_code', message: '验证码错误或已失效，请重新获取 (wrong or expired code)' }] });
  }
  const codeId = await checkCode(deps, { personId: person.id, purpose: 'reset_password', code: input.code, field });
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    await useCode(tx, codeId, field);
    await setPersonPassword(tx, person.id, passwordHash);
    const ended = await revokeAllSessions(tx, { kind: 'person', personId: person.id });
    await queueSms(tx, deps, deps.fields.decrypt(person.phoneEnc), '【一站通】您的账户密码已重置，所有登录设备已退出。如非本人操作，请立即联系客服。');
    await writeAudit(tx, { actor: `person:${person.id}`, action: 'identity.password_reset', subject: `person:${person.id}`, requestId: meta.requestId, detail: { ip: meta.ip, sessionsEnded: ended } });
  });
}
