import { describe, it, expect } from 'vitest';
import {
  citizenIdCheckChar,
  isValidCitizenId,
  isValidOrgCode,
  isValidUscc,
  makeUscc,
  mod3736CheckChar,
  orgCodeCheckChar,
  usccCheckChar,
  usccProblem,
} from './checksums.js';

/** Replace the character at `i` by another one of the same kind (digit for digit, letter for letter). */
function mutate(s: string, i: number): string {
  const c = s[i]!;
  const replacement = /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
  return s.slice(0, i) + replacement + s.slice(i + 1);
}

describe('GB 11643 citizen ID number', () => {
  it('accepts a valid number with check character X', () => {
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidCitizenId('11010519491231002X')).toBe(true);
  });

  it('rejects a mutated digit, a wrong check character and a bad shape', () => {
    expect(isValidCitizenId(mutate('11010519491231002X', 16))).toBe(false);
    expect(isValidCitizenId('110105194912310021')).toBe(false);
    expect(isValidCitizenId('11010519491231002x')).toBe(false);
    expect(isValidCitizenId('1101051949123100')).toBe(false);
  });

  it('rejects an impossible birth date even with a matching check character', () => {
    const first17 = '11010519490231002'; // 31 February
    expect(isValidCitizenId(first17 + citizenIdCheckChar(first17))).toBe(false);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts real codes', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
    expect(isValidUscc('91110000600037341L')).toBe(true);
    expect(isValidUscc('11370800MB28559184')).toBe(true);
    expect(usccProblem('11370800MB28559184')).toBeNull();
  });

  it('rejects any single mutated character', () => {
    for (let i = 0; i < 18; i++) expect(isValidUscc(mutate('91110000600037341L', i)), `position ${i}`).toBe(false);
  });

  it('reports a wrong check character as uscc_check', () => {
    expect(usccProblem('91110000600037341M')).toBe('uscc_check');
  });

  it('reports I, O, S, V and Z as uscc_format, as well as a wrong length', () => {
    for (const letter of 'IOSVZ') expect(usccProblem(`9111000060003734${letter}L`), letter).toBe('uscc_format');
    expect(usccProblem('91110000600037341')).toBe('uscc_format');
    expect(usccProblem('91110000600037341l')).toBe('uscc_format');
  });

  it('reports an embedded GB 11714 organisation code with a wrong check as uscc_org_check', () => {
    // '600037342' has a wrong organisation-code check; 'P' is the matching GB 32100 check character.
    expect(usccCheckChar('91110000600037342')).toBe('P');
    expect(usccProblem('91110000600037342P')).toBe('uscc_org_check');
  });

  it('makeUscc builds codes that validate', () => {
    const uscc = makeUscc('11', '330106', 'MB000001');
    expect(uscc).toHaveLength(18);
    expect(usccProblem(uscc)).toBeNull();
  });
});

describe('GB 11714 organisation code', () => {
  it('accepts a valid code and rejects a wrong check character', () => {
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(isValidOrgCode('600037341')).toBe(true);
    expect(isValidOrgCode('600037342')).toBe(false);
    expect(isValidOrgCode('MB2855918')).toBe(true);
    expect(isValidOrgCode('MB2855917')).toBe(false);
  });
});

describe('GB/T 36904 licence identifier (ISO 7064 MOD 37,36)', () => {
  const id = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';
  // The check character covers type + issuer + serial + version, without the OID prefix and dots.
  const checked = id.split('.').slice(5, 9).join('');

  it("computes 'U' for a real identifier", () => {
    expect(mod3736CheckChar(checked)).toBe('U');
  });

  it('detects a mutated character', () => {
    for (const i of [0, 10, 20, 30, checked.length - 1]) expect(mod3736CheckChar(mutate(checked, i)), `position ${i}`).not.toBe('U');
  });

  it('refuses characters outside 0-9A-Z', () => {
    expect(() => mod3736CheckChar('11100000000013338w')).toThrow(RangeError);
  });
});
