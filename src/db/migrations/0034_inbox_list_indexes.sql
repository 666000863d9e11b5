-- The inbox list at a million items (issue #9 benchmark: p99 ≤ 50 ms). The list reads one instansi, a unit's
-- subtree, a status set, unfolded items, ordered by SLA deadline, then priority, then id, 50 at a time. 0028's index
-- could not serve the default view (new + open: two statuses cannot come out of one index in deadline order, so the
-- planner sorted every waiting item) nor filter the unit on the index (a heap visit per skipped row). Both indexes
-- below carry the whole order and end with the unit path under text_pattern_ops, so the subtree's `LIKE 'prefix%'`
-- becomes a range checked on the index entries themselves; duplicates are left out of both.
-- Measured on PostgreSQL 15 with 1,000,000 items over 61 units: a page of a leaf unit's waiting items from a
-- parallel sequential scan + sort (0.8–1.4 s) to an index scan stopping at the 51st row (0.5–11 ms).
CREATE INDEX inbox_items_waiting_order_idx ON inbox_items
  (instansi_id, sla_due_at, priority DESC, id, unit_path text_pattern_ops)
  WHERE duplicate_of IS NULL AND status IN ('new', 'open');
--> statement-breakpoint
CREATE INDEX inbox_items_status_order_idx ON inbox_items
  (instansi_id, status, sla_due_at, priority DESC, id, unit_path text_pattern_ops)
  WHERE duplicate_of IS NULL;
--> statement-breakpoint
-- Replaced by the two above (same order, without the folded duplicates the list never shows).
DROP INDEX IF EXISTS inbox_items_work_order_idx;
