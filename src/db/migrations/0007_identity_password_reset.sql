-- Password reset by e-mail, and the lock of e-mails without an account.
--
-- One row per "Lupa kata sandi?" request, whether or not the e-mail belongs to anyone: the request is answered the
-- same way either way, and the rows are what throttles requests per address and per e-mail. The mail job fills in
-- the user once it finds an active one, and stores only the SHA-256 of the link's token (the token itself is made
-- by the job and exists only in the mail, never in the job's payload or the database). Deployment-wide like
-- login_attempts (an unknown e-mail belongs to no instansi); kept a day after its last use.
CREATE TABLE password_resets (
  id uuid PRIMARY KEY,
  ip text NOT NULL,
  -- Lower-cased as typed.
  email text NOT NULL,
  requested_at timestamptz NOT NULL,
  -- Set by the mail job: the job has looked the e-mail up (and sent the link when it found an active user).
  handled_at timestamptz,
  instansi_id uuid REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  token_hash text UNIQUE,
  sent_at timestamptz,
  expires_at timestamptz,
  used_at timestamptz,
  CONSTRAINT password_resets_user_in_instansi CHECK ((user_id IS NULL) = (instansi_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX password_resets_ip_idx ON password_resets (ip, requested_at);
--> statement-breakpoint
CREATE INDEX password_resets_email_idx ON password_resets (email, requested_at);
--> statement-breakpoint
CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE user_id IS NOT NULL;
--> statement-breakpoint
-- Failed sign-ins per e-mail: an e-mail without an account locks after the same failures as a real one.
CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at);
