-- Uploads (材料上传): files a signed-in person uploaded, checked by content and stored in the blob store by
-- SHA-256; a case claims them (attached_to) when it is submitted. The bytes are not here: only their address.
CREATE SCHEMA uploads;

CREATE TABLE uploads.upload (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- accountIdOf({kind: 'person', personId}): the person, never the company they act for.
  owner       text NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL CHECK (size >= 0),
  media_type  text NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- The case that claimed it (its reference, as the cases module names it); null while unattached.
  attached_to text,
  attached_at timestamptz,
  CHECK ((attached_to IS NULL) = (attached_at IS NULL))
);

CREATE INDEX upload_owner_idx ON uploads.upload (owner, created_at);
CREATE INDEX upload_attached_to_idx ON uploads.upload (attached_to) WHERE attached_to IS NOT NULL;
