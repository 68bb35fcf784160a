/** All of the identity module's SQL (schema `identity`). */
import type { Queryable } from '../../platform/db/index.js';
import type { FailureCount } from './sign-in-limits.js';
import { FAILURE_WINDOW_MINUTES } from './sign-in-limits.js';

export interface NewPerson {
  name: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
  passwordHash: string;
}

/** The new person's id, or null when the ID number already has an account. */
export async function insertPerson(db: Queryable, p: NewPerson): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO identity.person (name, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id_number_hash) DO NOTHING RETURNING id`,
    [p.name, p.idNumberEnc, p.idNumberHash, p.idNumberMasked, p.phoneEnc, p.phoneHash, p.phoneMasked, p.passwordHash],
  );
  return rows[0]?.id ?? null;
}

export interface PersonCredentials {
  id: string;
  passwordHash: string;
  phoneEnc: string;
  phoneMasked: string;
}

export async function findPersonByIdNumberHash(db: Queryable, idNumberHash: string): Promise<PersonCredentials | undefined> {
  const rows = await db.query<PersonCredentials>(
    `SELECT id, password_hash AS "passwordHash", phone_enc AS "phoneEnc", phone_masked AS "phoneMasked"
       FROM identity.person WHERE id_number_hash = $1`,
    [idNumberHash],
  );
  return rows[0];
}

export interface SessionPerson {
  sessionId: string;
  personId: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  level: number;
}

/** The person behind a live (not revoked, not expired) session, touching its last-seen time. */
export async function touchLiveSession(db: Queryable, sessionId: string): Promise<SessionPerson | undefined> {
  const rows = await db.query<SessionPerson>(
    `UPDATE identity.session s SET last_seen_at = now()
       FROM identity.person p
      WHERE s.id = $1 AND s.person_id = p.id AND s.revoked_at IS NULL AND s.expires_at > now()
     RETURNING s.id AS "sessionId", p.id AS "personId", p.name, p.id_number_masked AS "idNumberMasked",
               p.phone_masked AS "phoneMasked", p.level`,
    [sessionId],
  );
  return rows[0];
}

export async function insertSession(
  db: Queryable,
  s: { id: string; personId: string; lifetimeSeconds: number; userAgent: string | null; ip: string },
): Promise<void> {
  await db.query(
    `INSERT INTO identity.session (id, person_id, expires_at, user_agent, ip)
     VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)`,
    [s.id, s.personId, s.lifetimeSeconds, s.userAgent, s.ip],
  );
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export async function listLiveSessions(db: Queryable, personId: string): Promise<SessionRow[]> {
  return db.query<SessionRow>(
    `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", user_agent AS "userAgent", ip
       FROM identity.session
      WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC`,
    [personId],
  );
}

/** True when the person's live session was revoked; false when there is no such session of theirs. */
export async function revokeSession(db: Queryable, sessionId: string, personId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE identity.session SET revoked_at = now()
      WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id`,
    [sessionId, personId],
  );
  return rows.length > 0;
}

export async function insertSignInEvent(
  db: Queryable,
  e: { personId: string | null; accountKey: string; ip: string; outcome: 'success' | 'bad_credentials' | 'rate_limited' },
): Promise<void> {
  await db.query('INSERT INTO identity.sign_in_event (person_id, account_key, ip, outcome) VALUES ($1, $2, $3, $4)', [
    e.personId,
    e.accountKey,
    e.ip,
    e.outcome,
  ]);
}

const WINDOW = `now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`;

/** Failed sign-ins for an account key in the window, since its last successful one. */
export async function countAccountFailures(db: Queryable, accountKey: string): Promise<FailureCount> {
  const rows = await db.query<FailureCount>(
    `SELECT count(*)::int AS failures, (extract(epoch FROM max(at)) * 1000)::float8 AS "lastFailureAt"
       FROM identity.sign_in_event
      WHERE account_key = $1 AND outcome = 'bad_credentials' AND at > ${WINDOW}
        AND at > coalesce((SELECT max(at) FROM identity.sign_in_event WHERE account_key = $1 AND outcome = 'success'), '-infinity')`,
    [accountKey],
  );
  return rows[0]!;
}

/** Failed sign-ins from a client address in the window. */
export async function countAddressFailures(db: Queryable, ip: string): Promise<FailureCount> {
  const rows = await db.query<FailureCount>(
    `SELECT count(*)::int AS failures, (extract(epoch FROM max(at)) * 1000)::float8 AS "lastFailureAt"
       FROM identity.sign_in_event WHERE ip = $1 AND outcome = 'bad_credentials' AND at > ${WINDOW}`,
    [ip],
  );
  return rows[0]!;
}

export async function insertOutboxMessage(
  db: Queryable,
  m: { channel: 'sms' | 'email'; recipientEnc: string; recipientMasked: string; body: string; sent: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO identity.notification_outbox (channel, recipient_enc, recipient_masked, body, sent_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END)`,
    [m.channel, m.recipientEnc, m.recipientMasked, m.body, m.sent],
  );
}

export interface OutboxRow {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listOutbox(db: Queryable, limit: number): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `SELECT id, channel, recipient_masked AS recipient, body, created_at AS "createdAt", sent_at AS "sentAt"
       FROM identity.notification_outbox ORDER BY id DESC LIMIT $1`,
    [limit],
  );
}
