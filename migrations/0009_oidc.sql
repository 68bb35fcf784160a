-- Single sign-on (统一认证 OpenID Connect provider, src/modules/identity/oidc): the provider's storage,
-- its signing keys, the registry of agency systems (clients) and the consents people gave them.
CREATE SCHEMA oidc;

-- oidc-provider's models (Session, Interaction, AuthorizationCode, AccessToken, RefreshToken, Grant …),
-- each a JSON payload keyed by model name and id. A row is dead once expires_at has passed.
CREATE TABLE oidc.model (
  model       text NOT NULL,
  id          text NOT NULL,
  payload     jsonb NOT NULL,
  grant_id    text,
  uid         text,
  user_code   text,
  expires_at  timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX model_grant_idx ON oidc.model (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX model_uid_idx ON oidc.model (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX model_user_code_idx ON oidc.model (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX model_expires_idx ON oidc.model (expires_at) WHERE expires_at IS NOT NULL;

-- 签名密钥: the newest key that is not retired signs; retired keys stay published (for verification)
-- until expires_at, when the longest-lived token they could have signed has expired.
CREATE TABLE oidc.signing_key (
  kid             text PRIMARY KEY,
  alg             text NOT NULL CHECK (alg IN ('RS256', 'ES256')),
  private_jwk_enc text NOT NULL,
  public_jwk      jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  retired_at      timestamptz,
  expires_at      timestamptz
);

-- 接入系统 (relying parties): an agency system that signs its users in through onestop.
-- The secret of a confidential client is kept encrypted (FieldCrypto): client_secret_basic needs it.
CREATE TABLE oidc.client (
  client_id                 text PRIMARY KEY,
  secret_enc                text,
  name                      text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  type                      text NOT NULL CHECK (type IN ('confidential', 'public')),
  redirect_uris             text[] NOT NULL CHECK (cardinality(redirect_uris) >= 1),
  post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
  scopes                    text NOT NULL,
  -- The pairwise `sub` is computed per sector: systems of one sector see the same sub for a person.
  sector_identifier         text NOT NULL,
  created_at                timestamptz NOT NULL DEFAULT now(),
  created_by                text NOT NULL,
  CHECK ((type = 'confidential') = (secret_enc IS NOT NULL))
);

-- 授权同意: what a person allowed a client to see (the grant itself lives in oidc.model, model 'Grant').
-- `subject` is the person ('person:<uuid>') or staff member; `account_id` the full account (with the
-- company acted for). Revoking deletes the grant and every token issued under it.
CREATE TABLE oidc.consent (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject     text NOT NULL,
  account_id  text NOT NULL,
  client_id   text NOT NULL REFERENCES oidc.client (client_id),
  grant_id    text NOT NULL,
  scopes      text[] NOT NULL,
  granted_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE UNIQUE INDEX consent_live_idx ON oidc.consent (account_id, client_id) WHERE revoked_at IS NULL;
CREATE INDEX consent_subject_idx ON oidc.consent (subject, granted_at DESC);
