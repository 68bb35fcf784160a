/** 三要素核验: check a person's name, ID number and at least one more factor against the registry. */
import crypto from 'node:crypto';
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { checkResidentFactors, type ResidentFactors } from '../factors.js';
import { findResidentByIdNumberHash } from '../population.repository.js';

export interface VerificationResult {
  /** True when the name, the ID number and at least one more factor all match one resident. */
  match: boolean;
  /** How many of the submitted factors matched when `match` is true (3 to 5); 0 otherwise. */
  factors: number;
}

const NO_MATCH: VerificationResult = { match: false, factors: 0 };

/**
 * Three-factor verification (name + ID number + phone, bank card or social security card). A
 * mismatch says nothing about which factor failed, and an unknown ID number looks like any other
 * mismatch. Malformed input (a bad check character, say) is a validation_failed error with field errors.
 */
export async function verifyResident(db: Queryable, fields: FieldCrypto, input: ResidentFactors): Promise<VerificationResult> {
  const { factors, errors } = checkResidentFactors(input);
  if (errors.length) throw new AppError('validation_failed', { message: '核验信息有误 (invalid verification input)', errors });
  const resident = await findResidentByIdNumberHash(db, fields.lookupHash('id_number', factors.idNumber));
  if (!resident || !sameText(resident.name, factors.name)) return NO_MATCH;
  const extra = [
    factors.phone !== undefined && sameText(resident.phone_hash, fields.lookupHash('phone', factors.phone)),
    factors.bankCard !== undefined && sameText(resident.bank_card_hash, fields.lookupHash('bank_card', factors.bankCard)),
    factors.socialSecurityCard !== undefined &&
      sameText(resident.social_security_card_hash, fields.lookupHash('social_security_card', factors.socialSecurityCard)),
  ].filter(Boolean).length;
  return extra > 0 ? { match: true, factors: 2 + extra } : NO_MATCH;
}

/** Constant-time comparison, so response times do not tell how much of a value matched. */
function sameText(stored: string | null, given: string): boolean {
  if (stored === null) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
