import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUscc } from '../../platform/checksums.js';
import { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { generateResidents, seedPopulation } from '../population/index.js';
import { DEMO_LEGAL_PERSONS, generateLegalPersons, lookupLegalPerson, seedLegalPersons, verifyLegalRepresentative } from './index.js';

// Seeded by hand on an empty database: the registries do not need the catalogue.
let t: TestApp;
let fields: FieldCrypto;
const residents = generateResidents();
const all = generateLegalPersons(residents);
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
  fields = new FieldCrypto(t.app.context.config.dataKey);
  expect(await seedPopulation(t.db, fields, residents)).toBe(2000);
  expect(await seedLegalPersons(t.db, fields)).toBe(300);
});
afterAll(() => t?.close());

const company = DEMO_LEGAL_PERSONS.find((p) => p.status === 'active')!;
const representative = residents.find((r) => r.idNumber === company.representativeIdNumber)!;
const cancelled = all.find((p) => p.status === 'cancelled')!;

const validationError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a validation error'),
    (e: unknown) => {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('validation_failed');
      return (e as AppError).errors;
    },
  );

describe('legal-person registry (法人基础库)', () => {
  it('seeding again inserts nothing', async () => {
    expect(await seedLegalPersons(t.db, fields)).toBe(0);
    expect(await seedPopulation(t.db, fields, residents)).toBe(0);
  });

  it('looks a legal person up by USCC (lower case accepted), without the representative ID number', async () => {
    const found = await lookupLegalPerson(t.db, company.uscc.toLowerCase());
    expect(found).toEqual({
      name: company.name,
      uscc: company.uscc,
      type: company.type,
      representativeName: company.representativeName,
      registeredAddress: company.registeredAddress,
      divisionCode: company.divisionCode,
      status: 'active',
      establishedOn: company.establishedOn,
    });
  });

  it('a valid USCC that is not registered gives null', async () => {
    expect(await lookupLegalPerson(t.db, makeUscc('91', '330106', '99999999'))).toBeNull();
  });

  it('a USCC with a wrong check character is a field error in Chinese', async () => {
    const wrong = company.uscc.slice(0, 17) + (company.uscc[17] === '0' ? '1' : '0');
    expect(await validationError(lookupLegalPerson(t.db, wrong))).toEqual([
      { field: 'uscc', code: 'uscc_check', message: expect.stringMatching(/^统一社会信用代码无效/) },
    ]);
    expect(await validationError(lookupLegalPerson(t.db, "'; DROP TABLE legalpersons.entity; --"))).toMatchObject([{ code: 'uscc_format' }]);
  });

  it('confirms the legal representative by name and ID number', async () => {
    const claim = { uscc: company.uscc, name: representative.name, idNumber: representative.idNumber };
    expect(await verifyLegalRepresentative(t.db, fields, claim)).toEqual({ match: true });
    const other = residents.find((r) => r.name !== representative.name)!;
    expect(await verifyLegalRepresentative(t.db, fields, { ...claim, name: other.name })).toEqual({ match: false });
    expect(await verifyLegalRepresentative(t.db, fields, { ...claim, idNumber: other.idNumber })).toEqual({ match: false });
  });

  it('a cancelled legal person has no representative to confirm', async () => {
    const rep = residents.find((r) => r.idNumber === cancelled.representativeIdNumber)!;
    expect(await verifyLegalRepresentative(t.db, fields, { uscc: cancelled.uscc, name: rep.name, idNumber: rep.idNumber })).toEqual({ match: false });
  });

  it('an invalid ID number is a validation error', async () => {
    const errors = await validationError(
      verifyLegalRepresentative(t.db, fields, { uscc: company.uscc, name: representative.name, idNumber: '330106199001011230' }),
    );
    expect(errors).toMatchObject([{ field: 'idNumber', code: 'id_number_invalid' }]);
  });

  it('stores representatives ID numbers only as hashes', async () => {
    const dump = JSON.stringify(await t.db.query('SELECT * FROM legalpersons.entity'));
    expect(all.filter((p) => dump.includes(p.representativeIdNumber))).toEqual([]);
  });
});
