/**
 * 撤销授权: the person withdraws a system's consent. The provider's grant and every code and token
 * issued under it are deleted in the same transaction as the audit record, so the system's refresh
 * and access tokens stop working at once and its next sign-in asks for consent again.
 */
import { writeAudit } from '../../../../platform/audit.js';
import { AppError } from '../../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../../deps.js';
import type { AccountRef } from '../../principal.js';
import { destroyByGrantId, markConsentRevoked } from '../oidc.repository.js';
import { consentSubjectOf } from './list-consents.js';

export async function revokeConsent(deps: Pick<IdentityDeps, 'db'>, ref: AccountRef, consentId: string, meta: RequestMeta): Promise<void> {
  const subject = consentSubjectOf(ref);
  await deps.db.transaction(async (tx) => {
    const revoked = await markConsentRevoked(tx, subject, consentId);
    // Another person's consent looks exactly like one that does not exist.
    if (!revoked) throw new AppError('not_found', { message: '没有这项授权。No such consent.' });
    const tokens = await destroyByGrantId(tx, revoked.grantId);
    await writeAudit(tx, {
      actor: subject,
      action: 'identity.oidc_consent_revoked',
      subject: `oidc-client:${revoked.clientId}`,
      requestId: meta.requestId,
      detail: { consentId, deleted: tokens },
    });
  });
}
