-- An operator's verdict on the hoax matcher's answer for one inbox item (issue #10 item 1): training data for a
-- pair verifier (`warta nlp feedback export`). One row per item: a later verdict replaces the earlier one (the
-- audit log keeps the history).
-- verdict: `confirmed` (the matcher's claim is right), `rejected` (the text is not that claim), `other_claim`
-- (the text restates another claim, or one the matcher missed). claim_id is the claim the verdict is about: the
-- right one for confirmed / other_claim, the wrongly matched one for rejected. matched_claim_id and matched_score
-- are what the matcher said when the item was first judged (null: it matched nothing), and text is the item's
-- text as it was judged (a later edit on the platform does not change what was judged).
CREATE TABLE hoax_match_feedback (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  verdict text NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'other_claim')),
  claim_id uuid NOT NULL REFERENCES hoax_claims(id),
  matched_claim_id uuid REFERENCES hoax_claims(id),
  matched_score real,
  text text NOT NULL,
  judged_by uuid REFERENCES users(id) ON DELETE SET NULL,
  judged_at timestamptz NOT NULL,
  CHECK (verdict = 'other_claim' OR matched_claim_id = claim_id),
  CHECK (verdict <> 'other_claim' OR matched_claim_id IS DISTINCT FROM claim_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX hoax_match_feedback_item_idx ON hoax_match_feedback (item_id);
--> statement-breakpoint
CREATE INDEX hoax_match_feedback_instansi_idx ON hoax_match_feedback (instansi_id, judged_at);
