import { writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { revokeSession } from '../identity.repository.js';
import { accountIdOf, type AccountRef } from '../principal.js';

/**
 * End one of the account's own sessions: signing out (the current one) or revoking another from the
 * sessions list. A session that is not theirs is "not found", never "forbidden".
 */
export async function revokeOwnSession(
  deps: IdentityDeps,
  input: { account: AccountRef; sessionId: string; reason: 'sign_out' | 'revoke' },
  meta: RequestMeta,
): Promise<void> {
  const actor = accountIdOf(input.account.kind === 'staff' ? input.account : { kind: 'person', personId: input.account.personId });
  await deps.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, input.sessionId, input.account))) throw new AppError('not_found', { message: '会话不存在。Session not found.' });
    await writeAudit(tx, {
      actor,
      action: input.reason === 'sign_out' ? 'identity.signed_out' : 'identity.session_revoked',
      subject: actor,
      requestId: meta.requestId,
      detail: { ip: meta.ip },
    });
  });
}
