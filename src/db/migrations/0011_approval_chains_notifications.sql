-- Approval chains and notifications (issue #7 item 4).
--
-- An approval chain belongs to one unit or one account: an account's own chain wins over its unit's, and a unit
-- without one inherits its nearest ancestor's (features/approvals/resolve-approval-chain.ts). Steps are stored as
-- JSON (1–3 of {kind: role|users, role | userIds, mode: any|all}) because a chain is always read and written
-- whole; the feature checks the named users belong to the instansi before saving.
CREATE TABLE approval_chains (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  unit_id uuid REFERENCES units(id) ON DELETE CASCADE,
  account_id uuid REFERENCES accounts(id) ON DELETE CASCADE,
  steps jsonb NOT NULL,
  reschedule_requires_approval boolean NOT NULL DEFAULT true,
  -- Users who may approve alone while crisis mode is on; using it is flagged in the audit log.
  crisis_approver_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT approval_chains_one_owner CHECK ((unit_id IS NULL) <> (account_id IS NULL)),
  CONSTRAINT approval_chains_steps_array CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX approval_chains_unit_idx ON approval_chains (instansi_id, unit_id) WHERE unit_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX approval_chains_account_idx ON approval_chains (instansi_id, account_id) WHERE account_id IS NOT NULL;
--> statement-breakpoint
-- In-app notifications. Title and body are message catalogue keys with their parameters, rendered in the
-- reader's language. email_status: 'none' (no mail), 'pending' (a send-notification-mail job will send it),
-- 'digest' (waits for the daily digest), 'sent'.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  title_key text NOT NULL,
  body_key text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'digest', 'sent')),
  mailed_at timestamptz
);
--> statement-breakpoint
CREATE INDEX notifications_recipient_idx ON notifications (instansi_id, recipient_id, created_at DESC);
--> statement-breakpoint
CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL;
--> statement-breakpoint
CREATE INDEX notifications_digest_idx ON notifications (recipient_id) WHERE email_status = 'digest';
--> statement-breakpoint
-- How a user wants notifications by e-mail: each at once, one daily digest, or none (in-app only).
ALTER TABLE users ADD COLUMN notification_email text NOT NULL DEFAULT 'immediately'
  CHECK (notification_email IN ('immediately', 'daily', 'none'));
