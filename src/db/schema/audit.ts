// Audit tables beside audit_log (which lives in core.ts): the signed checkpoints of migration 0004.
import { bigint, bigserial, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chain: text('chain').notNull(),
  instansiId: uuid('instansi_id'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: text('created_by').notNull(),
  createdByUserId: uuid('created_by_user_id'),
  statement: text('statement').notNull(),
  signature: text('signature').notNull(),
  publicKey: text('public_key').notNull(),
  keyFingerprint: text('key_fingerprint').notNull(),
})
