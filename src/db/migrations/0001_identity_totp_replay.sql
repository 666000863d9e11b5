-- RFC 6238 §5.2: a TOTP code accepted once must not be accepted again. The last accepted time step per user;
-- a code is accepted only for a later step. (A separate file so databases that already applied
-- 0001_identity get it too; it sorts right after it.)
CREATE TABLE totp_used_steps (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  last_step bigint NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now()
);
