-- Identity: browser sessions, personal API tokens, 2FA recovery codes, login attempts (per-IP throttling that
-- holds across processes) and pending OpenID Connect logins. Secrets are never stored: only their SHA-256.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  -- The user proved a second factor in this session (TOTP or a recovery code).
  two_factor_passed boolean NOT NULL DEFAULT false,
  method text NOT NULL CHECK (method IN ('password', 'oidc', 'setup')),
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
--> statement-breakpoint
CREATE INDEX sessions_user_idx ON sessions (instansi_id, user_id);
--> statement-breakpoint
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
--> statement-breakpoint
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- The first characters of the token, so the owner can recognise it in the list.
  token_hint text NOT NULL,
  -- [{ "unitId": uuid, "role": text }]: a subset of the owner's grants; narrowed again at every use.
  grants jsonb NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX api_tokens_user_idx ON api_tokens (instansi_id, user_id);
--> statement-breakpoint
CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT recovery_codes_unique UNIQUE (user_id, code_hash)
);
--> statement-breakpoint
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  ip text NOT NULL,
  email text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);
--> statement-breakpoint
CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at);
--> statement-breakpoint
-- An OpenID Connect login between /oidc/start and /oidc/callback; single use, short-lived.
CREATE TABLE oidc_login_states (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
