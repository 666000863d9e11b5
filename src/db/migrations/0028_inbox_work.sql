-- Working the inbox (issue #9 items 4 and 5): our replies (sent, or waiting for the penanggung jawab's approval),
-- internal notes and hand-overs, who has a thread open right now (presence, shared by every API process), saved
-- views per user, and what the office did to an item on the platform (hidden).
ALTER TABLE inbox_items ADD COLUMN hidden_at timestamptz;
--> statement-breakpoint
-- Live updates (SSE) read what changed since the last look, within the instansi.
CREATE INDEX inbox_items_updated_idx ON inbox_items (instansi_id, updated_at);
--> statement-breakpoint
-- The working list's whole order (deadline, then priority, then id), so a status's page is read off the index.
CREATE INDEX inbox_items_work_order_idx ON inbox_items (instansi_id, status, sla_due_at, priority DESC, id);
--> statement-breakpoint
CREATE TABLE inbox_replies (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  thread_id uuid NOT NULL REFERENCES inbox_threads(id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL,
  -- pending: waiting for the penanggung jawab (a junior's reply); sent: on the platform; failed: the platform
  -- refused or could not be reached; rejected: the penanggung jawab said no.
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'rejected')),
  platform_reply_id text,
  url text,
  error text,
  decided_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  decided_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX inbox_replies_thread_idx ON inbox_replies (thread_id, created_at);
--> statement-breakpoint
CREATE INDEX inbox_replies_pending_idx ON inbox_replies (instansi_id, created_at) WHERE status = 'pending';
--> statement-breakpoint
CREATE TABLE inbox_notes (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  thread_id uuid NOT NULL REFERENCES inbox_threads(id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- note: an internal note; handover: the note that came with an assignment.
  kind text NOT NULL CHECK (kind IN ('note', 'handover')),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX inbox_notes_thread_idx ON inbox_notes (thread_id, created_at);
--> statement-breakpoint
-- Who has a thread open (a heartbeat every few seconds; a row older than 30 s means gone). In the database, not in
-- memory, so operators on different API processes see each other.
CREATE TABLE inbox_presence (
  thread_id uuid NOT NULL REFERENCES inbox_threads(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  -- The owning unit's path of the item opened, so live updates reach only those who may see it.
  unit_path text NOT NULL,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  typing boolean NOT NULL DEFAULT false,
  opened_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (thread_id, user_id)
);
--> statement-breakpoint
CREATE INDEX inbox_presence_seen_idx ON inbox_presence (instansi_id, seen_at);
--> statement-breakpoint
-- A user's saved filters of the inbox (the query string of the screen).
CREATE TABLE inbox_saved_views (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  query text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT inbox_saved_views_name_unique UNIQUE (user_id, name)
);
