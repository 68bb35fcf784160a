/**
 * 法人账户绑定: a person at level 2 who is the legal-person base's representative of a company binds
 * it to their account, and may set a password for signing in with the USCC.
 */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import { lookupLegalPerson, verifyLegalRepresentative } from '../../legalpersons/index.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findCompanyByUscc, findPersonFacts, upsertCompany } from '../identity.repository.js';
import { LEVEL_REAL_NAME } from '../levels.js';
import { hashPassword, passwordProblems } from '../passwords.js';

export const NOT_REPRESENTATIVE = '核验未通过：法人基础信息库中该企业的法定代表人不是您，或企业不在存续状态。You are not the registered legal representative of an active company with this code.';

export async function bindCompany(
  deps: IdentityDeps,
  personId: string,
  input: { uscc: string; password?: string },
  meta: RequestMeta,
): Promise<{ uscc: string; name: string }> {
  const person = await findPersonFacts(deps.db, personId);
  if (!person) throw new AppError('not_found');
  if (person.level < LEVEL_REAL_NAME) throw new AppError('level_too_low', { message: '绑定企业需要先完成实名认证（二级）。Binding a company needs real-name level 2.' });
  if (input.password !== undefined && input.password !== '') {
    const problems = passwordProblems(input.password, 'body.password');
    if (problems.length) throw new AppError('validation_failed', { message: '企业登录密码不符合要求。', errors: problems });
  }
  const { match } = await verifyLegalRepresentative(deps.db, deps.fields, { uscc: input.uscc, name: person.name, idNumber: deps.fields.decrypt(person.idNumberEnc) });
  if (!match) throw new AppError('forbidden', { message: NOT_REPRESENTATIVE });
  const entity = (await lookupLegalPerson(deps.db, input.uscc))!;
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    const before = await findCompanyByUscc(tx, entity.uscc);
    const company = await upsertCompany(tx, { uscc: entity.uscc, name: entity.name, representativeId: personId, passwordHash });
    await writeAudit(tx, {
      actor: `person:${personId}`,
      action: 'identity.company_bound',
      subject: `company:${company.id}`,
      requestId: meta.requestId,
      // A change of representative is worth seeing in the audit trail.
      detail: { uscc: company.uscc, previousRepresentative: before && before.representativeId !== personId ? `person:${before.representativeId}` : null, loginPasswordSet: passwordHash !== null },
    });
    return { uscc: company.uscc, name: company.name };
  });
}
