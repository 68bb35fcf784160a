/**
 * Check characters of the national identifiers:
 * - GB 11643 citizen ID number (18 characters, ISO 7064 MOD 11-2);
 * - GB 32100 unified social credit code (USCC, 18 characters, MOD 31) with the embedded
 *   GB 11714 organisation code (9 characters, MOD 11);
 * - GB/T 36904 electronic-licence identifier check character (ISO 7064 MOD 37,36 hybrid).
 * Pure functions, shared by every module that validates these numbers.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits of a citizen ID number. */
export function citizenIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** True when `id` is an 18-character citizen ID number with a valid check character and birth date. */
export function isValidCitizenId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return citizenIdCheckChar(id.slice(0, 17)) === id[17];
}

/** GB 32100 alphabet: 0-9 then A–Y without I, O, S, V, Z (31 symbols). */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('need 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`invalid USCC character ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('need 8 characters 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(first8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function isValidOrgCode(code: string): boolean {
  return /^[0-9A-Z]{8}[0-9X]$/.test(code) && orgCodeCheckChar(code.slice(0, 8)) === code[8];
}

/** Why a USCC is invalid, or null when it is valid. Codes are stable for field errors. */
export function usccProblem(code: string): null | 'uscc_format' | 'uscc_check' | 'uscc_org_check' {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(code)) return 'uscc_format';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'uscc_check';
  if (!isValidOrgCode(code.slice(8, 17))) return 'uscc_org_check';
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/**
 * Build a valid USCC from its parts: registration authority + category (e.g. '11' for an organ of
 * state), a 6-digit division code, and an 8-character organisation-code body. Used for synthetic
 * demo agencies and test fixtures.
 */
export function makeUscc(prefix2: string, division6: string, orgBody8: string): string {
  const org = orgBody8 + orgCodeCheckChar(orgBody8);
  const first17 = prefix2 + division6 + org;
  return first17 + usccCheckChar(first17);
}

const LICENCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 (hybrid) check character over 0-9A-Z, as used by licence identifiers. */
export function mod3736CheckChar(input: string): string {
  let p = 36;
  for (const ch of input) {
    const v = LICENCE_ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`invalid character ${ch}`);
    let s = (p + v) % 36;
    if (s === 0) s = 36;
    p = (2 * s) % 37;
  }
  return LICENCE_ALPHABET[(37 - p) % 36]!;
}
