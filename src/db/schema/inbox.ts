// The inbox: threads, items and the polling cursors (migration 0026_inbox.sql).
import {
  boolean,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import type { InboxItemKind, InboxStatus } from '../../shared/statuses.ts'

const at = (name: string) => timestamp(name, { withTimezone: true })

export const inboxThreads = pgTable('inbox_threads', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  accountId: uuid('account_id').notNull(),
  platform: text('platform').notNull(),
  rootExternalId: text('root_external_id').notNull(),
  postVariantId: uuid('post_variant_id'),
  firstItemAt: at('first_item_at').notNull(),
  lastItemAt: at('last_item_at').notNull(),
})

export const inboxItems = pgTable('inbox_items', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  accountId: uuid('account_id').notNull(),
  threadId: uuid('thread_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  unitPath: text('unit_path').notNull(),
  platform: text('platform').notNull(),
  externalId: text('external_id').notNull(),
  kind: text('kind').$type<InboxItemKind>().notNull(),
  parentExternalId: text('parent_external_id'),
  rootExternalId: text('root_external_id'),
  authorExternalId: text('author_external_id').notNull(),
  authorHandle: text('author_handle').notNull(),
  authorName: text('author_name'),
  body: text('body').notNull(),
  url: text('url'),
  createdAt: at('created_at').notNull(),
  receivedAt: at('received_at').notNull(),
  editedAt: at('edited_at'),
  deletedAt: at('deleted_at'),
  status: text('status').$type<InboxStatus>().notNull().default('new'),
  classifiedAt: at('classified_at'),
  sentiment: text('sentiment'),
  sentimentScore: real('sentiment_score'),
  abusive: boolean('abusive'),
  hateSpeech: boolean('hate_speech'),
  intent: text('intent'),
  intentScore: real('intent_score'),
  hoaxClaimId: uuid('hoax_claim_id'),
  hoaxScore: real('hoax_score'),
  priority: smallint('priority').notNull().default(0),
  assignedUserId: uuid('assigned_user_id'),
  slaDueAt: at('sla_due_at'),
  // 0027: the due time ran into a year without a holiday table and may move.
  slaProvisional: boolean('sla_provisional').notNull().default(false),
  firstResponseAt: at('first_response_at'),
  closedAt: at('closed_at'),
  duplicateOf: uuid('duplicate_of'),
  labels: text('labels').array().notNull().default([]),
  // Hidden on the platform by the office (0028_inbox_work.sql).
  hiddenAt: at('hidden_at'),
  updatedAt: at('updated_at').notNull(),
  // 0030_inbox_ingest.sql: the normalised text's hash, for duplicate and wave folding.
  bodyFingerprint: text('body_fingerprint'),
})

export const inboxCursors = pgTable(
  'inbox_cursors',
  {
    accountId: uuid('account_id').notNull(),
    stream: text('stream').notNull().default('interactions'),
    cursor: text('cursor'),
    backfilledAt: at('backfilled_at'),
    lastPolledAt: at('last_polled_at'),
    lastSuccessAt: at('last_success_at'),
    lastItemAt: at('last_item_at'),
    behindSince: at('behind_since'),
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error'),
    // 0030_inbox_ingest.sql: when the scheduler polls the account next.
    nextPollAt: at('next_poll_at'),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.stream] })],
)
