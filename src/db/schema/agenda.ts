// The digital agenda: agenda items, their amplification tasks and the posts a task produced
// (migration 0017_agenda.sql).
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const agendaItems = pgTable('agenda_items', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  title: text('title').notNull(),
  keyMessages: text('key_messages').array().notNull().default([]),
  mediaIds: uuid('media_ids').array().notNull().default([]),
  source: text('source').notNull().default(''),
  centralPostId: uuid('central_post_id'),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
})

export const agendaTasks = pgTable('agenda_tasks', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  accountId: uuid('account_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const agendaTaskPosts = pgTable('agenda_task_posts', {
  postId: uuid('post_id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  taskId: uuid('task_id').notNull(),
  mode: text('mode').$type<'adapt' | 'repost'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
