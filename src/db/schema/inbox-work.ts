// Working the inbox: replies, notes, presence and saved views (migration 0028_inbox_work.sql).
import type { InboxReplyStatus } from '../../shared/statuses.ts'
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true })

// 0031_reply_sending.sql: `sending` is committed before the platform call; `unconfirmed` waits for a person.
export type { InboxReplyStatus }
export type InboxNoteKind = 'note' | 'handover'

export const inboxReplies = pgTable('inbox_replies', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  itemId: uuid('item_id').notNull(),
  threadId: uuid('thread_id').notNull(),
  authorUserId: uuid('author_user_id'),
  body: text('body').notNull(),
  status: text('status').$type<InboxReplyStatus>().notNull(),
  platformReplyId: text('platform_reply_id'),
  url: text('url'),
  error: text('error'),
  // 0031_reply_sending.sql: the connector's error kind, the reason in the catalogue's words, the attempt's start.
  errorKind: text('error_kind'),
  errorKey: text('error_key'),
  errorParams: jsonb('error_params').$type<Record<string, string | number>>(),
  sendingAt: at('sending_at'),
  attempts: integer('attempts').notNull().default(0),
  decidedByUserId: uuid('decided_by_user_id'),
  decidedAt: at('decided_at'),
  sentAt: at('sent_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

export const inboxNotes = pgTable('inbox_notes', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  itemId: uuid('item_id').notNull(),
  threadId: uuid('thread_id').notNull(),
  authorUserId: uuid('author_user_id'),
  kind: text('kind').$type<InboxNoteKind>().notNull(),
  body: text('body').notNull(),
  createdAt: at('created_at').notNull(),
})

export const inboxPresence = pgTable(
  'inbox_presence',
  {
    threadId: uuid('thread_id').notNull(),
    userId: uuid('user_id').notNull(),
    instansiId: uuid('instansi_id').notNull(),
    unitPath: text('unit_path').notNull(),
    itemId: uuid('item_id').notNull(),
    typing: boolean('typing').notNull().default(false),
    openedAt: at('opened_at').notNull(),
    seenAt: at('seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.threadId, table.userId] })],
)

export const inboxSavedViews = pgTable('inbox_saved_views', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: at('created_at').notNull(),
})
