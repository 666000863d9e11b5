// The hoax knowledge base (migration 0009_hoax_claims.sql).
import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

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
