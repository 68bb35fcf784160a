-- Search keeps its own copy of what it needs of the jurisdictions (行政区划): the scope check (an
-- unknown code is a 404), the scope's path, and the names of the jurisdiction facet values. The
-- catalogue writes it with its jurisdictions (indexJurisdictions), so search reads no other schema.
CREATE TABLE search.jurisdiction (
  code       text PRIMARY KEY,
  name       text NOT NULL,
  -- Codes from the root down to the jurisdiction itself.
  ancestors  text[] NOT NULL
);

-- Jurisdictions written before this migration: the one-time copy at the hand-over.
INSERT INTO search.jurisdiction (code, name, ancestors)
SELECT code, name, ancestors FROM catalog.jurisdiction;
