-- The approval flow on posts (issue #7 item 4): every decision on a submitted post, kept as its history. A round
-- starts at each submission (and when a reschedule sends an approved post back for review); only the current
-- round's decisions count towards the chain (features/approvals/approval-rules.ts), the older ones stay readable.
ALTER TABLE posts ADD COLUMN approval_round integer NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE TABLE post_approval_decisions (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  round integer NOT NULL,
  -- The 0-based index of the chain step the decision was made at.
  step integer NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  verdict text NOT NULL CHECK (verdict IN ('approve', 'reject', 'request_changes')),
  comment text,
  -- An approval through the crisis fast track (it approved the whole chain at once).
  crisis boolean NOT NULL DEFAULT false,
  decided_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX post_approval_decisions_post_idx ON post_approval_decisions (instansi_id, post_id, round);
