-- Forms (申请表单): versioned form definitions and applicants' drafts.
-- A definition is keyed by a basic item code (基本编码, 12 characters: it applies to every implementation
-- of the item) or by one implementation code (实施编码, 31 characters: an override for that agency's item).
-- The built-in definitions (src/modules/forms/definitions) are version 1 of the basic codes they name;
-- rows here are later versions and win, an implementation row over a basic row, the highest version first.

CREATE SCHEMA IF NOT EXISTS forms;

CREATE TABLE forms.form_definition (
  key_kind    text NOT NULL CHECK (key_kind IN ('basic', 'implementation')),
  code        text NOT NULL CHECK ((key_kind = 'basic' AND code ~ '^[0-9]{12}$') OR (key_kind = 'implementation' AND length(code) = 31)),
  version     int NOT NULL CHECK (version >= 1),
  definition  jsonb NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key_kind, code, version)
);

-- 草稿: owner is accountIdOf(the person, without company); data is what the applicant has entered so far.
CREATE TABLE forms.draft (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner                text NOT NULL,
  implementation_code  text NOT NULL CHECK (length(implementation_code) = 31),
  form_version         int NOT NULL,
  data                 jsonb NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX draft_owner_idx ON forms.draft (owner, updated_at DESC);
