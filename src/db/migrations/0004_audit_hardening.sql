-- Audit hardening (finding 4.4): a hash recipe that covers every stored column, TRUNCATE refused, signed
-- checkpoints kept outside the audit table, and indexes for the viewer's filters. See docs/audit.md.
--
-- hash_version names the recipe an entry was hashed with: 1 = the original recipe (every column except id,
-- instansi_id and hash_version), 2 = every stored column but the hash itself. Rows written before this migration
-- keep 1, and so does a row restored from a backup made before it (the column is absent there and takes this
-- default); the application writes 2 explicitly. Verification refuses a chain whose version goes down.
ALTER TABLE audit_log ADD COLUMN hash_version smallint NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE audit_log ADD CONSTRAINT audit_log_hash_version_known CHECK (hash_version IN (1, 2));
--> statement-breakpoint
-- One function refuses every change to the append-only tables, naming the table.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE; a statement trigger does (TRUNCATE … CASCADE from instansi included).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Signed statements about a chain's head (certificate transparency's signed tree heads): "the chain of this
-- instansi had `seq` entries and its last hash was `head_hash` at `created_at`". Kept in their own table so that
-- deleting audit rows does not delete them; the auditor's downloaded copies are what a superuser cannot reach.
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  chain text NOT NULL,
  instansi_id uuid REFERENCES instansi(id),
  seq bigint NOT NULL,
  head_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  -- 'job' for the daily checkpoint, otherwise the person's label (e-mail) or 'cli'.
  created_by text NOT NULL,
  created_by_user_id uuid,
  -- The exact bytes that were signed (canonical JSON of the statement), the Ed25519 signature (base64) and the
  -- public key (SPKI DER, base64) with its fingerprint (SHA-256 hex of the DER), so a row is a complete file.
  statement text NOT NULL,
  signature text NOT NULL,
  public_key text NOT NULL,
  key_fingerprint text NOT NULL
);
--> statement-breakpoint
CREATE INDEX audit_checkpoints_chain_idx ON audit_checkpoints (chain, id DESC);
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The viewer pages by id within an instansi, filters by action / object type / actor, and lists the values present
-- for its drop-downs with a skip scan over these indexes (a few index probes per distinct value).
CREATE INDEX audit_log_instansi_id_idx ON audit_log (instansi_id, id);
--> statement-breakpoint
CREATE INDEX audit_log_instansi_action_idx ON audit_log (instansi_id, action, id);
--> statement-breakpoint
CREATE INDEX audit_log_instansi_object_type_idx ON audit_log (instansi_id, object_type, id);
--> statement-breakpoint
CREATE INDEX audit_log_instansi_actor_idx ON audit_log (instansi_id, actor_user_id, id);
--> statement-breakpoint
CREATE INDEX audit_log_instansi_actor_label_idx ON audit_log (instansi_id, actor_label) WHERE actor_user_id IS NULL;
