/** All of the identity module's SQL (schema `identity`). */
import type { Queryable } from '../../platform/db/index.js';
import { getAgencySummary } from '../catalog/index.js';
import type { AccountRef, ActingAs, Principal } from './principal.js';
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

/** A live session: its id and whose it is. */
export interface LiveSession {
  sessionId: string;
  account: AccountRef;
}

/** The account behind a live (not revoked, not expired) session, touching its last-seen time. */
export async function touchLiveSession(db: Queryable, sessionId: string): Promise<LiveSession | undefined> {
  const rows = await db.query<{ sessionId: string; personId: string | null; staffId: string | null; companyId: string | null }>(
    `UPDATE identity.session SET last_seen_at = now()
      WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
     RETURNING id AS "sessionId", person_id AS "personId", staff_id AS "staffId", acting_company_id AS "companyId"`,
    [sessionId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { sessionId: row.sessionId, account: refOf(row) };
}

function refOf(row: { personId: string | null; staffId: string | null; companyId: string | null }): AccountRef {
  if (row.staffId) return { kind: 'staff', staffId: row.staffId };
  return row.companyId ? { kind: 'person', personId: row.personId!, companyId: row.companyId } : { kind: 'person', personId: row.personId! };
}

/**
 * Everything a request needs to know of an account, or null when it no longer exists or is
 * disabled. A person's acting-as holds only while they still represent the company or hold a live
 * agent grant: a revoked or lapsed grant ends it at the next request.
 */
export async function loadAccount(db: Queryable, ref: AccountRef): Promise<Omit<Principal, 'sessionId' | 'scopes'> | null> {
  if (ref.kind === 'staff') {
    const rows = await db.query<{ name: string; agencyId: number; roles: string[] }>(
      `SELECT s.name, s.agency_id::int AS "agencyId",
              coalesce((SELECT array_agg(r.role_code ORDER BY r.role_code) FROM identity.staff_role r WHERE r.staff_id = s.id), '{}') AS roles
         FROM identity.staff s
        WHERE s.id = $1 AND s.disabled_at IS NULL`,
      [ref.staffId],
    );
    const staff = rows[0];
    if (!staff) return null;
    // The agency's name comes from the catalogue, through its public face.
    const agency = await getAgencySummary(db, staff.agencyId);
    return {
      account: ref,
      name: staff.name,
      level: 3,
      idNumberMasked: null,
      phoneMasked: null,
      email: null,
      actingAs: null,
      staff: { agencyId: staff.agencyId, agencyName: agency?.name ?? '', roles: staff.roles },
    };
  }
  const rows = await db.query<{ name: string; level: number; idNumberMasked: string; phoneMasked: string; emailMasked: string | null; emailVerified: boolean }>(
    `SELECT name, level, id_number_masked AS "idNumberMasked", phone_masked AS "phoneMasked",
            email_masked AS "emailMasked", email_verified_at IS NOT NULL AS "emailVerified"
       FROM identity.person WHERE id = $1`,
    [ref.personId],
  );
  const person = rows[0];
  if (!person) return null;
  const actingAs = ref.companyId ? await actingAsOf(db, ref.personId, ref.companyId) : null;
  const { emailMasked, emailVerified, ...facts } = person;
  return {
    account: actingAs ? ref : { kind: 'person', personId: ref.personId },
    ...facts,
    email: emailMasked ? { masked: emailMasked, verified: emailVerified } : null,
    actingAs,
    staff: null,
  };
}

/** The person's standing for the company: representative, agent with a live grant, or null. */
export async function actingAsOf(db: Queryable, personId: string, companyId: string): Promise<ActingAs | null> {
  const rows = await db.query<ActingAs>(
    `SELECT c.id AS "companyId", c.uscc, c.name,
            CASE WHEN c.representative_id = $1 THEN 'representative' ELSE 'agent' END AS role
       FROM identity.company c
      WHERE c.id = $2
        AND (c.representative_id = $1 OR EXISTS (
              SELECT 1 FROM identity.agent_grant g
               WHERE g.company_id = c.id AND g.agent_id = $1 AND g.revoked_at IS NULL AND g.valid_until >= current_date))`,
    [personId, companyId],
  );
  return rows[0] ?? null;
}

/** The companies a person may act for: those they represent and those with a live agent grant. */
export async function listActableCompanies(db: Queryable, personId: string): Promise<(ActingAs & { validUntil: string | null; itemCodes: string[] | null })[]> {
  return db.query(
    `SELECT c.id AS "companyId", c.uscc, c.name, 'representative' AS role, NULL::text AS "validUntil", NULL::text[] AS "itemCodes"
       FROM identity.company c WHERE c.representative_id = $1
     UNION ALL
     SELECT c.id, c.uscc, c.name, 'agent', to_char(max(g.valid_until), 'YYYY-MM-DD'),
            CASE WHEN bool_or(g.item_codes IS NULL) THEN NULL ELSE array_agg(DISTINCT code) END
       FROM identity.agent_grant g
       JOIN identity.company c ON c.id = g.company_id
       LEFT JOIN LATERAL unnest(g.item_codes) AS code ON true
      WHERE g.agent_id = $1 AND g.revoked_at IS NULL AND g.valid_until >= current_date AND c.representative_id <> $1
      GROUP BY c.id, c.uscc, c.name
     ORDER BY 3`,
    [personId],
  );
}

export async function insertSession(
  db: Queryable,
  s: { id: string; account: AccountRef; lifetimeSeconds: number; userAgent: string | null; ip: string },
): Promise<void> {
  const a = s.account;
  await db.query(
    `INSERT INTO identity.session (id, person_id, staff_id, acting_company_id, expires_at, user_agent, ip)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6, $7)`,
    [s.id, a.kind === 'person' ? a.personId : null, a.kind === 'staff' ? a.staffId : null, a.kind === 'person' ? (a.companyId ?? null) : null, s.lifetimeSeconds, s.userAgent, s.ip],
  );
}

/** Switch a person's session to act for a company (or for themselves with null). */
export async function setSessionActingCompany(db: Queryable, sessionId: string, personId: string, companyId: string | null): Promise<boolean> {
  const rows = await db.query('UPDATE identity.session SET acting_company_id = $3 WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id', [
    sessionId,
    personId,
    companyId,
  ]);
  return rows.length > 0;
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** The column that names a session's owner, and the owner's id. */
function ownerOf(account: AccountRef): [column: 'person_id' | 'staff_id', id: string] {
  return account.kind === 'staff' ? ['staff_id', account.staffId] : ['person_id', account.personId];
}

export async function listLiveSessions(db: Queryable, account: AccountRef): Promise<SessionRow[]> {
  const [column, id] = ownerOf(account);
  return db.query<SessionRow>(
    `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", user_agent AS "userAgent", ip
       FROM identity.session
      WHERE ${column} = $1 AND revoked_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC`,
    [id],
  );
}

/** True when the account's live session was revoked; false when there is no such session of theirs. */
export async function revokeSession(db: Queryable, sessionId: string, account: AccountRef): Promise<boolean> {
  const [column, id] = ownerOf(account);
  const rows = await db.query(`UPDATE identity.session SET revoked_at = now() WHERE id = $1 AND ${column} = $2 AND revoked_at IS NULL RETURNING id`, [
    sessionId,
    id,
  ]);
  return rows.length > 0;
}

/** End every live session of an account (password reset, staff disabled). */
export async function revokeAllSessions(db: Queryable, account: AccountRef): Promise<number> {
  const [column, id] = ownerOf(account);
  const rows = await db.query(`UPDATE identity.session SET revoked_at = now() WHERE ${column} = $1 AND revoked_at IS NULL RETURNING id`, [id]);
  return rows.length;
}

export type SignInOutcome = 'success' | 'bad_credentials' | 'rate_limited' | 'totp_required' | 'bad_totp';

export async function insertSignInEvent(
  db: Queryable,
  e: { personId: string | null; staffId?: string | null; accountKey: string; ip: string; outcome: SignInOutcome },
): Promise<void> {
  await db.query('INSERT INTO identity.sign_in_event (person_id, staff_id, account_key, ip, outcome) VALUES ($1, $2, $3, $4, $5)', [
    e.personId,
    e.staffId ?? null,
    e.accountKey,
    e.ip,
    e.outcome,
  ]);
}

export interface SignInEventRow {
  at: Date;
  ip: string;
  outcome: SignInOutcome;
}

/** An account's sign-in history (登录记录), newest first. */
export async function listSignInEvents(db: Queryable, account: AccountRef, limit: number, offset: number): Promise<{ total: number; items: SignInEventRow[] }> {
  const [column, id] = ownerOf(account);
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM identity.sign_in_event WHERE ${column} = $1`, [id]);
  const items = await db.query<SignInEventRow>(
    `SELECT at, ip, outcome FROM identity.sign_in_event WHERE ${column} = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
    [id, limit, offset],
  );
  return { total: count!.total, items };
}

export async function findCompanyLogin(db: Queryable, uscc: string): Promise<{ id: string; representativeId: string; passwordHash: string } | undefined> {
  const rows = await db.query<{ id: string; representativeId: string; passwordHash: string }>(
    `SELECT id, representative_id AS "representativeId", password_hash AS "passwordHash"
       FROM identity.company WHERE uscc = $1 AND password_hash IS NOT NULL`,
    [uscc],
  );
  return rows[0];
}

export interface StaffLogin {
  id: string;
  passwordHash: string;
  totpSecretEnc: string;
  totpLastStep: number | null;
}

export async function findStaffLogin(db: Queryable, loginName: string): Promise<StaffLogin | undefined> {
  const rows = await db.query<StaffLogin>(
    `SELECT id, password_hash AS "passwordHash", totp_secret_enc AS "totpSecretEnc", totp_last_step::float8 AS "totpLastStep"
       FROM identity.staff WHERE login_name = $1 AND disabled_at IS NULL`,
    [loginName],
  );
  return rows[0];
}

/** Record the TOTP time step just used; false when it (or a later one) was used already. */
export async function setStaffTotpStep(db: Queryable, staffId: string, step: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE identity.staff SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [staffId, step],
  );
  return rows.length > 0;
}

export async function insertMfaChallenge(db: Queryable, c: { id: string; staffId: string; accountKey: string; lifetimeSeconds: number }): Promise<void> {
  await db.query(
    `INSERT INTO identity.mfa_challenge (id, staff_id, account_key, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [c.id, c.staffId, c.accountKey, c.lifetimeSeconds],
  );
}

/**
 * Take one attempt at a pending staff sign-in: the challenge is good for 5 attempts within its
 * lifetime and is used up by the first success (marked here optimistically; a wrong code leaves
 * the remaining attempts).
 */
export async function consumeMfaChallenge(
  db: Queryable,
  id: string,
): Promise<{ staffId: string; accountKey: string; totpSecretEnc: string; totpLastStep: number | null } | undefined> {
  const rows = await db.query<{ staffId: string; accountKey: string; totpSecretEnc: string; totpLastStep: number | null }>(
    `UPDATE identity.mfa_challenge c SET attempts = c.attempts + 1
       FROM identity.staff s
      WHERE c.id = $1 AND c.staff_id = s.id AND c.used_at IS NULL AND c.expires_at > now() AND c.attempts < 5 AND s.disabled_at IS NULL
     RETURNING c.staff_id AS "staffId", c.account_key AS "accountKey", s.totp_secret_enc AS "totpSecretEnc", s.totp_last_step::float8 AS "totpLastStep"`,
    [id],
  );
  return rows[0];
}

export async function markMfaChallengeUsed(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE identity.mfa_challenge SET used_at = now() WHERE id = $1', [id]);
}

const WINDOW = `now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`;

/** Failed sign-ins for an account key in the window, since its last successful one. */
export async function countAccountFailures(db: Queryable, accountKey: string): Promise<FailureCount> {
  const rows = await db.query<FailureCount>(
    `SELECT count(*)::int AS failures, (extract(epoch FROM max(at)) * 1000)::float8 AS "lastFailureAt"
       FROM identity.sign_in_event
      WHERE account_key = $1 AND outcome IN ('bad_credentials', 'bad_totp') AND at > ${WINDOW}
        AND at > coalesce((SELECT max(at) FROM identity.sign_in_event WHERE account_key = $1 AND outcome = 'success'), '-infinity')`,
    [accountKey],
  );
  return rows[0]!;
}

/** Failed sign-ins from a client address in the window. */
export async function countAddressFailures(db: Queryable, ip: string): Promise<FailureCount> {
  const rows = await db.query<FailureCount>(
    `SELECT count(*)::int AS failures, (extract(epoch FROM max(at)) * 1000)::float8 AS "lastFailureAt"
       FROM identity.sign_in_event WHERE ip = $1 AND outcome IN ('bad_credentials', 'bad_totp') AND at > ${WINDOW}`,
    [ip],
  );
  return rows[0]!;
}

/** A message waiting for the outbox sender (outbox/sender.ts), which delivers it and sets sent_at. */
export async function insertOutboxMessage(
  db: Queryable,
  m: { channel: 'sms' | 'email'; recipientEnc: string; recipientMasked: string; subject: string | null; body: string },
): Promise<void> {
  await db.query(
    `INSERT INTO identity.notification_outbox (channel, recipient_enc, recipient_masked, subject, body) VALUES ($1, $2, $3, $4, $5)`,
    [m.channel, m.recipientEnc, m.recipientMasked, m.subject, m.body],
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

// ── Assurance levels ────────────────────────────────────────────────────────────────────────────

export interface PersonFacts {
  id: string;
  name: string;
  idNumberEnc: string;
  phoneEnc: string;
  phoneMasked: string;
  phoneVerified: boolean;
  emailEnc: string | null;
  emailMasked: string | null;
  emailVerified: boolean;
  level: number;
}

export async function findPersonFacts(db: Queryable, personId: string): Promise<PersonFacts | undefined> {
  const rows = await db.query<PersonFacts>(
    `SELECT id, name, id_number_enc AS "idNumberEnc", phone_enc AS "phoneEnc", phone_masked AS "phoneMasked",
            phone_verified_at IS NOT NULL AS "phoneVerified", email_enc AS "emailEnc", email_masked AS "emailMasked",
            email_verified_at IS NOT NULL AS "emailVerified", level
       FROM identity.person WHERE id = $1`,
    [personId],
  );
  return rows[0];
}

/**
 * Raise a person's level to `to` (never lower it) and record why; returns the level before, or
 * null when the person was already at `to` or above.
 */
export async function raiseLevel(db: Queryable, c: { personId: string; to: number; method: 'phone' | 'three_factor' | 'in_person' | 'seed'; staffId?: string }): Promise<number | null> {
  const rows = await db.query<{ level: number }>('SELECT level FROM identity.person WHERE id = $1 FOR UPDATE', [c.personId]);
  const from = rows[0]?.level;
  if (from === undefined || from >= c.to) return null;
  await db.query('UPDATE identity.person SET level = $2 WHERE id = $1', [c.personId, c.to]);
  await db.query('INSERT INTO identity.level_change (person_id, from_level, to_level, method, staff_id) VALUES ($1, $2, $3, $4, $5)', [
    c.personId,
    from,
    c.to,
    c.method,
    c.staffId ?? null,
  ]);
  return from;
}

export async function markPhoneVerified(db: Queryable, personId: string): Promise<void> {
  await db.query('UPDATE identity.person SET phone_verified_at = coalesce(phone_verified_at, now()) WHERE id = $1', [personId]);
}

/** A new, unverified e-mail address (or none). */
export async function setPersonEmail(db: Queryable, personId: string, email: { enc: string; masked: string } | null): Promise<void> {
  await db.query('UPDATE identity.person SET email_enc = $2, email_masked = $3, email_verified_at = NULL WHERE id = $1', [personId, email?.enc ?? null, email?.masked ?? null]);
}

export async function markEmailVerified(db: Queryable, personId: string): Promise<void> {
  await db.query('UPDATE identity.person SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1', [personId]);
}

export async function setPersonPassword(db: Queryable, personId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE identity.person SET password_hash = $2 WHERE id = $1', [personId, passwordHash]);
}

export type CodePurpose = 'verify_phone' | 'verify_email' | 'reset_password';

/** Codes sent to a person for a purpose within the last `seconds`. */
export async function countRecentCodes(db: Queryable, personId: string, purpose: CodePurpose, seconds: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM identity.one_time_code WHERE person_id = $1 AND purpose = $2 AND created_at > now() - make_interval(secs => $3)`,
    [personId, purpose, seconds],
  );
  return rows[0]!.n;
}

export async function insertOneTimeCode(db: Queryable, c: { personId: string; purpose: CodePurpose; codeHash: string; lifetimeSeconds: number }): Promise<void> {
  await db.query(
    `INSERT INTO identity.one_time_code (person_id, purpose, code_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [c.personId, c.purpose, c.codeHash, c.lifetimeSeconds],
  );
}

/**
 * Spend one attempt on the person's latest live code for `purpose`; returns its id and hash, or
 * undefined when there is none left (expired, used, or 5 attempts spent).
 */
export async function takeCodeAttempt(db: Queryable, personId: string, purpose: CodePurpose): Promise<{ id: string; codeHash: string } | undefined> {
  const rows = await db.query<{ id: string; codeHash: string }>(
    `UPDATE identity.one_time_code SET attempts = attempts + 1
      WHERE id = (SELECT id FROM identity.one_time_code
                   WHERE person_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() AND attempts < 5
                   ORDER BY created_at DESC LIMIT 1)
     RETURNING id, code_hash AS "codeHash"`,
    [personId, purpose],
  );
  return rows[0];
}

/** Use a code up; false when it was used meanwhile (two requests racing with the same code). */
export async function markCodeUsed(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('UPDATE identity.one_time_code SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

export async function countRealNameFailures(db: Queryable, personId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM identity.real_name_attempt WHERE person_id = $1 AND NOT matched AND at > now() - interval '1 day'`,
    [personId],
  );
  return rows[0]!.n;
}

export async function insertRealNameAttempt(db: Queryable, personId: string, matched: boolean): Promise<void> {
  await db.query('INSERT INTO identity.real_name_attempt (person_id, matched) VALUES ($1, $2)', [personId, matched]);
}

// ── Companies and agents ────────────────────────────────────────────────────────────────────────

export interface CompanyRow {
  id: string;
  uscc: string;
  name: string;
  representativeId: string;
}

export async function findCompanyByUscc(db: Queryable, uscc: string): Promise<CompanyRow | undefined> {
  const rows = await db.query<CompanyRow>(
    'SELECT id, uscc, name, representative_id AS "representativeId" FROM identity.company WHERE uscc = $1',
    [uscc],
  );
  return rows[0];
}

/** Bind a company to its representative; returns the company, existing or new. */
export async function upsertCompany(db: Queryable, c: { uscc: string; name: string; representativeId: string; passwordHash: string | null }): Promise<CompanyRow> {
  const rows = await db.query<CompanyRow>(
    `INSERT INTO identity.company (uscc, name, representative_id, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, representative_id = excluded.representative_id,
                                      password_hash = coalesce(excluded.password_hash, identity.company.password_hash)
     RETURNING id, uscc, name, representative_id AS "representativeId"`,
    [c.uscc, c.name, c.representativeId, c.passwordHash],
  );
  return rows[0]!;
}

export async function findPersonIdentity(db: Queryable, idNumberHash: string): Promise<{ id: string; name: string; level: number } | undefined> {
  const rows = await db.query<{ id: string; name: string; level: number }>('SELECT id, name, level FROM identity.person WHERE id_number_hash = $1', [
    idNumberHash,
  ]);
  return rows[0];
}

export interface AgentGrantRow {
  id: string;
  agentId: string;
  agentName: string;
  agentIdNumberMasked: string;
  itemCodes: string[] | null;
  validUntil: string;
  grantedAt: Date;
  revokedAt: Date | null;
}

export async function insertAgentGrant(
  db: Queryable,
  g: { companyId: string; agentId: string; itemCodes: string[] | null; validUntil: string; grantedBy: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO identity.agent_grant (company_id, agent_id, item_codes, valid_until, granted_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [g.companyId, g.agentId, g.itemCodes, g.validUntil, g.grantedBy],
  );
  return rows[0]!.id;
}

export async function listAgentGrants(db: Queryable, companyId: string): Promise<AgentGrantRow[]> {
  return db.query<AgentGrantRow>(
    `SELECT g.id, g.agent_id AS "agentId", p.name AS "agentName", p.id_number_masked AS "agentIdNumberMasked", g.item_codes AS "itemCodes",
            to_char(g.valid_until, 'YYYY-MM-DD') AS "validUntil", g.granted_at AS "grantedAt", g.revoked_at AS "revokedAt"
       FROM identity.agent_grant g JOIN identity.person p ON p.id = g.agent_id
      WHERE g.company_id = $1 ORDER BY g.granted_at DESC`,
    [companyId],
  );
}

/** Revoke a live grant of the company; false when there is no such live grant. */
export async function revokeAgentGrantRow(db: Queryable, companyId: string, grantId: string, revokedBy: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE identity.agent_grant SET revoked_at = now(), revoked_by = $3 WHERE id = $2 AND company_id = $1 AND revoked_at IS NULL RETURNING id`,
    [companyId, grantId, revokedBy],
  );
  return rows.length > 0;
}

/** The implementation codes an agent may act on for the company (null: all), or undefined without a live grant. */
export async function agentItemScope(db: Queryable, personId: string, companyId: string): Promise<string[] | null | undefined> {
  const rows = await db.query<{ all: boolean; codes: string[] | null }>(
    `SELECT bool_or(item_codes IS NULL) AS all, array_agg(DISTINCT code) FILTER (WHERE code IS NOT NULL) AS codes
       FROM identity.agent_grant g LEFT JOIN LATERAL unnest(g.item_codes) AS code ON true
      WHERE g.agent_id = $1 AND g.company_id = $2 AND g.revoked_at IS NULL AND g.valid_until >= current_date
     HAVING count(*) > 0`,
    [personId, companyId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return row.all ? null : (row.codes ?? []);
}

// ── Own password ────────────────────────────────────────────────────────────────────────────────

const PASSWORD_TABLE = { person: 'identity.person', staff: 'identity.staff' } as const;

export async function findPasswordHash(db: Queryable, account: AccountRef): Promise<string | undefined> {
  const [, id] = ownerOf(account);
  const rows = await db.query<{ passwordHash: string }>(`SELECT password_hash AS "passwordHash" FROM ${PASSWORD_TABLE[account.kind]} WHERE id = $1`, [id]);
  return rows[0]?.passwordHash;
}

export async function setAccountPassword(db: Queryable, account: AccountRef, passwordHash: string): Promise<void> {
  const [, id] = ownerOf(account);
  await db.query(`UPDATE ${PASSWORD_TABLE[account.kind]} SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
}

/** End every live session of the account but `keep` (the one changing the password). */
export async function revokeOtherSessions(db: Queryable, account: AccountRef, keep: string): Promise<number> {
  const [column, id] = ownerOf(account);
  const rows = await db.query(`UPDATE identity.session SET revoked_at = now() WHERE ${column} = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`, [id, keep]);
  return rows.length;
}
