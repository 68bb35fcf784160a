-- The legal clock's local calendar (法定工作日): overrides of the national calendar (statutory holidays
-- and 调休 come from the chinese-days package) for one jurisdiction and everything under it, e.g. a
-- province's extra rest day or a county's make-up working day. The deepest jurisdiction's override of
-- a day wins. Jurisdiction codes are the catalogue's (checked by the action through its public face).

CREATE SCHEMA IF NOT EXISTS calendar;

CREATE TABLE calendar.override (
  jurisdiction_code  text NOT NULL CHECK (jurisdiction_code ~ '^[0-9]{6}([0-9]{3})?$'),
  day                date NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('working', 'rest')),
  reason             text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_by         text NOT NULL,            -- the actor, as in platform.audit_log: 'staff:<id>', 'cli' …
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction_code, day)
);
