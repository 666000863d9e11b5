// Account connections and the sandbox network (Mode Latihan), migration 0008_connections_sandbox.sql.
import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
const at = (name: string) => timestamp(name, { withTimezone: true })

export type ConnectionState = 'connected' | 'needs_reconnect' | 'disconnected'

export const accountConnections = pgTable('account_connections', {
  accountId: uuid('account_id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  platform: text('platform').notNull(),
  state: text('state').$type<ConnectionState>().notNull(),
  credentials: text('credentials'),
  credentialsKeyId: text('credentials_key_id'),
  platformAccountId: text('platform_account_id'),
  platformHandle: text('platform_handle'),
  lastErrorKind: text('last_error_kind'),
  lastErrorMessage: text('last_error_message'),
  lastErrorAt: at('last_error_at'),
  lastSuccessAt: at('last_success_at'),
  connectedAt: at('connected_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  // 0021_oauth_webhooks.sql
  tokenExpiresAt: at('token_expires_at'),
  refreshExpiresAt: at('refresh_expires_at'),
  reconnectBy: at('reconnect_by'),
  grantedScopes: jsonb('granted_scopes').$type<string[]>(),
  missingFeatures: jsonb('missing_features').$type<string[]>(),
  expiryWarned7dFor: at('expiry_warned_7d_for'),
  expiryWarned1dFor: at('expiry_warned_1d_for'),
  // 0022_publishing_quotas.sql: the quota the platform last reported for the account
  quotaUsed: integer('quota_used'),
  quotaTotal: integer('quota_total'),
  quotaWindowSeconds: integer('quota_window_seconds'),
  quotaCheckedAt: at('quota_checked_at'),
})

export const sandboxAccounts = pgTable('sandbox_accounts', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  handle: text('handle').notNull(),
  displayName: text('display_name'),
  tokenHash: text('token_hash').notNull(),
  calls: bigint('calls', { mode: 'number' }).notNull().default(0),
  windowStartedAt: at('window_started_at'),
  windowCalls: integer('window_calls').notNull().default(0),
  createdAt: createdAt(),
})

export interface SandboxMediaRecord {
  kind: 'image' | 'video'
  mimeType: string
  byteLength: number
  altText: string
}

export const sandboxPosts = pgTable('sandbox_posts', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  sandboxAccountId: uuid('sandbox_account_id').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  text: text('text').notNull(),
  media: jsonb('media').$type<SandboxMediaRecord[]>().notNull().default([]),
  likes: integer('likes').notNull().default(0),
  shares: integer('shares').notNull().default(0),
  views: integer('views').notNull().default(0),
  citizenRounds: integer('citizen_rounds').notNull().default(0),
  createdAt: at('created_at').notNull(),
  deletedAt: at('deleted_at'),
})

export const sandboxInteractions = pgTable('sandbox_interactions', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  instansiId: uuid('instansi_id').notNull(),
  sandboxAccountId: uuid('sandbox_account_id').notNull(),
  postId: uuid('post_id'),
  parentId: uuid('parent_id'),
  kind: text('kind').$type<'comment' | 'reply' | 'mention'>().notNull(),
  own: boolean('own').notNull().default(false),
  authorHandle: text('author_handle').notNull(),
  authorName: text('author_name'),
  text: text('text').notNull(),
  createdAt: at('created_at').notNull(),
  hiddenAt: at('hidden_at'),
  deletedAt: at('deleted_at'),
})

// OAuth connects in flight and pushed deliveries, migration 0021_oauth_webhooks.sql.
export const oauthStates = pgTable('oauth_states', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  accountId: uuid('account_id').notNull(),
  userId: uuid('user_id').notNull(),
  platform: text('platform').notNull(),
  stateHash: text('state_hash').notNull().unique('oauth_states_hash_unique'),
  codeVerifier: text('code_verifier'),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: createdAt(),
})

/** One account a login may act for, as shown to the person choosing (connectors/oauth.ts OAuthAccountOption). */
export interface OAuthChoiceOption {
  platformAccountId: string
  name: string | null
  handle: string | null
  category: string | null
  url: string | null
}

// A login that manages several accounts, waiting for the person to choose one, migration 0023_oauth_choices.sql.
export const oauthChoices = pgTable('oauth_choices', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  accountId: uuid('account_id').notNull(),
  userId: uuid('user_id').notNull(),
  platform: text('platform').notNull(),
  tokens: text('tokens').notNull(),
  tokensKeyId: text('tokens_key_id').notNull(),
  options: jsonb('options').$type<OAuthChoiceOption[]>().notNull(),
  expiresAt: at('expires_at').notNull(),
  createdAt: createdAt(),
})

export type WebhookDeliveryStatus = 'pending' | 'processed'

export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: uuid('id').primaryKey(),
  platform: text('platform').notNull(),
  deliveryId: text('delivery_id').notNull(),
  sentAt: at('sent_at'),
  receivedAt: at('received_at').notNull(),
  events: jsonb('events').$type<unknown[]>().notNull(),
  status: text('status').$type<WebhookDeliveryStatus>().notNull(),
  matchedAccounts: integer('matched_accounts').notNull().default(0),
  processedAt: at('processed_at'),
})

export const webhookRejections = pgTable(
  'webhook_rejections',
  {
    platform: text('platform').notNull(),
    reason: text('reason').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    lastAt: at('last_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.reason] })],
)

/** Units of a metered quota spent per platform and quota day, deployment-wide (0022_publishing_quotas.sql). */
export const meteredQuotaUsage = pgTable(
  'metered_quota_usage',
  {
    platform: text('platform').notNull(),
    quotaDay: text('quota_day').notNull(),
    units: bigint('units', { mode: 'number' }).notNull().default(0),
    calls: bigint('calls', { mode: 'number' }).notNull().default(0),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.quotaDay] })],
)
