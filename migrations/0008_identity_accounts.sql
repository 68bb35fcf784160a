-- Unified identity, part 2: assurance levels, legal persons and their agents, staff with roles and
-- TOTP, one-time codes (phone verification, password reset) and the MFA challenge between the two
-- sign-in steps. Roles are a versioned code list (data, not an enum).

-- Who a session is: a person (possibly acting for a company) or a staff member. Exactly one of
-- person_id / staff_id is set; acting_company_id only with a person.
ALTER TABLE identity.session ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE identity.session ADD COLUMN staff_id uuid;
ALTER TABLE identity.session ADD COLUMN acting_company_id uuid;
ALTER TABLE identity.sign_in_event ADD COLUMN staff_id uuid;
ALTER TABLE identity.sign_in_event DROP CONSTRAINT sign_in_event_outcome_check;
ALTER TABLE identity.sign_in_event ADD CONSTRAINT sign_in_event_outcome_check
  CHECK (outcome IN ('success', 'bad_credentials', 'rate_limited', 'totp_required', 'bad_totp'));

ALTER TABLE identity.person ADD COLUMN phone_verified_at timestamptz;
ALTER TABLE identity.person ADD COLUMN email_enc text;
ALTER TABLE identity.person ADD COLUMN email_masked text;
ALTER TABLE identity.person ADD COLUMN email_verified_at timestamptz;
ALTER TABLE identity.person DROP COLUMN email;

-- 实名等级变更: every change of a person's assurance level and why.
CREATE TABLE identity.level_change (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES identity.person (id),
  from_level  smallint NOT NULL,
  to_level    smallint NOT NULL CHECK (to_level BETWEEN 0 AND 3),
  method      text NOT NULL CHECK (method IN ('phone', 'three_factor', 'in_person', 'seed')),
  -- The staff member who verified in person (method in_person).
  staff_id    uuid,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX level_change_person_idx ON identity.level_change (person_id, at DESC);

-- 法人账户: a legal person bound to its legal representative's person account. The USCC (with its
-- password) is also a login: signing in with it acts for the company as its representative.
CREATE TABLE identity.company (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  uscc                   text NOT NULL UNIQUE CHECK (char_length(uscc) = 18),
  name                   text NOT NULL,
  representative_id      uuid NOT NULL REFERENCES identity.person (id),
  password_hash          text,
  created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_representative_idx ON identity.company (representative_id);

-- 经办人授权: the representative lets a person act for the company, for all items (item_codes null)
-- or the listed implementation codes, until a date (inclusive), until revoked.
CREATE TABLE identity.agent_grant (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES identity.company (id),
  agent_id      uuid NOT NULL REFERENCES identity.person (id),
  item_codes    text[],
  valid_until   date NOT NULL,
  granted_by    uuid NOT NULL REFERENCES identity.person (id),
  granted_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES identity.person (id)
);
CREATE INDEX agent_grant_agent_idx ON identity.agent_grant (agent_id) WHERE revoked_at IS NULL;
CREATE INDEX agent_grant_company_idx ON identity.agent_grant (company_id, granted_at DESC);

-- Staff roles (岗位角色): a versioned code list.
CREATE TABLE identity.role (
  code        text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  sort        smallint NOT NULL,
  version     text NOT NULL
);
INSERT INTO identity.role (code, name_zh, name_en, sort, version) VALUES
  ('window_clerk',       '窗口受理', 'Window clerk',       1, '2026.1'),
  ('handler',            '承办',     'Handler',            2, '2026.1'),
  ('reviewer',           '审核',     'Reviewer',           3, '2026.1'),
  ('approver',           '批准',     'Approver',           4, '2026.1'),
  ('agency_admin',       '部门管理员', 'Agency administrator', 5, '2026.1'),
  ('catalogue_reviewer', '事项审核员', 'Catalogue reviewer',  6, '2026.1'),
  ('supervisor',         '监察',     'Supervisor',         7, '2026.1'),
  ('platform_admin',     '平台管理员', 'Platform administrator', 8, '2026.1');

-- 工作人员: belongs to one agency (catalog.agency), signs in with a login name, password and TOTP.
CREATE TABLE identity.staff (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login_name       text NOT NULL UNIQUE CHECK (login_name ~ '^[a-z][a-z0-9._-]{2,31}$'),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  agency_id        bigint NOT NULL REFERENCES catalog.agency (id),
  password_hash    text NOT NULL,
  totp_secret_enc  text NOT NULL,
  -- The last TOTP time step accepted, so a code is never accepted twice.
  totp_last_step   bigint,
  disabled_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid
);
CREATE INDEX staff_agency_idx ON identity.staff (agency_id, name);

CREATE TABLE identity.staff_role (
  staff_id   uuid NOT NULL REFERENCES identity.staff (id),
  role_code  text NOT NULL REFERENCES identity.role (code),
  PRIMARY KEY (staff_id, role_code)
);

-- One-time codes sent by SMS or e-mail: phone and e-mail verification, password reset. Only the code's
-- keyed hash is kept; a code is good for 10 minutes and 5 attempts.
CREATE TABLE identity.one_time_code (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES identity.person (id),
  purpose     text NOT NULL CHECK (purpose IN ('verify_phone', 'verify_email', 'reset_password')),
  code_hash   text NOT NULL,
  attempts    smallint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX one_time_code_person_idx ON identity.one_time_code (person_id, purpose, created_at DESC);

-- Real-name checks against the population base: failures are limited per person and day.
CREATE TABLE identity.real_name_attempt (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id  uuid NOT NULL REFERENCES identity.person (id),
  at         timestamptz NOT NULL DEFAULT now(),
  matched    boolean NOT NULL
);
CREATE INDEX real_name_attempt_person_idx ON identity.real_name_attempt (person_id, at DESC);

-- Between the password step and the TOTP step of a staff sign-in: the id is the SHA-256 of the
-- challenge token in the form's hidden field.
CREATE TABLE identity.mfa_challenge (
  id          text PRIMARY KEY,
  staff_id    uuid NOT NULL REFERENCES identity.staff (id),
  -- The sign-in limits' key of the first step, so wrong codes count against the same account.
  account_key text NOT NULL,
  attempts    smallint NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

ALTER TABLE identity.session ADD CONSTRAINT session_staff_fk FOREIGN KEY (staff_id) REFERENCES identity.staff (id);
ALTER TABLE identity.session ADD CONSTRAINT session_company_fk FOREIGN KEY (acting_company_id) REFERENCES identity.company (id);
ALTER TABLE identity.session ADD CONSTRAINT session_one_principal
  CHECK ((person_id IS NULL) <> (staff_id IS NULL) AND (acting_company_id IS NULL OR person_id IS NOT NULL));
CREATE INDEX session_staff_idx ON identity.session (staff_id, created_at DESC);
