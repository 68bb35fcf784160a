/** 撤销授权: the representative ends an agent's grant at once. */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { companyRepresentedBy } from '../company-access.js';
import { revokeAgentGrantRow } from '../identity.repository.js';

export async function revokeAgentGrant(deps: IdentityDeps, representativeId: string, uscc: string, grantId: string, meta: RequestMeta): Promise<void> {
  const company = await companyRepresentedBy(deps.db, representativeId, uscc);
  await deps.db.transaction(async (tx) => {
    if (!(await revokeAgentGrantRow(tx, company.id, grantId, representativeId))) throw new AppError('not_found', { message: '授权不存在或已撤销。No such live grant.' });
    await writeAudit(tx, { actor: `person:${representativeId}`, action: 'identity.agent_revoked', subject: `company:${company.id}`, requestId: meta.requestId, detail: { grantId } });
  });
}
