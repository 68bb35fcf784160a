import { isValidCitizenId } from '../../../platform/checksums.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { LEVEL_IN_PERSON, raisePersonLevel } from '../levels.js';
import { findPersonForLevelChange } from '../staff.repository.js';
import { WINDOW_CLERK, type StaffActor } from '../staff-permissions.js';

export interface InPersonResult {
  personId: string;
  name: string;
  fromLevel: number;
  level: number;
  /** False when the person was already at level 3: nothing was written. */
  changed: boolean;
}

/**
 * 现场核验: a window clerk has seen the person's ID card at the window and raises their account to
 * level 3. The account is found by the ID number's keyed hash and must carry the same name; a
 * mismatch is "not found", so the form reveals nothing more than the card already did.
 */
export async function verifyInPerson(deps: IdentityDeps, actor: StaffActor, input: { name: string; idNumber: string }, meta: RequestMeta): Promise<InPersonResult> {
  if (!actor.roles.includes(WINDOW_CLERK)) throw new AppError('forbidden', { message: '仅限窗口受理人员。Window clerks only.' });
  const idNumber = input.idNumber.trim().toUpperCase();
  if (!isValidCitizenId(idNumber)) {
    throw new AppError('validation_failed', {
      message: '公民身份号码无效。Invalid citizen ID number.',
      errors: [{ field: 'body.idNumber', code: 'invalid_id_number', message: '公民身份号码无效 (invalid citizen ID number)' }],
    });
  }
  const idNumberHash = deps.fields.lookupHash('id_number', idNumber);
  return deps.db.transaction(async (tx) => {
    const person = await findPersonForLevelChange(tx, idNumberHash);
    if (!person || person.name !== input.name.trim()) {
      throw new AppError('not_found', { message: '没有姓名与身份证号相符的账户。No account matches this name and ID number.' });
    }
    const changed = await raisePersonLevel(
      tx,
      { personId: person.id, to: LEVEL_IN_PERSON, method: 'in_person', staffId: actor.staffId, actor: `staff:${actor.staffId}` },
      meta,
    );
    return { personId: person.id, name: person.name, fromLevel: person.level, level: Math.max(person.level, LEVEL_IN_PERSON), changed };
  });
}
