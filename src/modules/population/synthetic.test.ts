import { describe, expect, it } from 'vitest';
import { isValidCitizenId } from '../../platform/checksums.js';
import { isLuhnValid } from './factors.js';
import { DEMO_RESIDENTS, generateResidents, ZHEJIANG_COUNTIES } from './synthetic.js';

describe('generateResidents', () => {
  const residents = generateResidents();

  it('makes 2,000 residents with well-formed, unique numbers', () => {
    expect(residents).toHaveLength(2000);
    const counties = new Set(ZHEJIANG_COUNTIES.map((c) => c.code));
    for (const r of residents) {
      expect(isValidCitizenId(r.idNumber), r.idNumber).toBe(true);
      expect(r.idNumber.slice(0, 6)).toBe(r.divisionCode);
      expect(counties.has(r.divisionCode)).toBe(true);
      expect(r.idNumber.slice(6, 14)).toBe(r.birthDate.replace(/-/g, ''));
      expect(Number(r.idNumber[16]) % 2).toBe(r.sex === 'male' ? 1 : 0);
      expect(r.phone).toMatch(/^1[358]\d{9}$/);
      expect(r.bankCard).toMatch(/^\d{16,19}$/);
      expect(isLuhnValid(r.bankCard), r.bankCard).toBe(true);
      expect(r.socialSecurityCard).toMatch(/^[A-H]\d{8}$/);
      expect(r.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(r.householdAddress).toMatch(/^浙江省.+市.+区.+号$/);
    }
    for (const key of ['idNumber', 'phone', 'bankCard', 'socialSecurityCard'] as const) {
      expect(new Set(residents.map((r) => r[key])).size, key).toBe(residents.length);
    }
  });

  it('is deterministic, and a smaller count is a prefix of a larger one', () => {
    expect(generateResidents(50)).toEqual(residents.slice(0, 50));
    expect(DEMO_RESIDENTS).toEqual(residents.slice(0, 10));
    expect(generateResidents(50, 1)).not.toEqual(residents.slice(0, 50));
  });
});
