// Saved replies and routing rules (migration 0029_saved_replies_routing.sql).
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true })

export const savedReplies = pgTable('saved_replies', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  unitId: uuid('unit_id'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  tags: text('tags').array().notNull().default([]),
  intents: text('intents').array().notNull().default([]),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

export const routingRules = pgTable('routing_rules', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull(),
  action: jsonb('action').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})
