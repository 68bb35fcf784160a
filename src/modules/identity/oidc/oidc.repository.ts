/** All SQL of the OpenID Connect provider (schema `oidc`, migrations/0009_oidc.sql). */
import type { Queryable } from '../../../platform/db/index.js';

// ── oidc-provider models ────────────────────────────────────────────────────────────────────────

export interface ModelRow {
  payload: Record<string, unknown>;
  consumedAt: Date | null;
}

export async function upsertModel(
  db: Queryable,
  m: { model: string; id: string; payload: unknown; grantId: string | null; uid: string | null; userCode: string | null; expiresInSeconds: number | null },
): Promise<void> {
  await db.query(
    `INSERT INTO oidc.model (model, id, payload, grant_id, uid, user_code, expires_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
     ON CONFLICT (model, id) DO UPDATE
       SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid,
           user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`,
    [m.model, m.id, JSON.stringify(m.payload), m.grantId, m.uid, m.userCode, m.expiresInSeconds],
  );
}

const LIVE = '(expires_at IS NULL OR expires_at > now())';
const MODEL_COLUMNS = 'payload, consumed_at AS "consumedAt"';

export async function findModel(db: Queryable, model: string, id: string): Promise<ModelRow | undefined> {
  const rows = await db.query<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM oidc.model WHERE model = $1 AND id = $2 AND ${LIVE}`, [model, id]);
  return rows[0];
}

export async function findModelByUid(db: Queryable, model: string, uid: string): Promise<ModelRow | undefined> {
  const rows = await db.query<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM oidc.model WHERE model = $1 AND uid = $2 AND ${LIVE} LIMIT 1`, [model, uid]);
  return rows[0];
}

export async function findModelByUserCode(db: Queryable, model: string, userCode: string): Promise<ModelRow | undefined> {
  const rows = await db.query<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM oidc.model WHERE model = $1 AND user_code = $2 AND ${LIVE} LIMIT 1`, [
    model,
    userCode,
  ]);
  return rows[0];
}

export async function consumeModel(db: Queryable, model: string, id: string): Promise<void> {
  await db.query('UPDATE oidc.model SET consumed_at = now() WHERE model = $1 AND id = $2 AND consumed_at IS NULL', [model, id]);
}

export async function destroyModel(db: Queryable, model: string, id: string): Promise<void> {
  await db.query('DELETE FROM oidc.model WHERE model = $1 AND id = $2', [model, id]);
}

/** The models of one kind (access tokens, refresh tokens …) issued under a grant. */
export async function destroyModelsByGrantId(db: Queryable, model: string, grantId: string): Promise<void> {
  await db.query('DELETE FROM oidc.model WHERE model = $1 AND grant_id = $2', [model, grantId]);
}

/** Every model stored under a grant (the grant itself, its codes and tokens): gone at once. */
export async function destroyByGrantId(db: Queryable, grantId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM oidc.model WHERE grant_id = $1 OR (model = 'Grant' AND id = $1) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [grantId],
  );
  return rows[0]?.n ?? 0;
}

export async function purgeExpiredModels(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'WITH gone AS (DELETE FROM oidc.model WHERE expires_at < now() RETURNING 1) SELECT count(*)::int AS n FROM gone',
  );
  return rows[0]?.n ?? 0;
}

// ── signing keys ────────────────────────────────────────────────────────────────────────────────

export interface SigningKeyRow {
  kid: string;
  alg: string;
  privateJwkEnc: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** Keys still good for verification, the signing (newest unretired) key first. */
export async function listUsableSigningKeys(db: Queryable): Promise<SigningKeyRow[]> {
  return db.query<SigningKeyRow>(
    `SELECT kid, alg, private_jwk_enc AS "privateJwkEnc", created_at AS "createdAt", retired_at AS "retiredAt"
       FROM oidc.signing_key
      WHERE expires_at IS NULL OR expires_at > now()
      ORDER BY (retired_at IS NULL) DESC, created_at DESC`,
  );
}

/** A short fingerprint of the usable key set: when it changes, the provider reloads its keys. */
export async function signingKeysFingerprint(db: Queryable): Promise<string> {
  const rows = await db.query<{ f: string | null }>(
    `SELECT string_agg(kid || ':' || coalesce(retired_at::text, '-'), ',' ORDER BY kid) AS f
       FROM oidc.signing_key WHERE expires_at IS NULL OR expires_at > now()`,
  );
  return rows[0]?.f ?? '';
}

export async function insertSigningKey(db: Queryable, k: { kid: string; alg: string; privateJwkEnc: string; publicJwk: unknown }): Promise<void> {
  await db.query('INSERT INTO oidc.signing_key (kid, alg, private_jwk_enc, public_jwk) VALUES ($1, $2, $3, $4::jsonb)', [
    k.kid,
    k.alg,
    k.privateJwkEnc,
    JSON.stringify(k.publicJwk),
  ]);
}

/** Retire every current key; each stays published for `keepSeconds`. Returns the retired kids. */
export async function retireCurrentSigningKeys(db: Queryable, keepSeconds: number): Promise<string[]> {
  const rows = await db.query<{ kid: string }>(
    `UPDATE oidc.signing_key SET retired_at = now(), expires_at = now() + make_interval(secs => $1::int)
      WHERE retired_at IS NULL RETURNING kid`,
    [keepSeconds],
  );
  return rows.map((r) => r.kid);
}

/** Serialises first-key creation across processes (PostgreSQL); a no-op cost on PGlite. */
export async function lockSigningKeys(db: Queryable): Promise<void> {
  await db.query('LOCK TABLE oidc.signing_key IN SHARE ROW EXCLUSIVE MODE');
}

export async function countCurrentSigningKeys(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM oidc.signing_key WHERE retired_at IS NULL');
  return rows[0]?.n ?? 0;
}

// ── clients ─────────────────────────────────────────────────────────────────────────────────────

export interface ClientRow {
  clientId: string;
  secretEnc: string | null;
  name: string;
  type: 'confidential' | 'public';
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string;
  sectorIdentifier: string;
  createdAt: Date;
  createdBy: string;
}

const CLIENT_COLUMNS = `client_id AS "clientId", secret_enc AS "secretEnc", name, type, redirect_uris AS "redirectUris",
  post_logout_redirect_uris AS "postLogoutRedirectUris", scopes, sector_identifier AS "sectorIdentifier",
  created_at AS "createdAt", created_by AS "createdBy"`;

export async function findClient(db: Queryable, clientId: string): Promise<ClientRow | undefined> {
  const rows = await db.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM oidc.client WHERE client_id = $1`, [clientId]);
  return rows[0];
}

export async function listClients(db: Queryable): Promise<ClientRow[]> {
  return db.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM oidc.client ORDER BY created_at DESC, client_id`);
}

export async function insertClient(db: Queryable, c: Omit<ClientRow, 'createdAt'>): Promise<void> {
  await db.query(
    `INSERT INTO oidc.client (client_id, secret_enc, name, type, redirect_uris, post_logout_redirect_uris, scopes, sector_identifier, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [c.clientId, c.secretEnc, c.name, c.type, c.redirectUris, c.postLogoutRedirectUris, c.scopes, c.sectorIdentifier, c.createdBy],
  );
}

// ── consents ────────────────────────────────────────────────────────────────────────────────────

export interface ConsentRow {
  id: string;
  clientId: string;
  clientName: string;
  accountId: string;
  grantId: string;
  scopes: string[];
  grantedAt: Date;
}

/** Record (or replace) the live consent of an account for a client. */
export async function upsertConsent(db: Queryable, c: { subject: string; accountId: string; clientId: string; grantId: string; scopes: string[] }): Promise<void> {
  await db.query(
    `INSERT INTO oidc.consent (subject, account_id, client_id, grant_id, scopes) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, client_id) WHERE revoked_at IS NULL
     DO UPDATE SET grant_id = EXCLUDED.grant_id, scopes = EXCLUDED.scopes, granted_at = now()`,
    [c.subject, c.accountId, c.clientId, c.grantId, c.scopes],
  );
}

/** The grant of the live consent of this account for this client, if any. */
export async function findLiveConsentGrantId(db: Queryable, accountId: string, clientId: string): Promise<string | undefined> {
  const rows = await db.query<{ grantId: string }>(
    'SELECT grant_id AS "grantId" FROM oidc.consent WHERE account_id = $1 AND client_id = $2 AND revoked_at IS NULL',
    [accountId, clientId],
  );
  return rows[0]?.grantId;
}

/** The live consents of a person or staff member (all the companies they acted for included). */
export async function listLiveConsents(db: Queryable, subject: string): Promise<ConsentRow[]> {
  return db.query<ConsentRow>(
    `SELECT c.id, c.client_id AS "clientId", k.name AS "clientName", c.account_id AS "accountId", c.grant_id AS "grantId",
            c.scopes, c.granted_at AS "grantedAt"
       FROM oidc.consent c JOIN oidc.client k ON k.client_id = c.client_id
      WHERE c.subject = $1 AND c.revoked_at IS NULL
        -- The provider may have ended the grant itself (a refresh token used twice revokes it).
        AND EXISTS (SELECT 1 FROM oidc.model g WHERE g.model = 'Grant' AND g.id = c.grant_id AND (g.expires_at IS NULL OR g.expires_at > now()))
      ORDER BY c.granted_at DESC`,
    [subject],
  );
}

/** Mark one live consent of this subject revoked; its grant id, or undefined when there is none. */
export async function markConsentRevoked(db: Queryable, subject: string, consentId: string): Promise<{ grantId: string; clientId: string } | undefined> {
  const rows = await db.query<{ grantId: string; clientId: string }>(
    `UPDATE oidc.consent SET revoked_at = now() WHERE id = $1 AND subject = $2 AND revoked_at IS NULL
     RETURNING grant_id AS "grantId", client_id AS "clientId"`,
    [consentId, subject],
  );
  return rows[0];
}
