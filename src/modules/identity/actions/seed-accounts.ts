/**
 * Create accounts with known credentials and levels, for the demo and for tests: persons, companies
 * with their agents, staff with roles and TOTP secrets. Idempotent: what exists is left alone.
 */
import { writeAudit } from '../../../platform/audit.js';
import type { IdentityDeps } from '../deps.js';
import {
  findCompanyByUscc,
  findPersonIdentity,
  insertAgentGrant,
  insertPerson,
  markPhoneVerified,
  raiseLevel,
  upsertCompany,
} from '../identity.repository.js';
import { maskIdNumber, maskPhone } from '../masking.js';
import { hashPassword } from '../passwords.js';
import { insertStaff, replaceStaffRoles } from '../staff.repository.js';

export interface AccountSeed {
  persons: { name: string; idNumber: string; phone: string; password: string; level: number }[];
  companies: { uscc: string; name: string; representativeIdNumber: string; password: string; agents: { idNumber: string; validUntil: string; itemCodes?: string[] }[] }[];
  staff: { loginName: string; name: string; agencyId: number; roles: string[]; password: string; totpSecret: string }[];
}

export async function seedAccounts(deps: Pick<IdentityDeps, 'db' | 'fields'>, seed: AccountSeed): Promise<{ persons: number; companies: number; staff: number }> {
  const { db, fields } = deps;
  // One argon2 hash per distinct password keeps the seed fast; these are demo credentials anyway.
  const hashes = new Map<string, string>();
  for (const password of new Set([...seed.persons, ...seed.companies, ...seed.staff].map((a) => a.password))) hashes.set(password, await hashPassword(password));
  const created = { persons: 0, companies: 0, staff: 0 };
  await db.transaction(async (tx) => {
    const personIdOf = async (idNumber: string) => (await findPersonIdentity(tx, fields.lookupHash('id_number', idNumber)))?.id;
    for (const p of seed.persons) {
      const id = await insertPerson(tx, {
        name: p.name,
        idNumberEnc: fields.encrypt(p.idNumber),
        idNumberHash: fields.lookupHash('id_number', p.idNumber),
        idNumberMasked: maskIdNumber(p.idNumber),
        phoneEnc: fields.encrypt(p.phone),
        phoneHash: fields.lookupHash('phone', p.phone),
        phoneMasked: maskPhone(p.phone),
        passwordHash: hashes.get(p.password)!,
      });
      if (!id) continue;
      created.persons++;
      if (p.level >= 1) await markPhoneVerified(tx, id);
      if (p.level > 0) await raiseLevel(tx, { personId: id, to: p.level, method: 'seed' });
    }
    for (const c of seed.companies) {
      if (await findCompanyByUscc(tx, c.uscc)) continue;
      const representativeId = await personIdOf(c.representativeIdNumber);
      if (!representativeId) throw new Error(`seed: no person account for the representative of ${c.uscc}`);
      const company = await upsertCompany(tx, { uscc: c.uscc, name: c.name, representativeId, passwordHash: hashes.get(c.password)! });
      for (const a of c.agents) {
        const agentId = await personIdOf(a.idNumber);
        if (!agentId) throw new Error(`seed: no person account for an agent of ${c.uscc}`);
        await insertAgentGrant(tx, { companyId: company.id, agentId, itemCodes: a.itemCodes ?? null, validUntil: a.validUntil, grantedBy: representativeId });
      }
      created.companies++;
    }
    for (const s of seed.staff) {
      const id = await insertStaff(tx, { loginName: s.loginName, name: s.name, agencyId: s.agencyId, passwordHash: hashes.get(s.password)!, totpSecretEnc: fields.encrypt(s.totpSecret), createdBy: null });
      if (!id) continue;
      await replaceStaffRoles(tx, id, s.roles);
      created.staff++;
    }
    await writeAudit(tx, { actor: 'system:seed', action: 'identity.accounts_seeded', subject: 'identity', detail: created });
  });
  return created;
}
