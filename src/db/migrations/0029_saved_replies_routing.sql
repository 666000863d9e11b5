-- Working the inbox (issue #9 item 4 and item 2's routing): saved replies (jawaban baku) with variables, the
-- instansi's routing rules, and the unit contacts a reply can name ({kontak_unit}).
-- How citizens reach a unit (phone, WhatsApp, e-mail, office hours), in the unit's own words.
ALTER TABLE units ADD COLUMN contact text NOT NULL DEFAULT '';
--> statement-breakpoint
-- A saved reply belongs to the instansi (unit_id null) or to one unit, and is offered for items of that unit's
-- subtree. The body is a template whose {variables} were checked when it was saved.
CREATE TABLE saved_replies (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  unit_id uuid REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  tags text[] NOT NULL DEFAULT '{}',
  -- The intents (src/nlp INTENT_LABELS) the reply fits: the reply box offers these first for such an item.
  intents text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX saved_replies_instansi_idx ON saved_replies (instansi_id, unit_id);
--> statement-breakpoint
-- Routing rules, tried in position order on every newly classified item. conditions and action are JSON checked
-- by the feature (features/routing/routing-rule-input.ts): a rule names units, users and accounts by id, and a
-- rule whose unit or user is gone is skipped when applied rather than failing ingestion.
CREATE TABLE routing_rules (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  enabled boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL,
  action jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX routing_rules_instansi_idx ON routing_rules (instansi_id, position);
