/** 登记接入系统: register an agency system as an OpenID Connect client (CLI and the platform-admin page). */
import crypto from 'node:crypto';
import { writeAudit } from '../../../../platform/audit.js';
import type { IdentityDeps } from '../../deps.js';
import type { ClientInput } from '../clients.js';
import { insertClient } from '../oidc.repository.js';

export interface NewClient {
  clientId: string;
  /** Shown once; only its encrypted form is kept. Null for a public client. */
  clientSecret: string | null;
}

export async function addClient(deps: Pick<IdentityDeps, 'db' | 'fields'>, input: ClientInput, meta: { actor: string; requestId?: string }): Promise<NewClient> {
  const clientId = `os_${crypto.randomBytes(12).toString('base64url')}`;
  const clientSecret = input.type === 'confidential' ? crypto.randomBytes(32).toString('base64url') : null;
  await deps.db.transaction(async (tx) => {
    await insertClient(tx, {
      clientId,
      secretEnc: clientSecret ? deps.fields.encrypt(clientSecret) : null,
      name: input.name,
      type: input.type,
      redirectUris: input.redirectUris,
      postLogoutRedirectUris: input.postLogoutRedirectUris,
      scopes: input.scopes.join(' '),
      sectorIdentifier: input.sector,
      createdBy: meta.actor,
    });
    await writeAudit(tx, {
      actor: meta.actor,
      action: 'identity.oidc_client_added',
      subject: `oidc-client:${clientId}`,
      requestId: meta.requestId,
      detail: { name: input.name, type: input.type, redirectUris: input.redirectUris, scopes: input.scopes, sector: input.sector },
    });
  });
  return { clientId, clientSecret };
}
