-- The published registry (issue #7 item 9): every published, unconfirmed or failed variant of an instansi, newest
-- first, filtered by a date range. The registry's time is when the variant was published, or for one that was not
-- when it last changed; this index serves that range and order within an instansi without reading the variants
-- still waiting (the scale in product.md: tens of thousands of posts per instansi a year, many accounts each).
-- The account filter uses post_variants_account_idx (0010); text, tag and campaign filters run on the rows this
-- index narrows.
CREATE INDEX post_variants_registry_idx ON post_variants (instansi_id, (coalesce(published_at, updated_at)))
  WHERE status IN ('published', 'unconfirmed', 'failed');
