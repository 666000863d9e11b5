// The publishing engine's shared rate budgets, migration 0015_publish_budgets.sql.
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const publishBudgets = pgTable(
  'publish_budgets',
  {
    scope: text('scope').$type<'account' | 'platform'>().notNull(),
    subject: text('subject').notNull(),
    windowSeconds: integer('window_seconds').notNull(),
    instansiId: uuid('instansi_id'),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    used: integer('used').notNull().default(0),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.subject, table.windowSeconds] })],
)
