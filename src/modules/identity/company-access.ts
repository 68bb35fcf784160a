/** Which company a representative manages: the caller must be its bound representative. */
import { AppError } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db/index.js';
import { findCompanyByUscc, type CompanyRow } from './identity.repository.js';

/** The company with this USCC if `personId` is its representative; otherwise 404 (no disclosure). */
export async function companyRepresentedBy(db: Queryable, personId: string, uscc: string): Promise<CompanyRow> {
  const company = await findCompanyByUscc(db, uscc.trim().toUpperCase());
  if (!company || company.representativeId !== personId) throw new AppError('not_found', { message: '未找到您作为法定代表人的该企业。No company of yours with this code.' });
  return company;
}
