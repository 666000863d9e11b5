-- The publishing engine: when a publish job was last asked for a variant, so the minute sweeper hands out a due
-- variant once (and again only when its job seems lost), instead of a copy of every waiting job each minute.
ALTER TABLE post_variants ADD COLUMN enqueued_at timestamptz;
