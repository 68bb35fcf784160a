import { writeAudit } from '../../../platform/audit.js';
import { isValidCitizenId } from '../../../platform/checksums.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { findPersonByIdNumberHash, insertPerson } from '../identity.repository.js';
import { maskIdNumber, maskPhone } from '../masking.js';
import { queueSms } from '../notify.js';
import { hashPassword, passwordProblems } from '../passwords.js';

export interface Registration {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

/** The one answer to every accepted registration, new or not, so that it never confirms an account exists. */
export const REGISTRATION_ACCEPTED = '注册申请已受理，请查收短信。Registration received: please check your text messages.';

const WELCOME_SMS = '【一站通】您已成功注册统一身份认证账户。如非本人操作，请联系客服。';
const RECOVERY_SMS =
  '【一站通】有人使用您的身份证号申请注册，但该号码已有账户。如是本人，请直接登录，或在登录页找回密码；如非本人操作，请忽略本短信。';

/**
 * 自然人注册. An ID number that already has an account gets the same answer as a new one, and its
 * owner (at the phone on record) gets an account-recovery message instead: the caller learns nothing.
 */
export async function registerPerson(deps: IdentityDeps, input: Registration, meta: RequestMeta): Promise<void> {
  const errors: FieldError[] = [];
  if (!isValidCitizenId(input.idNumber)) errors.push({ field: 'body.idNumber', code: 'invalid_id_number', message: '公民身份号码无效 (invalid citizen ID number)' });
  errors.push(...passwordProblems(input.password));
  if (errors.length > 0) throw new AppError('validation_failed', { message: '注册信息有误。', errors });

  // Hash before looking up, so that a new and an existing ID number cost the same time.
  const passwordHash = await hashPassword(input.password);
  const idNumberHash = deps.fields.lookupHash('id_number', input.idNumber);
  await deps.db.transaction(async (tx) => {
    const personId = await insertPerson(tx, {
      name: input.name,
      idNumberEnc: deps.fields.encrypt(input.idNumber),
      idNumberHash,
      idNumberMasked: maskIdNumber(input.idNumber),
      phoneEnc: deps.fields.encrypt(input.phone),
      phoneHash: deps.fields.lookupHash('phone', input.phone),
      phoneMasked: maskPhone(input.phone),
      passwordHash,
    });
    if (personId) {
      await queueSms(tx, deps, input.phone, WELCOME_SMS);
      await writeAudit(tx, { actor: `person:${personId}`, action: 'identity.person_registered', subject: `person:${personId}`, requestId: meta.requestId, detail: { ip: meta.ip } });
      return;
    }
    const existing = await findPersonByIdNumberHash(tx, idNumberHash);
    if (!existing) throw new Error('person vanished during registration');
    await queueSms(tx, deps, deps.fields.decrypt(existing.phoneEnc), RECOVERY_SMS);
    await writeAudit(tx, {
      actor: 'anonymous',
      action: 'identity.registration_for_existing_account',
      subject: `person:${existing.id}`,
      requestId: meta.requestId,
      detail: { ip: meta.ip, recoveryTo: existing.phoneMasked },
    });
  });
}
