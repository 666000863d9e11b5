// Drizzle table definitions. They mirror the SQL in src/db/migrations/ (hand-written so that triggers and
// partial indexes live beside the tables); src/db/schema-matches-migrations.int.test.ts proves they agree.
// Feature areas add their tables in their own file in this folder, re-exported from index.ts.
import {
  bigserial,
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const instansi = pgTable('instansi', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  parentId: uuid('parent_id'),
  path: text('path').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('unit'),
  /** How citizens reach the unit, in its own words (migration 0029): a saved reply's {kontak_unit}. */
  contact: text('contact').notNull().default(''),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  locale: text('locale').notNull().default('id'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  oidcSubject: text('oidc_subject'),
  /** E-mail for notifications: each at once, a daily digest, or none (migration 0011). */
  notificationEmail: text('notification_email')
    .$type<'immediately' | 'daily' | 'none'>()
    .notNull()
    .default('immediately'),
  /** Mode Latihan: this user's posts go only to sandbox accounts (migration 0018). */
  trainingMode: boolean('training_mode').notNull().default(false),
  trainingModeSince: timestamp('training_mode_since', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull(),
  grantedBy: uuid('granted_by'),
  createdAt: createdAt(),
})

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chain: text('chain').notNull(),
  instansiId: uuid('instansi_id'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  hashVersion: smallint('hash_version').notNull().default(1),
})

export const settings = pgTable(
  'settings',
  {
    instansiId: uuid('instansi_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.instansiId, table.key] })],
)

export const deploymentSettings = pgTable('deployment_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
})
