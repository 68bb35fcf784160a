import { describe, it, expect } from 'vitest';
import { generate } from 'otplib';
import { accountIdOf, parseAccountId } from './principal.js';
import { acceptTotp, newTotpSecret } from './totp.js';

const P = '0b8f3c1e-8a7d-4a55-9f1e-2c3d4e5f6a7b';
const C = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

describe('account ids', () => {
  it('round-trips persons, persons acting for a company, and staff', () => {
    for (const ref of [{ kind: 'person', personId: P }, { kind: 'person', personId: P, companyId: C }, { kind: 'staff', staffId: C }] as const) {
      expect(parseAccountId(accountIdOf(ref))).toEqual(ref);
    }
    expect(accountIdOf({ kind: 'person', personId: P, companyId: C })).toBe(`person:${P}@company:${C}`);
  });

  it('rejects anything else', () => {
    for (const id of ['', 'person:', `person:${P}@company:`, `staff:${P.toUpperCase()}`, `admin:${P}`, `person:${P} `, `person:${P}@staff:${C}`]) {
      expect(parseAccountId(id), id).toBeNull();
    }
  });
});

describe('TOTP', () => {
  it('accepts the current code once and refuses it at or before the last step used', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const step = await acceptTotp(secret, code, null);
    expect(step).toBeTypeOf('number');
    expect(await acceptTotp(secret, code, step)).toBeNull();
    expect(await acceptTotp(secret, code, step! - 1)).toBe(step);
  });

  it('refuses malformed and wrong codes', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (const bad of ['', '12345', '1234567', 'abcdef', wrong]) expect(await acceptTotp(secret, bad, null), bad).toBeNull();
  });
});
