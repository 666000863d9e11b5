// Identity tables (migrations 0001_identity*.sql, 0007_identity_password_reset.sql): sessions, API tokens, recovery
// codes, login attempts, pending OpenID Connect logins and password resets by e-mail.
import { bigint, bigserial, boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const timestamptz = (name: string) => timestamp(name, { withTimezone: true })

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  csrfToken: text('csrf_token').notNull(),
  twoFactorPassed: boolean('two_factor_passed').notNull().default(false),
  method: text('method', { enum: ['password', 'oidc', 'setup'] }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  revokedAt: timestamptz('revoked_at'),
})

export interface StoredTokenGrant {
  unitId: string
  role: string
}

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  tokenHint: text('token_hint').notNull(),
  grants: jsonb('grants').$type<StoredTokenGrant[]>().notNull(),
  expiresAt: timestamptz('expires_at'),
  lastUsedAt: timestamptz('last_used_at'),
  revokedAt: timestamptz('revoked_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
})

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  userId: uuid('user_id').notNull(),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamptz('used_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
})

export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ip: text('ip').notNull(),
  email: text('email').notNull(),
  succeeded: boolean('succeeded').notNull(),
  attemptedAt: timestamptz('attempted_at').notNull().defaultNow(),
})

export const oidcLoginStates = pgTable('oidc_login_states', {
  stateHash: text('state_hash').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
})

export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey(),
  ip: text('ip').notNull(),
  email: text('email').notNull(),
  requestedAt: timestamptz('requested_at').notNull(),
  handledAt: timestamptz('handled_at'),
  instansiId: uuid('instansi_id'),
  userId: uuid('user_id'),
  tokenHash: text('token_hash').unique(),
  sentAt: timestamptz('sent_at'),
  expiresAt: timestamptz('expires_at'),
  usedAt: timestamptz('used_at'),
})

export const totpUsedSteps = pgTable('totp_used_steps', {
  userId: uuid('user_id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  lastStep: bigint('last_step', { mode: 'number' }).notNull(),
  usedAt: timestamptz('used_at').notNull().defaultNow(),
})
