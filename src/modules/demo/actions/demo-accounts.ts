/** The demo accounts: resolved against the seeded catalogue, seeded into identity, listed for people and scripts. */
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { listAgencies, type Agency } from '../../catalog/index.js';
import { seedAccounts } from '../../identity/index.js';
import {
  DEMO_COMPANY,
  DEMO_COMPANY_PASSWORD,
  DEMO_PERSON_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
  DEMO_STAFF_PASSWORD,
  demoTotpSecret,
  type DemoStaff,
} from '../data/accounts.js';

/** One entry of `onestop demo accounts --json`. */
export interface DemoAccount {
  username: string;
  password: string;
  totpSecret?: string;
  kind: 'person' | 'company' | 'staff';
  name: string;
  level?: number;
  agency?: { id: number; name: string; jurisdiction: string };
  roles?: string[];
  note?: string;
}

async function resolveAgency(db: Queryable, cache: Map<string, Agency[]>, where: DemoStaff['agency']): Promise<Agency> {
  let agencies = cache.get(where.jurisdiction);
  if (!agencies) cache.set(where.jurisdiction, (agencies = await listAgencies(db, { jurisdiction: where.jurisdiction })));
  const agency = agencies.find((a) => a.name.endsWith(where.nameEndsWith));
  if (!agency) throw new Error(`demo: no agency of ${where.jurisdiction} ending in ${where.nameEndsWith}`);
  return agency;
}

/** Every demo account with its credentials; staff agencies are looked up in the seeded catalogue. */
export async function listDemoAccounts(db: Queryable): Promise<DemoAccount[]> {
  const cache = new Map<string, Agency[]>();
  const accounts: DemoAccount[] = DEMO_PERSONS.map((p) => ({
    username: p.resident.idNumber,
    password: DEMO_PERSON_PASSWORD,
    kind: 'person',
    name: p.resident.name,
    level: p.level,
    note: p.note,
  }));
  accounts.push({ username: DEMO_COMPANY.uscc, password: DEMO_COMPANY_PASSWORD, kind: 'company', name: DEMO_COMPANY.name, note: '以法定代表人身份办理企业事项 / acts for the company as its representative' });
  for (const s of DEMO_STAFF) {
    const agency = await resolveAgency(db, cache, s.agency);
    accounts.push({
      username: s.loginName,
      password: DEMO_STAFF_PASSWORD,
      totpSecret: demoTotpSecret(s.loginName),
      kind: 'staff',
      name: s.name,
      agency: { id: agency.id, name: agency.name, jurisdiction: agency.jurisdiction.code },
      roles: s.roles,
    });
  }
  return accounts;
}

/** Seed the demo accounts (after the catalogue and the base registries); idempotent. */
export async function seedDemoAccounts(db: Db, fields: FieldCrypto): Promise<void> {
  const accounts = await listDemoAccounts(db);
  const nextYear = `${new Date().getFullYear() + 1}-12-31`;
  await seedAccounts(
    { db, fields },
    {
      persons: DEMO_PERSONS.map((p) => ({ name: p.resident.name, idNumber: p.resident.idNumber, phone: p.resident.phone, password: DEMO_PERSON_PASSWORD, level: p.level })),
      companies: [
        {
          uscc: DEMO_COMPANY.uscc,
          name: DEMO_COMPANY.name,
          representativeIdNumber: DEMO_COMPANY.representativeIdNumber,
          password: DEMO_COMPANY_PASSWORD,
          agents: [{ idNumber: DEMO_COMPANY.agentIdNumber, validUntil: nextYear }],
        },
      ],
      staff: accounts
        .filter((a) => a.kind === 'staff')
        .map((a) => ({ loginName: a.username, name: a.name, agencyId: a.agency!.id, roles: a.roles!, password: a.password, totpSecret: a.totpSecret! })),
    },
  );
}
