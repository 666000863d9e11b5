// Organisation tables: unit attributes, the official account registry and per-instansi calendar edits.
// Mirrors src/db/migrations/0002_organisation.sql (and 0006_account_registry.sql for the account columns).
import { boolean, date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const unitAttributes = pgTable('unit_attributes', {
  unitId: uuid('unit_id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
  updatedAt: updatedAt(),
})

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  instansiId: uuid('instansi_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  platform: text('platform').notNull(),
  handle: text('handle').notNull(),
  handleDisplay: text('handle_display'),
  displayName: text('display_name'),
  url: text('url').notNull(),
  penanggungJawabUserId: uuid('penanggung_jawab_user_id').notNull(),
  verificationStatus: text('verification_status').notNull().default('unverified'),
  platformTwoFactor: boolean('platform_two_factor').notNull().default(false),
  credentialRotatedOn: date('credential_rotated_on', { mode: 'string' }),
  status: text('status').notNull().default('active'),
  notes: text('notes').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const accountPengelola = pgTable(
  'account_pengelola',
  {
    accountId: uuid('account_id').notNull(),
    instansiId: uuid('instansi_id').notNull(),
    userId: uuid('user_id').notNull(),
    suratTugasNumber: text('surat_tugas_number'),
    suratTugasDate: date('surat_tugas_date', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.userId] })],
)

export const calendarDays = pgTable(
  'calendar_days',
  {
    instansiId: uuid('instansi_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.instansiId, table.day] })],
)
