-- The digital agenda (issue #7 item 8): the central office issues one narrative (title, key messages, assets from
-- the media library, source, deadline) and fans it out as amplification tasks to chosen units or accounts. A unit
-- adapts a prefilled draft or reposts the central post; that post goes through the unit's approval chain like any
-- other and is linked to its task in agenda_task_posts. A task's state (not started, drafting, in review, done) is
-- read from its posts, never stored twice, so it cannot drift from what the engine did.
CREATE TABLE agenda_items (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  -- The unit that owns the narrative (its penanggung jawab or admin manages it).
  unit_id uuid NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  key_messages text[] NOT NULL DEFAULT '{}',
  -- Assets from the media library; an array because they are only attached to drafts, in this order.
  media_ids uuid[] NOT NULL DEFAULT '{}',
  source text NOT NULL DEFAULT '',
  -- The central office's own post on the narrative: what a unit reposts (its text and published URL).
  central_post_id uuid REFERENCES posts(id) ON DELETE SET NULL,
  deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
--> statement-breakpoint
CREATE INDEX agenda_items_instansi_idx ON agenda_items (instansi_id, status, deadline);
--> statement-breakpoint
CREATE TABLE agenda_tasks (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  agenda_item_id uuid NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  -- The unit that works the task: the chosen unit, or the chosen account's unit.
  unit_id uuid NOT NULL REFERENCES units(id),
  -- Set when the task was given to one account rather than to a unit (which posts on any of its accounts).
  account_id uuid REFERENCES accounts(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX agenda_tasks_unit_unique ON agenda_tasks (agenda_item_id, unit_id) WHERE account_id IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX agenda_tasks_account_unique ON agenda_tasks (agenda_item_id, account_id)
  WHERE account_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX agenda_tasks_unit_idx ON agenda_tasks (instansi_id, unit_id);
--> statement-breakpoint
-- The posts a task produced. A post belongs to at most one task; a deleted draft frees its task again. A task may
-- have several (a rejected or expired post, then a new one); the most advanced one gives the task its state.
CREATE TABLE agenda_task_posts (
  post_id uuid PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  task_id uuid NOT NULL REFERENCES agenda_tasks(id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('adapt', 'repost')),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX agenda_task_posts_task_idx ON agenda_task_posts (task_id);
