import { describe, expect, it } from 'vitest';
import { checkResidentFactors, isLuhnValid, luhnCheckDigit, normalisePhone } from './factors.js';

describe('Luhn', () => {
  it('accepts known valid numbers and rejects a changed digit', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('79927398710')).toBe(false);
  });
  it('computes the check digit that makes the number valid', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('411111111111111')).toBe('1');
  });
  it('rejects non-digits', () => {
    expect(isLuhnValid('4111 1111')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
  });
});

describe('checkResidentFactors', () => {
  const valid = { name: ' 张三 ', idNumber: '11010519491231002x' };
  it('normalises separators, case and the +86 prefix', () => {
    const { factors, errors } = checkResidentFactors({ ...valid, phone: '+86 138-0000-0000', bankCard: '4111 1111 1111 1111' });
    expect(errors).toEqual([]);
    expect(factors).toMatchObject({ name: '张三', idNumber: '11010519491231002X', phone: '13800000000', bankCard: '4111111111111111' });
    expect(normalisePhone('8613800000000')).toBe('13800000000');
  });
  it('gives one Chinese field error per malformed factor', () => {
    const { errors } = checkResidentFactors({
      name: '',
      idNumber: '110105194912310021',
      phone: '12345',
      bankCard: '4111111111111112',
      socialSecurityCard: 'a-1',
    });
    expect(errors.map((e) => e.field)).toEqual(['name', 'idNumber', 'phone', 'bankCard', 'socialSecurityCard']);
    expect(errors.find((e) => e.field === 'idNumber')?.message).toMatch(/^身份证号码无效/);
  });
});
