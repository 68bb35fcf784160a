/**
 * 实名认证 (level 2): the account's name and ID number, plus the verified phone and/or a bank card or
 * social security card, must match one resident of the population base database.
 */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import { verifyResident } from '../../population/index.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { countRealNameFailures, findPersonFacts, insertRealNameAttempt } from '../identity.repository.js';
import { LEVEL_PHONE, LEVEL_REAL_NAME, raisePersonLevel } from '../levels.js';

/** Failed checks a person may make in a day: the registry is not an oracle to probe card numbers with. */
const DAILY_FAILURES = 5;

export const REAL_NAME_MISMATCH = '核验未通过：您提供的信息与人口基础信息库不一致。Verification failed: the details do not match the population register.';

export async function verifyRealName(
  deps: IdentityDeps,
  personId: string,
  input: { bankCard?: string; socialSecurityCard?: string },
  meta: RequestMeta,
): Promise<void> {
  const person = await findPersonFacts(deps.db, personId);
  if (!person) throw new AppError('not_found');
  if (person.level >= LEVEL_REAL_NAME) return;
  if (person.level < LEVEL_PHONE) throw new AppError('level_too_low', { message: '请先验证手机号。Verify your phone number first.' });
  if ((await countRealNameFailures(deps.db, personId)) >= DAILY_FAILURES) {
    throw new AppError('rate_limited', { message: '今日核验失败次数过多，请明天再试或到窗口办理。Too many failed checks today.', headers: { 'retry-after': String(24 * 60 * 60) } });
  }
  const result = await verifyResident(deps.db, deps.fields, {
    name: person.name,
    idNumber: deps.fields.decrypt(person.idNumberEnc),
    phone: deps.fields.decrypt(person.phoneEnc),
    ...(input.bankCard ? { bankCard: input.bankCard } : {}),
    ...(input.socialSecurityCard ? { socialSecurityCard: input.socialSecurityCard } : {}),
  });
  await deps.db.transaction(async (tx) => {
    await insertRealNameAttempt(tx, personId, result.match);
    if (result.match) await raisePersonLevel(tx, { personId, to: LEVEL_REAL_NAME, method: 'three_factor', actor: `person:${personId}` }, meta);
    else await writeAudit(tx, { actor: `person:${personId}`, action: 'identity.real_name_failed', subject: `person:${personId}`, requestId: meta.requestId, detail: { ip: meta.ip } });
  });
  if (!result.match) throw new AppError('validation_failed', { message: REAL_NAME_MISMATCH, errors: [{ field: 'body', code: 'real_name_mismatch', message: REAL_NAME_MISMATCH }] });
}
