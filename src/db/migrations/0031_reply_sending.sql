-- Replies that never get lost (issue #9 item 4): a reply is stored as `sending` and committed before the platform
-- is called, so a process that dies between the platform accepting it and our write leaves a row the
-- reconcile-replies job finds: `sent` when the connector can read the thread and sees it, otherwise `unconfirmed`
-- for a person to check. Never sent twice automatically; the reply's id is the idempotency key.
-- unconfirmed: the platform may have taken it (unknown_outcome, or a send that never came back); a person checks.
ALTER TABLE inbox_replies DROP CONSTRAINT inbox_replies_status_check;
--> statement-breakpoint
ALTER TABLE inbox_replies ADD CONSTRAINT inbox_replies_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unconfirmed', 'rejected'));
--> statement-breakpoint
-- Why it failed: the connector's error kind and the reason in the catalogue's words (error keeps the platform's text).
ALTER TABLE inbox_replies ADD COLUMN error_kind text;
--> statement-breakpoint
ALTER TABLE inbox_replies ADD COLUMN error_key text;
--> statement-breakpoint
ALTER TABLE inbox_replies ADD COLUMN error_params jsonb;
--> statement-breakpoint
-- When the current attempt began (a `sending` row older than the lease belongs to a process that died), and how
-- many attempts were made (the first send and each retry).
ALTER TABLE inbox_replies ADD COLUMN sending_at timestamptz;
--> statement-breakpoint
ALTER TABLE inbox_replies ADD COLUMN attempts integer NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE INDEX inbox_replies_sending_idx ON inbox_replies (sending_at) WHERE status = 'sending';
