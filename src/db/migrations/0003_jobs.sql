-- Jobs: the transactional outbox. A feature that schedules work writes a row here inside the transaction that
-- changes state (features/jobs/enqueue.ts), so the job exists exactly when the change commits, from any process
-- (`warta api` has no queue connection). Worker processes move the rows into pg-boss and delete them
-- (jobs/outbox-relay.ts). Deployment-wide plumbing, not an instansi's data: a payload names its instansi itself.
CREATE TABLE job_outbox (
  -- Also the pg-boss job id: a row sent again after a crash between send and delete is refused as a duplicate.
  id uuid PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL,
  -- Not before this time (null: as soon as possible).
  start_after timestamptz,
  -- pg-boss singletonKey, for queues whose policy allows one job per key.
  singleton_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set by the relay that took the row; another relay may take it again once this has passed.
  claimed_until timestamptz
);
--> statement-breakpoint
CREATE INDEX job_outbox_created_at_idx ON job_outbox (created_at);
