-- Core tenancy, organisation, identity and audit tables. Every table that holds an instansi's data carries
-- instansi_id, and every repository query filters on it.
CREATE TABLE instansi (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  parent_id uuid REFERENCES units(id),
  -- Materialised ancestry '/<root id>/<child id>/…/<own id>/': "this unit and everything below it" is a prefix match.
  path text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'unit',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_code_unique UNIQUE (instansi_id, code)
);
--> statement-breakpoint
CREATE INDEX units_instansi_path_idx ON units (instansi_id, path text_pattern_ops);
--> statement-breakpoint
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  totp_secret text,
  totp_enabled_at timestamptz,
  locale text NOT NULL DEFAULT 'id',
  disabled_at timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- One login name across the deployment: the login form does not ask which instansi.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
--> statement-breakpoint
CREATE INDEX users_instansi_idx ON users (instansi_id);
--> statement-breakpoint
CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES units(id),
  role text NOT NULL CHECK (role IN ('admin', 'penanggung_jawab', 'pengelola', 'analis', 'ppid', 'pimpinan', 'auditor')),
  granted_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_grants_unique UNIQUE (user_id, unit_id, role)
);
--> statement-breakpoint
CREATE INDEX role_grants_instansi_idx ON role_grants (instansi_id, user_id);
--> statement-breakpoint
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  -- The hash chain: one per instansi ('<instansi id>'), plus 'system' for deployment-level events.
  chain text NOT NULL,
  instansi_id uuid REFERENCES instansi(id),
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text,
  before jsonb,
  after jsonb,
  ip text,
  user_agent text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  CONSTRAINT audit_log_chain_seq_unique UNIQUE (chain, seq)
);
--> statement-breakpoint
CREATE INDEX audit_log_instansi_time_idx ON audit_log (instansi_id, occurred_at DESC);
--> statement-breakpoint
-- Append-only: the application never updates or deletes audit rows. (A superuser can still disable the trigger;
-- the hash chain is what detects that.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TABLE settings (
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instansi_id, key)
);
--> statement-breakpoint
-- Deployment-wide values such as the generated signing key when WARTA_SECRET is not set.
CREATE TABLE deployment_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
