/** Create an agency (实施主体): it opens a shop on the portal. */
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { bumpGeneration } from '../../../platform/generation.js';
import { agencyIdsByUscc, getAgency, getJurisdiction, upsertAgencies, type AgencyInput } from '../catalog.repository.js';
import type { Agency } from '../model.js';
import { agencyProblems } from '../rules.js';

export interface CreateAgencyInput {
  agency: Omit<AgencyInput, 'parentUscc'>;
  actor: string;
  requestId?: string;
}

export async function createAgency(db: Db, { agency, actor, requestId }: CreateAgencyInput): Promise<Agency> {
  const errors = agencyProblems(agency);
  if (errors.length > 0) throw new AppError('validation_failed', { message: '实施主体信息有误。', errors });
  return db.transaction(async (tx) => {
    if (!(await getJurisdiction(tx, agency.jurisdictionCode))) {
      throw new AppError('validation_failed', {
        message: '实施主体信息有误。',
        errors: [{ field: 'jurisdictionCode', code: 'unknown_jurisdiction', message: `行政区划 ${agency.jurisdictionCode} 不存在` }],
      });
    }
    if (agency.parentId != null && !(await getAgency(tx, agency.parentId))) {
      throw new AppError('validation_failed', {
        message: '实施主体信息有误。',
        errors: [{ field: 'parentId', code: 'unknown_agency', message: `上级实施主体 ${agency.parentId} 不存在` }],
      });
    }
    if ((await agencyIdsByUscc(tx, [agency.uscc])).size > 0) {
      throw new AppError('conflict', { message: `统一社会信用代码 ${agency.uscc} 已被其他实施主体使用。` });
    }
    const id = (await upsertAgencies(tx, [agency])).get(agency.uscc)!;
    await writeAudit(tx, { actor, action: 'catalog.agency.created', subject: agency.uscc, requestId, detail: { id, name: agency.name } });
    await bumpGeneration(tx, 'catalog');
    return (await getAgency(tx, id))!;
  });
}
