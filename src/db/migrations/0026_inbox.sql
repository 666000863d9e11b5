-- The inbox (issue #9): every comment, reply, mention, quote and direct message that reaches a connected account,
-- kept once per (instansi, platform, platform id) however it arrived (polling, webhook, backfill), threaded by the
-- platform's conversation, classified on arrival and worked by the office. unit_path is the owning unit's path
-- copied onto the item, so a unit scope is one prefix condition on the list's index (no join on the hot path).
CREATE TABLE inbox_threads (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  platform text NOT NULL,
  -- The platform's conversation: the commented post's id, the mention's conversation, the DM chat.
  root_external_id text NOT NULL,
  -- Our own published post at the root, when the thread is about one of ours.
  post_variant_id uuid REFERENCES post_variants(id) ON DELETE SET NULL,
  first_item_at timestamptz NOT NULL,
  last_item_at timestamptz NOT NULL,
  CONSTRAINT inbox_threads_root_unique UNIQUE (account_id, root_external_id)
);
--> statement-breakpoint
CREATE TABLE inbox_items (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  thread_id uuid NOT NULL REFERENCES inbox_threads(id) ON DELETE CASCADE,
  -- The unit that owns the item (the account's unit until a routing rule or a person assigns it elsewhere).
  unit_id uuid NOT NULL REFERENCES units(id),
  unit_path text NOT NULL,
  platform text NOT NULL,
  external_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('comment', 'reply', 'mention', 'quote', 'direct_message')),
  parent_external_id text,
  root_external_id text,
  author_external_id text NOT NULL,
  author_handle text NOT NULL,
  author_name text,
  body text NOT NULL,
  url text,
  -- When the citizen wrote it (the platform's time) and when Warta first stored it.
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- Followed from the platform: edited text replaces body; a deletion keeps the row (the record of what was said).
  edited_at timestamptz,
  deleted_at timestamptz,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'answered', 'closed')),
  -- Classification on arrival (src/nlp classify + the instansi's hoax knowledge base); null until classified.
  classified_at timestamptz,
  sentiment text,
  sentiment_score real,
  abusive boolean,
  hate_speech boolean,
  intent text,
  intent_score real,
  hoax_claim_id uuid REFERENCES hoax_claims(id) ON DELETE SET NULL,
  hoax_score real,
  -- Higher first (0–100): computed on arrival from intent, hoax, abuse, the author's history and the account.
  priority smallint NOT NULL DEFAULT 0,
  assigned_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- The reply-target clock (issue #9 item 3); null while no target applies.
  sla_due_at timestamptz,
  first_response_at timestamptz,
  closed_at timestamptz,
  -- Folded into another item (the same text from the same author, spam waves): shown under it, not in the list.
  duplicate_of uuid REFERENCES inbox_items(id) ON DELETE SET NULL,
  labels text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL,
  CONSTRAINT inbox_items_external_unique UNIQUE (instansi_id, platform, external_id)
);
--> statement-breakpoint
-- The working list: an instansi's items in a state, by deadline, within a unit's subtree (keyset paging on id).
CREATE INDEX inbox_items_queue_idx ON inbox_items (instansi_id, status, sla_due_at, id);
--> statement-breakpoint
CREATE INDEX inbox_items_unit_idx ON inbox_items (instansi_id, unit_path text_pattern_ops, status);
--> statement-breakpoint
CREATE INDEX inbox_items_thread_idx ON inbox_items (thread_id, created_at);
--> statement-breakpoint
-- A citizen's history across the instansi's accounts on one platform.
CREATE INDEX inbox_items_author_idx ON inbox_items (instansi_id, platform, author_external_id, created_at);
--> statement-breakpoint
-- Items waiting for classification (ingestion classifies in batches; a crash leaves them here to be picked up).
CREATE INDEX inbox_items_unclassified_idx ON inbox_items (received_at) WHERE classified_at IS NULL;
--> statement-breakpoint
-- Where polling an account stopped, per stream, and how far behind it is (shown in the account's health).
CREATE TABLE inbox_cursors (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  stream text NOT NULL DEFAULT 'interactions',
  cursor text,
  -- The first complete read of the account (backfill on connect) is done.
  backfilled_at timestamptz,
  last_polled_at timestamptz,
  last_success_at timestamptz,
  -- The newest item seen, and since when polling has been failing (null while it keeps up).
  last_item_at timestamptz,
  behind_since timestamptz,
  failures integer NOT NULL DEFAULT 0,
  last_error text,
  PRIMARY KEY (account_id, stream)
);
