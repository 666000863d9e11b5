-- Organisation: unit attributes (naming placeholders such as {kota}), the official account registry with its
-- appointed pengelola, and each instansi's edits to the national working-day calendar. The national holiday and
-- cuti bersama tables themselves ship as versioned data in src/features/calendar/national-calendar.ts.
CREATE TABLE unit_attributes (
  unit_id uuid PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  -- Free key → value pairs (e.g. {"kota": "bandung"}); inherited by the units below for naming patterns.
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES units(id),
  platform text NOT NULL CHECK (platform IN ('x', 'instagram', 'facebook', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'telegram', 'threads', 'whatsapp')),
  -- Stored normalised (no leading @, lower case; E.164 for WhatsApp), so the same account is never registered twice.
  handle text NOT NULL,
  display_name text,
  url text NOT NULL,
  penanggung_jawab_user_id uuid NOT NULL REFERENCES users(id),
  verification_status text NOT NULL DEFAULT 'unverified' CHECK (verification_status IN ('unverified', 'pending', 'verified')),
  platform_two_factor boolean NOT NULL DEFAULT false,
  credential_rotated_on date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant')),
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_platform_handle_unique UNIQUE (instansi_id, platform, handle)
);
--> statement-breakpoint
CREATE INDEX accounts_instansi_unit_idx ON accounts (instansi_id, unit_id);
--> statement-breakpoint
CREATE TABLE account_pengelola (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  surat_tugas_number text NOT NULL,
  surat_tugas_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, user_id)
);
--> statement-breakpoint
CREATE INDEX account_pengelola_user_idx ON account_pengelola (instansi_id, user_id);
--> statement-breakpoint
-- One row per date the instansi changed: an extra holiday or cuti bersama, a renamed or moved national day, or
-- 'working_day' to cancel a national day (e.g. when the Menteri Agama moves Idulfitri after the SKB).
CREATE TABLE calendar_days (
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'cuti_bersama', 'working_day')),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instansi_id, day)
);
