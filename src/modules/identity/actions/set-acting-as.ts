/** 切换办事身份: act for a company one represents or is an agent for, or for oneself again (uscc null). */
import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { actingAsOf, findCompanyByUscc, setSessionActingCompany } from '../identity.repository.js';
import type { ActingAs } from '../principal.js';

export async function setActingAs(deps: IdentityDeps, c: { personId: string; sessionId: string; uscc: string | null }, meta: RequestMeta): Promise<ActingAs | null> {
  let acting: ActingAs | null = null;
  if (c.uscc !== null) {
    const company = await findCompanyByUscc(deps.db, c.uscc.trim().toUpperCase());
    acting = company ? await actingAsOf(deps.db, c.personId, company.id) : null;
    if (!acting) throw new AppError('forbidden', { message: '您无权代表该企业办事。You may not act for this company.' });
  }
  await deps.db.transaction(async (tx) => {
    if (!(await setSessionActingCompany(tx, c.sessionId, c.personId, acting?.companyId ?? null))) throw new AppError('unauthenticated');
    await writeAudit(tx, {
      actor: `person:${c.personId}`,
      action: 'identity.acting_as_changed',
      subject: acting ? `company:${acting.companyId}` : `person:${c.personId}`,
      requestId: meta.requestId,
      detail: { role: acting?.role ?? 'self' },
    });
  });
  return acting;
}
