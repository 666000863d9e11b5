-- The publishing engine's rate budgets (features/publishing/publish-budget.ts), shared by every worker: one row
-- per scope (an account, or a whole platform), subject (the account id or the platform name) and window length
-- from src/shared/platform-rules.ts publishLimits, counting the publishes of the window that opened at
-- window_started_at. A row with window_seconds 0 holds only a pause: the platform answered rate_limited with a
-- time to wait until, for the account or (when it said so) for the whole platform.
CREATE TABLE publish_budgets (
  scope text NOT NULL CHECK (scope IN ('account', 'platform')),
  subject text NOT NULL,
  window_seconds integer NOT NULL CHECK (window_seconds >= 0),
  -- The account's instansi (account scope); a platform's budget is the deployment's, across instansi.
  instansi_id uuid REFERENCES instansi(id) ON DELETE CASCADE,
  window_started_at timestamptz NOT NULL,
  used integer NOT NULL DEFAULT 0,
  paused_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, subject, window_seconds),
  CONSTRAINT publish_budgets_account_instansi CHECK ((scope = 'account') = (instansi_id IS NOT NULL))
);
