-- Drafts and their variants (issue #7 items 1–2): a post is written once (base text, 5W+1H for news, source and
-- verification) and sent to several official accounts, each through its own variant. The variant row's id is the
-- publishing idempotency key (one row per post and account); its publishing columns are filled by the engine.
-- Media are uploaded once per instansi and referenced by variants with their alt text.
CREATE TABLE media (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  -- Where the bytes are in the configured storage (local folder or S3 bucket), and the thumbnail beside them.
  storage_key text NOT NULL,
  thumbnail_key text,
  -- The type read from the file's content (file-type), never from its name or the request header.
  mime_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'video')),
  size_bytes bigint NOT NULL,
  width integer,
  height integer,
  sha256 text NOT NULL,
  original_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX media_instansi_idx ON media (instansi_id, created_at);
--> statement-breakpoint
CREATE TABLE posts (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES units(id),
  author_id uuid NOT NULL REFERENCES users(id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('berita', 'informasi')),
  base_text text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  verification_note text NOT NULL DEFAULT '',
  -- {apa, siapa, kapan, dimana, mengapa, bagaimana}: required (each non-empty) for a berita at submission.
  five_w_one_h jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  campaign text,
  scheduled_at timestamptz,
  crisis boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'changes_requested', 'approved',
    'scheduled', 'published', 'failed', 'expired', 'cancelled')),
  -- The findings of the check at submission (the warnings the approver must see, and blocking ones overridden).
  submitted_findings jsonb,
  submitted_at timestamptz,
  -- A penanggung jawab's written decision to let blocking findings through (audited as post.compliance_override).
  override_reason text,
  override_by uuid REFERENCES users(id),
  override_at timestamptz,
  -- Optimistic concurrency: every update names the version it read and bumps it.
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT posts_override_whole CHECK ((override_reason IS NULL) = (override_by IS NULL)
    AND (override_by IS NULL) = (override_at IS NULL))
);
--> statement-breakpoint
CREATE INDEX posts_instansi_author_idx ON posts (instansi_id, author_id, updated_at);
--> statement-breakpoint
CREATE INDEX posts_instansi_status_idx ON posts (instansi_id, status, scheduled_at);
--> statement-breakpoint
CREATE TABLE post_variants (
  -- The publishing idempotency key: the same (post, account) always publishes under this id.
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id),
  text text NOT NULL DEFAULT '',
  -- [{mediaId, altText}] in the order they are attached.
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'scheduled', 'publishing', 'published',
    'failed', 'unconfirmed', 'expired', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error_kind text,
  last_error_message text,
  platform_post_id text,
  platform_post_url text,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT post_variants_post_account_unique UNIQUE (post_id, account_id)
);
--> statement-breakpoint
CREATE INDEX post_variants_due_idx ON post_variants (status, next_attempt_at);
--> statement-breakpoint
CREATE INDEX post_variants_account_idx ON post_variants (instansi_id, account_id);
