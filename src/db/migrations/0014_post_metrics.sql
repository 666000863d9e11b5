-- Metrics of what was published (issue #7 item 6: read at +1 h, +24 h and +7 days after publishing). One row per
-- published variant and planned reading, created when the variant is published; the collect-post-metrics job
-- fills the due ones in batches per account through the connector's fetchMetrics. The latest reading is also kept
-- on the variant (metrics, metrics_at) so the published registry and the agenda board read it without a join.
CREATE TABLE post_metrics (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  variant_id uuid NOT NULL REFERENCES post_variants(id) ON DELETE CASCADE,
  checkpoint text NOT NULL CHECK (checkpoint IN ('1h', '24h', '7d')),
  due_at timestamptz NOT NULL,
  -- {likes, shares, replies, quotes, views}: a platform that does not count one leaves it null.
  metrics jsonb,
  fetched_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT post_metrics_variant_checkpoint_unique UNIQUE (variant_id, checkpoint)
);
--> statement-breakpoint
CREATE INDEX post_metrics_due_idx ON post_metrics (due_at) WHERE fetched_at IS NULL;
--> statement-breakpoint
ALTER TABLE post_variants ADD COLUMN metrics jsonb;
--> statement-breakpoint
ALTER TABLE post_variants ADD COLUMN metrics_at timestamptz;
