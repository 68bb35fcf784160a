-- Unified identity (统一认证): natural persons, their sessions, sign-in history and the notification outbox.
-- ID numbers and phones are stored AES-256-GCM encrypted (*_enc) with a keyed HMAC for lookup (*_hash);
-- see src/platform/crypto.ts. No column holds an ID number in plain text.
CREATE SCHEMA identity;

CREATE TABLE identity.person (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  id_number_enc  text NOT NULL,
  id_number_hash text NOT NULL UNIQUE,
  -- Masked form for display ('3301**********1234'): holds no more than a page may show.
  id_number_masked text NOT NULL,
  phone_enc      text NOT NULL,
  phone_hash     text NOT NULL,
  phone_masked   text NOT NULL,
  email          text,
  password_hash  text NOT NULL,
  level          smallint NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_phone_hash_idx ON identity.person (phone_hash);

-- A session's id is the SHA-256 (hex) of the random token in the `sid` cookie: the token itself is never stored.
CREATE TABLE identity.session (
  id           text PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES identity.person (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  user_agent   text,
  ip           text
);
CREATE INDEX session_person_idx ON identity.session (person_id, created_at DESC);

-- Sign-in history, and the window the per-account and per-address rate limits count failures in.
-- person_id is null when the username matched no account; account_key is the lookup hash of the username.
CREATE TABLE identity.sign_in_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   uuid REFERENCES identity.person (id),
  account_key text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  ip          text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('success', 'bad_credentials', 'rate_limited'))
);
CREATE INDEX sign_in_event_account_idx ON identity.sign_in_event (account_key, at DESC);
CREATE INDEX sign_in_event_ip_idx ON identity.sign_in_event (ip, at DESC);
CREATE INDEX sign_in_event_person_idx ON identity.sign_in_event (person_id, at DESC);

-- SMS and e-mail go out through this outbox; an adapter (only `log` so far) marks them sent.
CREATE TABLE identity.notification_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel          text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient_enc    text NOT NULL,
  recipient_masked text NOT NULL,
  body             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
