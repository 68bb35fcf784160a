-- Cases (办件, 统一受理): applications, their workflow state and legal clocks, timeline, materials,
-- idempotent submission and the applicant notifications outbox. The workflow itself is pure code
-- (src/modules/cases/workflow.ts); these tables store what it decides.

CREATE SCHEMA IF NOT EXISTS cases;

-- Case numbers: implementation code (31) + yyyyMMdd + a 4-digit daily sequence, allocated here in the
-- submission transaction (INSERT … ON CONFLICT DO UPDATE … RETURNING: one row lock per item and day).
CREATE TABLE cases.number_counter (
  implementation_code  text NOT NULL,
  day                  date NOT NULL,
  last_value           integer NOT NULL CHECK (last_value BETWEEN 1 AND 9999),
  PRIMARY KEY (implementation_code, day)
);

CREATE TABLE cases."case" (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE CHECK (length(number) = 43),
  implementation_code  text NOT NULL CHECK (length(implementation_code) = 31),
  item_name            text NOT NULL,
  agency_id            bigint NOT NULL REFERENCES catalog.agency (id),
  -- accountIdOf the applicant person, without the company ('person:<uuid>').
  applicant            text NOT NULL,
  -- The company the person acted for, if any (representative or agent).
  company_id           uuid,
  company_uscc         text,
  status               text NOT NULL,
  state                jsonb NOT NULL,          -- the workflow's CaseState
  version              integer NOT NULL,        -- = state.version; optimistic concurrency
  rules                jsonb NOT NULL,          -- the item's rules and limits, frozen at submission
  form_version         integer NOT NULL,
  form                 jsonb NOT NULL,
  query_code_hash      text NOT NULL,           -- FieldCrypto.lookupHash of the 查询码; the code itself is shown once
  submitted_at         timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  clock                jsonb NOT NULL           -- the legal clocks (calendar ClockState per clock)
);
CREATE INDEX case_applicant_idx ON cases."case" (applicant, submitted_at DESC, id);
CREATE INDEX case_company_idx ON cases."case" (company_id, submitted_at DESC) WHERE company_id IS NOT NULL;
CREATE INDEX case_agency_status_idx ON cases."case" (agency_id, status);
CREATE INDEX case_status_idx ON cases."case" (status);

-- The timeline (办理过程): one row per transition, seq from 1.
CREATE TABLE cases.case_event (
  case_id      uuid NOT NULL REFERENCES cases."case" (id),
  seq          integer NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  actor        text NOT NULL,                   -- 'person:<uuid>', 'staff:<uuid>', 'system:<job>'
  actor_name   text NOT NULL,                   -- shown in the timeline instead of the id
  action       text NOT NULL,                   -- 'submit' or a workflow action
  from_status  text,
  to_status    text NOT NULL,
  detail       jsonb NOT NULL DEFAULT '{}',     -- opinion, reasons, corrections … (never ID numbers)
  notices      jsonb NOT NULL DEFAULT '[]',     -- the written notices (文书) issued
  PRIMARY KEY (case_id, seq)
);

CREATE TABLE cases.case_material (
  case_id         uuid NOT NULL REFERENCES cases."case" (id),
  requirement_id  text NOT NULL,
  requirement     text NOT NULL,               -- the requirement's name at submission
  upload_id       uuid NOT NULL,
  name            text NOT NULL,
  media_type      text NOT NULL,
  size            bigint NOT NULL,
  sha256          text NOT NULL,
  PRIMARY KEY (case_id, upload_id)
);

-- Idempotent submission: one row per (account, Idempotency-Key). request_hash is the SHA-256 of the
-- canonical body; query_code_enc keeps the 查询码 (encrypted) so that a retry gets the same answer.
CREATE TABLE cases.idempotency (
  account         text NOT NULL,
  key             text NOT NULL,
  request_hash    text NOT NULL,
  case_number     text,
  query_code_enc  text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account, key)
);

-- Notifications to the applicant (in-app, and the source for SMS/e-mail senders to come), written in
-- the transaction of the transition they report: none is lost, none is written twice for one event.
CREATE TABLE cases.notification (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases."case" (id),
  event_seq   integer NOT NULL,
  account     text NOT NULL,
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  UNIQUE (case_id, event_seq, kind)
);
CREATE INDEX notification_account_idx ON cases.notification (account, created_at DESC);
