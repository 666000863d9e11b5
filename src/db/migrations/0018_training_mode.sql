-- Mode Latihan per user (issue #7 item 10): while on, the user's posts may target only sandbox accounts, checked
-- when a draft is saved or submitted and again by the publishing engine before any connector is called. Switched
-- by an admin (audited as user.training_mode); the time it was last switched shows since when.
ALTER TABLE users ADD COLUMN training_mode boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN training_mode_since timestamptz;
