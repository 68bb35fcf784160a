import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import crypto from 'node:crypto';
import { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { DEMO_RESIDENTS, generateResidents, verifyResident } from './index.js';

// The demo seed loads the registry (seedDemo → seedPopulation), so this also checks the hook.
let t: TestApp;
let fields: FieldCrypto;
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo' });
  fields = new FieldCrypto(t.app.context.config.dataKey);
});
afterAll(() => t?.close());

const alice = DEMO_RESIDENTS[0]!;
const bob = DEMO_RESIDENTS[1]!;

describe('verifyResident (三要素核验)', () => {
  it('the demo seed holds the 2,000 synthetic residents', async () => {
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM population.resident');
    expect(row?.n).toBe(2000);
  });

  it('matches name + ID number + phone', async () => {
    expect(await verifyResident(t.db, fields, { name: alice.name, idNumber: alice.idNumber, phone: alice.phone })).toEqual({ match: true, factors: 3 });
  });

  it('matches with the social security card, and counts every matching factor', async () => {
    expect(await verifyResident(t.db, fields, { name: bob.name, idNumber: bob.idNumber, socialSecurityCard: bob.socialSecurityCard.toLowerCase() }))
      .toEqual({ match: true, factors: 3 });
    expect(
      await verifyResident(t.db, fields, { name: bob.name, idNumber: bob.idNumber, phone: bob.phone, bankCard: bob.bankCard, socialSecurityCard: bob.socialSecurityCard }),
    ).toEqual({ match: true, factors: 5 });
  });

  it('name + ID number alone is not enough', async () => {
    expect(await verifyResident(t.db, fields, { name: alice.name, idNumber: alice.idNumber })).toEqual({ match: false, factors: 0 });
  });

  it('a wrong phone with the right bank card still matches', async () => {
    expect(await verifyResident(t.db, fields, { name: alice.name, idNumber: alice.idNumber, phone: bob.phone, bankCard: alice.bankCard }))
      .toEqual({ match: true, factors: 3 });
  });

  it('a wrong name, a wrong third factor and an unknown ID number all give the same answer', async () => {
    const outsider = generateResidents(1, 99)[0]!; // valid numbers, not in the registry
    const answers = await Promise.all([
      verifyResident(t.db, fields, { name: bob.name, idNumber: alice.idNumber, phone: alice.phone }),
      verifyResident(t.db, fields, { name: alice.name, idNumber: alice.idNumber, phone: bob.phone }),
      verifyResident(t.db, fields, { name: alice.name, idNumber: alice.idNumber, bankCard: bob.bankCard }),
      verifyResident(t.db, fields, { name: outsider.name, idNumber: outsider.idNumber, phone: outsider.phone }),
    ]);
    expect(answers).toEqual(Array(4).fill({ match: false, factors: 0 }));
  });

  it('an invalid ID number is a validation error with a Chinese field message', async () => {
    const wrongCheck = alice.idNumber.slice(0, 17) + (alice.idNumber[17] === '0' ? '1' : '0');
    const error = await verifyResident(t.db, fields, { name: alice.name, idNumber: wrongCheck, phone: alice.phone }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).errors).toEqual([{ field: 'idNumber', code: 'id_number_invalid', message: expect.stringMatching(/^身份证号码无效/) }]);
  });

  it('hashes under the app data key: the same factors under another key match nobody', async () => {
    const otherKey = new FieldCrypto(crypto.randomBytes(32));
    expect(await verifyResident(t.db, otherKey, { name: alice.name, idNumber: alice.idNumber, phone: alice.phone })).toEqual({ match: false, factors: 0 });
  });

  it('injection strings are inert input', async () => {
    expect(await verifyResident(t.db, fields, { name: "' OR 1=1 --", idNumber: alice.idNumber, phone: alice.phone })).toEqual({ match: false, factors: 0 });
  });

  it('stores no identifying number in clear text', async () => {
    const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM population.resident');
    const dump = JSON.stringify(rows);
    for (const r of generateResidents()) {
      for (const secret of [r.idNumber, r.phone, r.bankCard, r.socialSecurityCard]) {
        if (dump.includes(secret)) throw new Error(`clear-text number stored: ${secret}`);
      }
    }
    expect(rows[0]).toMatchObject({ id_number_hash: expect.stringMatching(/^[0-9a-f]{64}$/), phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
