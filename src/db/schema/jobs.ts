// Jobs tables (migration 0003_jobs.sql): the transactional outbox that worker processes drain into pg-boss.
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const timestamptz = (name: string) => timestamp(name, { withTimezone: true })

export const jobOutbox = pgTable('job_outbox', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull(),
  startAfter: timestamptz('start_after'),
  singletonKey: text('singleton_key'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  claimedUntil: timestamptz('claimed_until'),
})
