/**
 * The factors of a resident's identity (核验要素) as people type them, normalised before hashing,
 * and the checks that turn malformed input into field errors (in Chinese, the portal's language).
 */
import { isValidCitizenId } from '../../platform/checksums.js';
import type { FieldError } from '../../platform/errors.js';

/** Spaces and dashes are how people group long numbers; they are not part of them. */
const stripSeparators = (s: string) => s.replace(/[\s-]/g, '');

export const normaliseIdNumber = (s: string) => stripSeparators(s).toUpperCase();
export const normalisePhone = (s: string) => stripSeparators(s).replace(/^\+?86(?=1\d{10}$)/, '');
export const normaliseBankCard = stripSeparators;
export const normaliseSocialSecurityCard = (s: string) => stripSeparators(s).toUpperCase();
export const normaliseName = (s: string) => s.trim();

/** True when `digits` passes the Luhn (mod 10) check used by bank card numbers. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The Luhn check digit to append to `body`. */
export function luhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('digits only');
  return String((10 - (luhnSum(body, true) % 10)) % 10);
}

/** Sum with every second digit from the right doubled; `doubleFirst`: the rightmost digit is doubled. */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = doubleFirst; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum;
}

export interface ResidentFactors {
  name: string;
  idNumber: string;
  phone?: string | undefined;
  bankCard?: string | undefined;
  socialSecurityCard?: string | undefined;
}

/** The factors normalised, with a field error for each malformed one (an empty list when all are fine). */
export function checkResidentFactors(input: ResidentFactors): { factors: ResidentFactors; errors: FieldError[] } {
  const factors: ResidentFactors = {
    name: normaliseName(input.name),
    idNumber: normaliseIdNumber(input.idNumber),
    phone: input.phone === undefined ? undefined : normalisePhone(input.phone),
    bankCard: input.bankCard === undefined ? undefined : normaliseBankCard(input.bankCard),
    socialSecurityCard: input.socialSecurityCard === undefined ? undefined : normaliseSocialSecurityCard(input.socialSecurityCard),
  };
  const errors: FieldError[] = [];
  if (factors.name.length < 1 || factors.name.length > 50) {
    errors.push({ field: 'name', code: 'name_length', message: '姓名应为 1 至 50 个字 (name must be 1–50 characters)' });
  }
  if (!isValidCitizenId(factors.idNumber)) {
    errors.push({ field: 'idNumber', code: 'id_number_invalid', message: '身份证号码无效 (invalid ID number)' });
  }
  if (factors.phone !== undefined && !/^1\d{10}$/.test(factors.phone)) {
    errors.push({ field: 'phone', code: 'phone_invalid', message: '手机号码无效 (invalid mobile number)' });
  }
  if (factors.bankCard !== undefined && !(/^\d{16,19}$/.test(factors.bankCard) && isLuhnValid(factors.bankCard))) {
    errors.push({ field: 'bankCard', code: 'bank_card_invalid', message: '银行卡号无效 (invalid bank card number)' });
  }
  if (factors.socialSecurityCard !== undefined && !/^[0-9A-Z]{9,20}$/.test(factors.socialSecurityCard)) {
    errors.push({ field: 'socialSecurityCard', code: 'social_security_card_invalid', message: '社会保障卡号无效 (invalid social security card number)' });
  }
  return { factors, errors };
}
