-- Connecting official accounts to their platforms, and the sandbox network (Mode Latihan) built into Warta.
--
-- `sandbox` becomes a platform of the registry (a simulated account is registered like any other).
ALTER TABLE accounts DROP CONSTRAINT accounts_platform_check;
--> statement-breakpoint
ALTER TABLE accounts ADD CONSTRAINT accounts_platform_check
  CHECK (platform IN ('x', 'instagram', 'facebook', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'telegram', 'threads', 'whatsapp', 'sandbox'));
--> statement-breakpoint
-- One connection per registered account: the credentials its connector uses, encrypted at rest (AES-256-GCM under
-- a key derived from the deployment secret; credentials_key_id names that key so `warta keys rotate` finds what is
-- still under an old one), and its health: the state, the last error and the last success.
CREATE TABLE account_connections (
  account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  platform text NOT NULL,
  state text NOT NULL CHECK (state IN ('connected', 'needs_reconnect', 'disconnected')),
  -- Null once disconnected: nothing is kept that could still act for the account.
  credentials text,
  credentials_key_id text,
  platform_account_id text,
  platform_handle text,
  last_error_kind text CHECK (last_error_kind IN ('auth_expired', 'rate_limited', 'rejected', 'unavailable', 'unknown_outcome')),
  last_error_message text,
  last_error_at timestamptz,
  last_success_at timestamptz,
  connected_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT account_connections_credentials_whole CHECK ((credentials IS NULL) = (credentials_key_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX account_connections_instansi_idx ON account_connections (instansi_id);
--> statement-breakpoint
CREATE INDEX account_connections_key_idx ON account_connections (credentials_key_id);
--> statement-breakpoint
-- The sandbox network's own accounts (what a platform keeps about its users). Its state lives here, not in a
-- process, because workers may be killed at any moment and several processes share it. `calls` numbers every call
-- so the seeded faults are the same sequence whichever process answers; the rate-limit window is kept per account.
CREATE TABLE sandbox_accounts (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  handle text NOT NULL,
  display_name text,
  -- SHA-256 of the access token the connector holds; a new connect issues a new token and the old one stops working.
  token_hash text NOT NULL,
  calls bigint NOT NULL DEFAULT 0,
  window_started_at timestamptz,
  window_calls integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sandbox_accounts_handle_unique UNIQUE (instansi_id, handle)
);
--> statement-breakpoint
CREATE INDEX sandbox_accounts_token_idx ON sandbox_accounts (token_hash);
--> statement-breakpoint
-- A post on the sandbox network. The idempotency key is unique per account: the same key never makes a second post.
CREATE TABLE sandbox_posts (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  sandbox_account_id uuid NOT NULL REFERENCES sandbox_accounts(id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  text text NOT NULL,
  -- [{kind, mimeType, byteLength, altText}]: the sandbox keeps what a post carried, not the bytes.
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  likes integer NOT NULL DEFAULT 0,
  shares integer NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  -- How many rounds of simulated citizens have come by (the sandbox-citizens job).
  citizen_rounds integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz,
  CONSTRAINT sandbox_posts_key_unique UNIQUE (sandbox_account_id, idempotency_key)
);
--> statement-breakpoint
CREATE INDEX sandbox_posts_account_idx ON sandbox_posts (sandbox_account_id, created_at);
--> statement-breakpoint
-- Comments, replies and mentions on the sandbox network, by simulated citizens or by the account itself (own).
-- `seq` orders them for the interactions cursor.
CREATE TABLE sandbox_interactions (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  sandbox_account_id uuid NOT NULL REFERENCES sandbox_accounts(id) ON DELETE CASCADE,
  post_id uuid REFERENCES sandbox_posts(id) ON DELETE CASCADE,
  parent_id uuid,
  kind text NOT NULL CHECK (kind IN ('comment', 'reply', 'mention')),
  own boolean NOT NULL DEFAULT false,
  author_handle text NOT NULL,
  author_name text,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  hidden_at timestamptz,
  deleted_at timestamptz
);
--> statement-breakpoint
CREATE INDEX sandbox_interactions_account_idx ON sandbox_interactions (sandbox_account_id, seq);
