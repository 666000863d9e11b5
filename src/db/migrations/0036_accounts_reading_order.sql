-- The account list pages in reading order (platform, then handle under the ICU collation, sql-helpers.ts
-- inReadingOrder). The unique (instansi_id, platform, handle) index is in the column's own collation, so PostgreSQL
-- read it and then sorted the rows again with ICU comparisons, twice per page: PostgreSQL's CPU per
-- `GET /api/accounts` doubled (1.04 → 2.07 ms, `npm run bench:api`, 2,000 accounts). With the order in an index
-- the first page is read in order and stops at its last row (back to 1.08 ms).
CREATE INDEX accounts_reading_order_idx ON accounts (instansi_id, platform, handle COLLATE "und-x-icu");
