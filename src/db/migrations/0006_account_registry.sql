-- The official account registry, second round: the handle as it was typed (kept for display; `handle` stays the
-- normalised form the uniqueness rule compares), a pengelola whose surat tugas is still on its way (number and
-- date both empty, flagged in the list), and CSV imports that run as background jobs in short batches with their
-- progress and outcome stored (finding 4.6: one import must not hold the embedded database for seconds).
ALTER TABLE accounts ADD COLUMN handle_display text;
--> statement-breakpoint
ALTER TABLE account_pengelola ALTER COLUMN surat_tugas_number DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE account_pengelola ALTER COLUMN surat_tugas_date DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE account_pengelola ADD CONSTRAINT account_pengelola_surat_tugas_whole
  CHECK ((surat_tugas_number IS NULL) = (surat_tugas_date IS NULL));
--> statement-breakpoint
-- One CSV import: checked first (mode 'preview'), then applied when the person confirms (mode 'apply'); a job
-- works through the file in batches, each its own transaction, moving processed_rows on with it, so a job that
-- is delivered again or restarted after a crash continues where the last committed batch ended.
CREATE TABLE account_imports (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  -- Who asked, and what the request carried: the job acts as this user with these grants (narrowed to the
  -- user's grants at the time the job runs, so a role taken away meanwhile is not used).
  requested_by uuid NOT NULL REFERENCES users(id),
  actor_label text NOT NULL,
  actor_via text NOT NULL,
  actor_grants jsonb NOT NULL,
  ip text,
  user_agent text,
  -- The file; emptied once the import is applied or discarded.
  csv text,
  mode text NOT NULL CHECK (mode IN ('preview', 'apply')),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'previewed', 'done', 'failed', 'discarded')),
  total_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  -- Why the import stopped, as a message key with parameters ({"key": …, "params": …}).
  failure jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
--> statement-breakpoint
CREATE INDEX account_imports_instansi_idx ON account_imports (instansi_id, created_at);
--> statement-breakpoint
-- What one row of an import would do (preview) or could not do (apply): rows to create or update and rows with
-- problems; unchanged rows are only counted.
CREATE TABLE account_import_items (
  import_id uuid NOT NULL REFERENCES account_imports(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  phase text NOT NULL CHECK (phase IN ('preview', 'apply')),
  -- The row as a spreadsheet numbers it (the header is row 1).
  line integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('create', 'update', 'error')),
  platform text,
  handle text,
  unit_code text,
  -- update: the fields that change; error: [{column, key, params}]
  changed jsonb,
  problems jsonb,
  PRIMARY KEY (import_id, phase, line)
);
