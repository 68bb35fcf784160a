/**
 * Case numbers (办件编号) and query codes (查询码). A number is the item's 31-character implementation code,
 * the submission day (China time) as yyyyMMdd and a 4-digit daily sequence allocated in the database.
 */
import crypto from 'node:crypto';

export const IMPLEMENTATION_CODE_LENGTH = 31;
export const CASE_NUMBER_LENGTH = IMPLEMENTATION_CODE_LENGTH + 8 + 4;
export const MAX_DAILY_SEQUENCE = 9999;

const CASE_NUMBER = /^[0-9A-Z]{31}\d{8}\d{4}$/;

/** The calendar day in China (UTC+8, no daylight saving) at `now`, as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function formatCaseNumber(implementationCode: string, day: string, sequence: number): string {
  if (implementationCode.length !== IMPLEMENTATION_CODE_LENGTH) throw new RangeError('an implementation code has 31 characters');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) throw new RangeError('the daily sequence runs from 1 to 9999');
  return `${implementationCode}${day.replace(/-/g, '')}${String(sequence).padStart(4, '0')}`;
}

export function isCaseNumber(value: string): boolean {
  return CASE_NUMBER.test(value);
}

// No 0/O, 1/I/L: read aloud and typed from a paper receipt.
const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 8;

/** A random 查询码 (8 characters of a 31-letter alphabet: about 40 bits). */
export function newQueryCode(): string {
  let code = '';
  while (code.length < QUERY_CODE_LENGTH) {
    const byte = crypto.randomBytes(1)[0]!;
    // Rejection sampling keeps every letter equally likely.
    if (byte < QUERY_CODE_ALPHABET.length * 8) code += QUERY_CODE_ALPHABET[byte % QUERY_CODE_ALPHABET.length];
  }
  return code;
}

/** What is hashed for a query code: bound to its case number, so equal codes of two cases hash apart. */
export const queryCodeSubject = (number: string, code: string) => `${number}:${code.trim().toUpperCase()}`;
