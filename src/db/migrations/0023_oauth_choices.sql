-- Choosing the account when one OAuth login manages several (issue #8: a Facebook Login with the Pemda's, the
-- Bupati's and the Dinas' Pages). When the registry does not name exactly one, the exchanged user token waits here,
-- sealed like credentials (bound to the account's id), with the accounts to choose from (no tokens in them), for the
-- user who started the connect and only for thirty minutes; choosing deletes the row (used once).
CREATE TABLE oauth_choices (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  platform text NOT NULL,
  tokens text NOT NULL,
  tokens_key_id text NOT NULL,
  options jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX oauth_choices_instansi_idx ON oauth_choices (instansi_id);
