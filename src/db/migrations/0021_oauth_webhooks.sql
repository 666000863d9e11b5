-- Connecting platforms (issue #8). An OAuth connection keeps, beside its sealed credentials (which then also hold
-- the sealed OAuth tokens, so key rotation and compare-and-set cover them), when its tokens expire, the scopes the
-- platform granted and the features a missing scope disables; and which expiry the penanggung jawab was warned
-- about 7 days and 1 day ahead (a new token's expiry is a new warning, each sent once).
ALTER TABLE account_connections ADD COLUMN token_expires_at timestamptz;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN refresh_expires_at timestamptz;
--> statement-breakpoint
-- When the account must be reconnected at the latest (its refresh token's end, or a token that cannot be refreshed).
ALTER TABLE account_connections ADD COLUMN reconnect_by timestamptz;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN granted_scopes jsonb;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN missing_features jsonb;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN expiry_warned_7d_for timestamptz;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN expiry_warned_1d_for timestamptz;
--> statement-breakpoint
-- The refresh job looks for OAuth connections whose token expires soon.
CREATE INDEX account_connections_token_expiry_idx ON account_connections (token_expires_at)
  WHERE token_expires_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX account_connections_reconnect_by_idx ON account_connections (reconnect_by)
  WHERE reconnect_by IS NOT NULL;
--> statement-breakpoint
-- One OAuth connect in flight: the random state only as its SHA-256, the PKCE verifier sealed, ten minutes, used once.
CREATE TABLE oauth_states (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  platform text NOT NULL,
  state_hash text NOT NULL,
  code_verifier text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oauth_states_hash_unique UNIQUE (state_hash)
);
--> statement-breakpoint
CREATE INDEX oauth_states_instansi_idx ON oauth_states (instansi_id);
--> statement-breakpoint
-- Deliveries the platforms pushed, accepted by their verifier; (platform, delivery_id) once only: a second one is
-- a replay. Not an instansi's row until processed (the account is found by its platform id then).
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  platform text NOT NULL,
  delivery_id text NOT NULL,
  sent_at timestamptz,
  received_at timestamptz NOT NULL,
  events jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'processed')),
  matched_accounts integer NOT NULL DEFAULT 0,
  processed_at timestamptz,
  CONSTRAINT webhook_deliveries_unique UNIQUE (platform, delivery_id)
);
--> statement-breakpoint
CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at);
--> statement-breakpoint
-- Deliveries refused, counted per platform and reason (the admin sees forged or stale traffic).
CREATE TABLE webhook_rejections (
  platform text NOT NULL,
  reason text NOT NULL,
  count bigint NOT NULL DEFAULT 0,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (platform, reason)
);
