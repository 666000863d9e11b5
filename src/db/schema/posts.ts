// Posts, their per-account variants, and uploaded media. Mirrors src/db/migrations/0010_posts_media.sql.
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export interface VariantMediaRef {
  mediaId: string
  altText: string
}

export interface StoredFinding {
  /** 'base' or the variant's account id. */
  scope: string
  code: string
  severity: 'block' | 'warn'
  start: number
  end: number
  message: string
}

export const media = pgTable('media', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  storageKey: text('storage_key').notNull(),
  thumbnailKey: text('thumbnail_key'),
  mimeType: text('mime_type').notNull(),
  kind: text('kind').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  width: integer('width'),
  height: integer('height'),
  sha256: text('sha256').notNull(),
  originalName: text('original_name'),
  createdAt: createdAt(),
})

export const posts = pgTable('posts', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  authorId: uuid('author_id').notNull(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  baseText: text('base_text').notNull().default(''),
  source: text('source').notNull().default(''),
  verificationNote: text('verification_note').notNull().default(''),
  fiveWOneH: jsonb('five_w_one_h').$type<Record<string, string>>().notNull().default({}),
  tags: text('tags').array().notNull().default([]),
  campaign: text('campaign'),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  crisis: boolean('crisis').notNull().default(false),
  status: text('status').notNull().default('draft'),
  submittedFindings: jsonb('submitted_findings').$type<StoredFinding[]>(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  overrideReason: text('override_reason'),
  overrideBy: uuid('override_by'),
  overrideAt: timestamp('override_at', { withTimezone: true }),
  /** The approval round (migration 0013): bumped at each submission and at a reschedule that needs approval. */
  approvalRound: integer('approval_round').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const postVariants = pgTable('post_variants', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  postId: uuid('post_id').notNull(),
  accountId: uuid('account_id').notNull(),
  text: text('text').notNull().default(''),
  media: jsonb('media').$type<VariantMediaRef[]>().notNull().default([]),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastErrorKind: text('last_error_kind'),
  lastErrorMessage: text('last_error_message'),
  platformPostId: text('platform_post_id'),
  platformPostUrl: text('platform_post_url'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** When a publish job was last asked for (migration 0012): the sweeper skips a variant whose job is on its way. */
  enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
  /** The latest metrics reading (migration 0014), copied from post_metrics when it is fetched. */
  metrics: jsonb('metrics').$type<StoredMetrics>(),
  metricsAt: timestamp('metrics_at', { withTimezone: true }),
})

/** A metrics reading as stored: a platform that does not count one leaves it null. */
export interface StoredMetrics {
  likes: number | null
  shares: number | null
  replies: number | null
  quotes: number | null
  views: number | null
}

/** The planned readings after publishing (migration 0014). */
export const postMetrics = pgTable('post_metrics', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  variantId: uuid('variant_id').notNull(),
  checkpoint: text('checkpoint').$type<'1h' | '24h' | '7d'>().notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  metrics: jsonb('metrics').$type<StoredMetrics>(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: createdAt(),
})
