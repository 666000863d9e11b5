-- Inbox ingestion (issue #9): what folding and the polling schedule need beyond 0026.
-- body_fingerprint is a hash of the item's normalised text (set when it is classified): the same text from one
-- author within a day folds into the first (a duplicate), the same text from many authors within minutes is a wave
-- folded into its first item (labelled `gelombang`). One index answers both lookups.
ALTER TABLE inbox_items ADD COLUMN body_fingerprint text;
--> statement-breakpoint
CREATE INDEX inbox_items_fingerprint_idx ON inbox_items (instansi_id, body_fingerprint, created_at)
  WHERE body_fingerprint IS NOT NULL;
--> statement-breakpoint
-- When the account is polled next: a minute ahead while it is busy, longer while it is quiet, later after failures
-- (or at the platform's own retry time); the scheduler hands out the accounts whose time came.
ALTER TABLE inbox_cursors ADD COLUMN next_poll_at timestamptz;
