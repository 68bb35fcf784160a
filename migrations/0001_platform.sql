-- Platform tables: the audit log (written in the same transaction as each change) and the
-- change counters that tell every server process when cached pages must be dropped.

CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,            -- 'system', 'cli', 'staff:<id>', 'person:<id>' …
  action      text NOT NULL,            -- 'catalog.item.published' …
  subject     text NOT NULL,            -- what changed, e.g. an implementation code
  request_id  text,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject ON platform.audit_log (subject, at);
CREATE INDEX audit_log_at ON platform.audit_log (at);

-- A named counter bumped by a change that invalidates cached public pages ('catalog' …).
CREATE TABLE platform.generation (
  name   text PRIMARY KEY,
  value  bigint NOT NULL DEFAULT 0
);
INSERT INTO platform.generation (name, value) VALUES ('catalog', 0);
