-- The hoax knowledge base (issue #7 item 3): claims circulating about an instansi's work, with its facts
-- (klarifikasi) and the national label. The language engine's matcher reads the active ones (with their variants)
-- when it checks a draft, so what staff add here is what every draft and `warta check --instansi` is checked against.
CREATE TABLE hoax_claims (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  -- The national label written as [HOAKS], [DISINFORMASI], [MISINFORMASI]; stored lower-case.
  label text NOT NULL CHECK (label IN ('hoaks', 'disinformasi', 'misinformasi')),
  -- The claim as it circulates, and the agency's facts.
  claim text NOT NULL CHECK (length(claim) BETWEEN 1 AND 2000),
  facts text NOT NULL CHECK (length(facts) BETWEEN 1 AND 5000),
  -- [{"url": "https://…", "title": "…"}]
  sources jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_seen_on date,
  clarified_on date,
  -- The units the claim concerns. An array rather than a child table: units are archived, never deleted, and the
  -- list is only shown and filtered on; the feature checks each id belongs to the instansi.
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  -- Other wordings of the claim the matcher also compares with, and search words staff add.
  variants text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_by uuid REFERENCES users(id),
  updated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
--> statement-breakpoint
CREATE INDEX hoax_claims_instansi_idx ON hoax_claims (instansi_id, status, updated_at);
