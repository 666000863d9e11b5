// CSV imports of the account registry, run as background jobs (migration 0006_account_registry.sql).
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const accountImports = pgTable('account_imports', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  actorLabel: text('actor_label').notNull(),
  actorVia: text('actor_via').notNull(),
  actorGrants: jsonb('actor_grants').$type<Array<{ unitId: string; role: string }>>().notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  csv: text('csv'),
  mode: text('mode').$type<'preview' | 'apply'>().notNull(),
  status: text('status').$type<AccountImportStatus>().notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdCount: integer('created_count').notNull().default(0),
  updatedCount: integer('updated_count').notNull().default(0),
  unchangedCount: integer('unchanged_count').notNull().default(0),
  rejectedCount: integer('rejected_count').notNull().default(0),
  failure: jsonb('failure').$type<{ key: string; params?: Record<string, unknown> }>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
})

export type AccountImportStatus = 'queued' | 'running' | 'previewed' | 'done' | 'failed' | 'discarded'

export const accountImportItems = pgTable(
  'account_import_items',
  {
    importId: uuid('import_id').notNull(),
    instansiId: uuid('instansi_id').notNull(),
    phase: text('phase').$type<'preview' | 'apply'>().notNull(),
    line: integer('line').notNull(),
    outcome: text('outcome').$type<'create' | 'update' | 'error'>().notNull(),
    platform: text('platform'),
    handle: text('handle'),
    unitCode: text('unit_code'),
    changed: jsonb('changed').$type<string[]>(),
    problems:
      jsonb('problems').$type<Array<{ column: string; key: string; params?: Record<string, unknown> }>>(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.phase, table.line] })],
)
