// Approval chains and notifications (migration 0011_approval_chains_notifications.sql), decisions on posts (0013).
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const timestamptz = (name: string) => timestamp(name, { withTimezone: true })

/** One step as stored; features/approvals/approval-chain.ts validates it on the way in and out. */
export interface StoredApprovalStep {
  kind: 'role' | 'users'
  role?: string
  userIds?: string[]
  mode: 'any' | 'all'
}

export const approvalChains = pgTable('approval_chains', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  unitId: uuid('unit_id'),
  accountId: uuid('account_id'),
  steps: jsonb('steps').$type<StoredApprovalStep[]>().notNull(),
  rescheduleRequiresApproval: boolean('reschedule_requires_approval').notNull().default(true),
  crisisApproverIds: jsonb('crisis_approver_ids').$type<string[]>().notNull().default([]),
  updatedBy: uuid('updated_by'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
})

export type NotificationEmailStatus = 'none' | 'pending' | 'digest' | 'sent'

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  recipientId: uuid('recipient_id').notNull(),
  kind: text('kind').notNull(),
  titleKey: text('title_key').notNull(),
  bodyKey: text('body_key').notNull(),
  params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
  link: text('link'),
  createdAt: timestamptz('created_at').notNull(),
  readAt: timestamptz('read_at'),
  emailStatus: text('email_status').$type<NotificationEmailStatus>().notNull().default('none'),
  mailedAt: timestamptz('mailed_at'),
})

/** One decision on a submitted post (migration 0013_post_approval_decisions.sql). */
export const postApprovalDecisions = pgTable('post_approval_decisions', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  postId: uuid('post_id').notNull(),
  round: integer('round').notNull(),
  step: integer('step').notNull(),
  userId: uuid('user_id').notNull(),
  verdict: text('verdict').notNull(),
  comment: text('comment'),
  crisis: boolean('crisis').notNull().default(false),
  decidedAt: timestamptz('decided_at').notNull().defaultNow(),
})
