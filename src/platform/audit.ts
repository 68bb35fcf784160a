import type { Queryable } from './db/index.js';

export interface AuditEvent {
  actor: string;
  action: string;
  subject: string;
  requestId?: string | undefined;
  detail?: Record<string, unknown>;
}

/** Append an audit record. Pass the transaction that makes the change, so both commit or neither. */
export async function writeAudit(tx: Queryable, event: AuditEvent): Promise<void> {
  await tx.query('INSERT INTO platform.audit_log (actor, action, subject, request_id, detail) VALUES ($1, $2, $3, $4, $5)', [
    event.actor,
    event.action,
    event.subject,
    event.requestId ?? null,
    JSON.stringify(event.detail ?? {}),
  ]);
}
