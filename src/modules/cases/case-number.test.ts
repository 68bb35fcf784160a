import { describe, it, expect } from 'vitest';
import { CASE_NUMBER_LENGTH, chinaToday, formatCaseNumber, isCaseNumber, newQueryCode, QUERY_CODE_LENGTH } from './case-number.js';

const CODE = '11330106002566090X3010080010000';

describe('case numbers', () => {
  it('is the implementation code, yyyyMMdd and a 4-digit sequence', () => {
    const number = formatCaseNumber(CODE, '2026-11-25', 7);
    expect(number).toBe(`${CODE}202611250007`);
    expect(number).toHaveLength(CASE_NUMBER_LENGTH);
    expect(isCaseNumber(number)).toBe(true);
    expect(isCaseNumber(number.slice(1))).toBe(false);
  });

  it('refuses a sequence outside 1–9999 and a code of the wrong length', () => {
    expect(() => formatCaseNumber(CODE, '2026-11-25', 0)).toThrow(RangeError);
    expect(() => formatCaseNumber(CODE, '2026-11-25', 10_000)).toThrow(RangeError);
    expect(() => formatCaseNumber(CODE.slice(1), '2026-11-25', 1)).toThrow(RangeError);
  });

  it('takes the day in China time', () => {
    expect(chinaToday(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaToday(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});

describe('query codes', () => {
  it('are 8 unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 50 }, () => newQueryCode()));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[A-HJKMNP-Z2-9]{${QUERY_CODE_LENGTH}}$`));
  });
});
