/** The SQL of staff administration (工作人员管理) and in-person verification (现场核验), schema `identity`. */
import type { Queryable } from '../../platform/db/index.js';

/** 岗位角色: one entry of the role code list. */
export interface Role {
  code: string;
  nameZh: string;
  nameEn: string;
}

export async function listRoles(db: Queryable): Promise<Role[]> {
  return db.query<Role>('SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM identity.role ORDER BY sort, code');
}

export interface NewStaff {
  loginName: string;
  name: string;
  agencyId: number;
  passwordHash: string;
  totpSecretEnc: string;
  createdBy: string | null;
}

/** The new staff member's id, or null when the login name is taken. */
export async function insertStaff(db: Queryable, s: NewStaff): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO identity.staff (login_name, name, agency_id, password_hash, totp_secret_enc, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (login_name) DO NOTHING RETURNING id`,
    [s.loginName, s.name, s.agencyId, s.passwordHash, s.totpSecretEnc, s.createdBy],
  );
  return rows[0]?.id ?? null;
}

/** Make the staff member's roles exactly `roles`. */
export async function replaceStaffRoles(db: Queryable, staffId: string, roles: readonly string[]): Promise<void> {
  await db.query('DELETE FROM identity.staff_role WHERE staff_id = $1', [staffId]);
  await db.query('INSERT INTO identity.staff_role (staff_id, role_code) SELECT $1, unnest($2::text[])', [staffId, [...roles]]);
}

export interface StaffRow {
  id: string;
  loginName: string;
  name: string;
  agencyId: number;
  roles: string[];
  disabledAt: Date | null;
  createdAt: Date;
}

const STAFF_SELECT = `
  SELECT s.id, s.login_name AS "loginName", s.name, s.agency_id::int AS "agencyId",
         coalesce((SELECT array_agg(r.role_code ORDER BY r.role_code) FROM identity.staff_role r WHERE r.staff_id = s.id), '{}') AS roles,
         s.disabled_at AS "disabledAt", s.created_at AS "createdAt"
    FROM identity.staff s`;

/** One staff member; `forUpdate` locks the row for the rest of the transaction. */
export async function findStaff(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<StaffRow | undefined> {
  const rows = await db.query<StaffRow>(`${STAFF_SELECT} WHERE s.id = $1${options.forUpdate ? ' FOR UPDATE OF s' : ''}`, [id]);
  return rows[0];
}

/** Staff of one agency, or of every agency when `agencyId` is null, by agency then name. */
export async function listStaff(db: Queryable, agencyId: number | null): Promise<StaffRow[]> {
  return agencyId === null
    ? db.query<StaffRow>(`${STAFF_SELECT} ORDER BY s.agency_id, s.name, s.login_name`)
    : db.query<StaffRow>(`${STAFF_SELECT} WHERE s.agency_id = $1 ORDER BY s.name, s.login_name`, [agencyId]);
}

export async function setStaffDisabled(db: Queryable, id: string, disabled: boolean): Promise<void> {
  await db.query(`UPDATE identity.staff SET disabled_at = CASE WHEN $2::boolean THEN coalesce(disabled_at, now()) END WHERE id = $1`, [id, disabled]);
}

/** Spend every pending sign-in challenge of the staff member, so a half-finished sign-in cannot complete. */
export async function expireStaffChallenges(db: Queryable, staffId: string): Promise<void> {
  await db.query('UPDATE identity.mfa_challenge SET used_at = now() WHERE staff_id = $1 AND used_at IS NULL', [staffId]);
}

export async function updateStaffPassword(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE identity.staff SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

/** A new TOTP secret; the replay guard starts over with it. */
export async function updateStaffTotp(db: Queryable, id: string, totpSecretEnc: string): Promise<void> {
  await db.query('UPDATE identity.staff SET totp_secret_enc = $2, totp_last_step = NULL WHERE id = $1', [id, totpSecretEnc]);
}

export interface PersonLevel {
  id: string;
  name: string;
  level: number;
}

/** The person with this ID-number hash, locked for a level change. */
export async function findPersonForLevelChange(db: Queryable, idNumberHash: string): Promise<PersonLevel | undefined> {
  const rows = await db.query<PersonLevel>('SELECT id, name, level FROM identity.person WHERE id_number_hash = $1 FOR UPDATE', [idNumberHash]);
  return rows[0];
}
