-- Publishing quotas in the account's health (issue #8). A platform that reports the account's own quota
-- (Instagram's content_publishing_limit, Threads' threads_publishing_limit) has its last answer kept on the
-- connection: used of total in a moving window of window_seconds, read at checked_at (the engine defers a publish
-- while that answer says nothing is left).
ALTER TABLE account_connections ADD COLUMN quota_used integer;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN quota_total integer;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN quota_window_seconds integer;
--> statement-breakpoint
ALTER TABLE account_connections ADD COLUMN quota_checked_at timestamptz;
--> statement-breakpoint
-- A quota the platform does not report back but counts per call (YouTube's 10,000 units a day per Google Cloud
-- project, i.e. per Warta deployment, across instansi): the units Warta's calls cost, added up per platform and
-- quota day (YYYY-MM-DD in the platform's own reset zone, Pacific time for YouTube).
CREATE TABLE metered_quota_usage (
  platform text NOT NULL,
  quota_day text NOT NULL,
  units bigint NOT NULL DEFAULT 0 CHECK (units >= 0),
  calls bigint NOT NULL DEFAULT 0 CHECK (calls >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (platform, quota_day)
);
