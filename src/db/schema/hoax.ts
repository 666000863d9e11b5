// The hoax knowledge base (migration 0009_hoax_claims.sql).
import { date, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export interface HoaxSource {
  url: string
  title: string
}

export const hoaxClaims = pgTable('hoax_claims', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  label: text('label').$type<'hoaks' | 'disinformasi' | 'misinformasi'>().notNull(),
  claim: text('claim').notNull(),
  facts: text('facts').notNull(),
  sources: jsonb('sources').$type<HoaxSource[]>().notNull().default([]),
  firstSeenOn: date('first_seen_on', { mode: 'string' }),
  clarifiedOn: date('clarified_on', { mode: 'string' }),
  unitIds: uuid('unit_ids').array().notNull().default([]),
  variants: text('variants').array().notNull().default([]),
  keywords: text('keywords').array().notNull().default([]),
  status: text('status').$type<'active' | 'archived'>().notNull().default('active'),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
})

export type HoaxVerdict = 'confirmed' | 'rejected' | 'other_claim'

// An operator's verdict on the matcher's answer for one inbox item (migration 0035_hoax_match_feedback.sql).
export const hoaxMatchFeedback = pgTable('hoax_match_feedback', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  itemId: uuid('item_id').notNull(),
  verdict: text('verdict').$type<HoaxVerdict>().notNull(),
  claimId: uuid('claim_id').notNull(),
  matchedClaimId: uuid('matched_claim_id'),
  matchedScore: real('matched_score'),
  text: text('text').notNull(),
  judgedBy: uuid('judged_by'),
  judgedAt: timestamp('judged_at', { withTimezone: true }).notNull(),
})
