// The account_imports table (one CSV import of the account registry, worked through by a job) with its child
// table account_import_items (what each row would do or could not do). Every query filters on instansi_id.
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accountImportItems, accountImports, type AccountImportStatus } from './schema/index.ts'

export type AccountImportRow = Omit<typeof accountImports.$inferSelect, 'csv'>
export type AccountImportItemRow = typeof accountImportItems.$inferSelect
export type NewAccountImport = typeof accountImports.$inferInsert
export type NewAccountImportItem = typeof accountImportItems.$inferInsert

/** Every column but the file itself, which only the job reads. */
const importColumns = {
  id: accountImports.id,
  instansiId: accountImports.instansiId,
  requestedBy: accountImports.requestedBy,
  actorLabel: accountImports.actorLabel,
  actorVia: accountImports.actorVia,
  actorGrants: accountImports.actorGrants,
  ip: accountImports.ip,
  userAgent: accountImports.userAgent,
  mode: accountImports.mode,
  status: accountImports.status,
  totalRows: accountImports.totalRows,
  processedRows: accountImports.processedRows,
  createdCount: accountImports.createdCount,
  updatedCount: accountImports.updatedCount,
  unchangedCount: accountImports.unchangedCount,
  rejectedCount: accountImports.rejectedCount,
  failure: accountImports.failure,
  createdAt: accountImports.createdAt,
  updatedAt: accountImports.updatedAt,
  finishedAt: accountImports.finishedAt,
}

export async function insertAccountImport(db: Db, row: NewAccountImport): Promise<void> {
  await db.insert(accountImports).values(row)
}

export async function getAccountImport(
  db: Db,
  instansiId: string,
  id: string,
): Promise<AccountImportRow | undefined> {
  const [row] = await db
    .select(importColumns)
    .from(accountImports)
    .where(and(eq(accountImports.instansiId, instansiId), eq(accountImports.id, id)))
  return row
}

/** The file of an import (null once applied or discarded). */
export async function getAccountImportCsv(db: Db, instansiId: string, id: string): Promise<string | null> {
  const [row] = await db
    .select({ csv: accountImports.csv })
    .from(accountImports)
    .where(and(eq(accountImports.instansiId, instansiId), eq(accountImports.id, id)))
  return row?.csv ?? null
}

/** The latest imports one user asked for, newest first. */
export async function listAccountImportsOf(
  db: Db,
  instansiId: string,
  userId: string,
  limit: number,
): Promise<AccountImportRow[]> {
  return db
    .select(importColumns)
    .from(accountImports)
    .where(and(eq(accountImports.instansiId, instansiId), eq(accountImports.requestedBy, userId)))
    .orderBy(desc(accountImports.createdAt))
    .limit(limit)
}

/** Locks the import row for one batch (the job's claim); another worker working on it makes this return none. */
export async function lockAccountImport(tx: Db, instansiId: string, id: string): Promise<AccountImportRow[]> {
  return tx
    .select(importColumns)
    .from(accountImports)
    .where(and(eq(accountImports.instansiId, instansiId), eq(accountImports.id, id)))
    .for('update', { skipLocked: true })
}

export interface AccountImportChange {
  mode?: 'preview' | 'apply'
  status?: AccountImportStatus
  totalRows?: number
  processedRows?: number
  createdCount?: number
  updatedCount?: number
  unchangedCount?: number
  rejectedCount?: number
  failure?: { key: string; params?: Record<string, unknown> } | null
  finishedAt?: Date | null
  /** Set to null to drop the file once it is no longer needed. */
  csv?: null
}

export async function updateAccountImport(
  db: Db,
  instansiId: string,
  id: string,
  change: AccountImportChange,
  now: Date,
): Promise<void> {
  await db
    .update(accountImports)
    .set({ ...change, updatedAt: now })
    .where(and(eq(accountImports.instansiId, instansiId), eq(accountImports.id, id)))
}

/** Discards the user's imports still waiting for confirmation (a new upload replaces them); returns their ids. */
export async function discardPendingImportsOf(
  db: Db,
  instansiId: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(accountImports)
    .set({ status: 'discarded', csv: null, updatedAt: now, finishedAt: now })
    .where(
      and(
        eq(accountImports.instansiId, instansiId),
        eq(accountImports.requestedBy, userId),
        eq(accountImports.mode, 'preview'),
        inArray(accountImports.status, ['queued', 'running', 'previewed']),
      ),
    )
    .returning({ id: accountImports.id })
  return rows.map((row) => row.id)
}

export async function insertAccountImportItems(
  db: Db,
  items: readonly NewAccountImportItem[],
): Promise<void> {
  for (let start = 0; start < items.length; start += 500)
    await db.insert(accountImportItems).values(items.slice(start, start + 500))
}

/** Clears the items of a phase (an apply that is started again after a crash writes them anew). */
export async function deleteAccountImportItems(
  db: Db,
  instansiId: string,
  importId: string,
  phase: 'preview' | 'apply',
): Promise<void> {
  await db
    .delete(accountImportItems)
    .where(
      and(
        eq(accountImportItems.instansiId, instansiId),
        eq(accountImportItems.importId, importId),
        eq(accountImportItems.phase, phase),
      ),
    )
}

export interface AccountImportItemFilter {
  instansiId: string
  importId: string
  phase: 'preview' | 'apply'
  outcome?: 'create' | 'update' | 'error' | undefined
}

export async function listAccountImportItems(
  db: Db,
  filter: AccountImportItemFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AccountImportItemRow[]; total: number }> {
  const conditions: SQL[] = [
    eq(accountImportItems.instansiId, filter.instansiId),
    eq(accountImportItems.importId, filter.importId),
    eq(accountImportItems.phase, filter.phase),
  ]
  if (filter.outcome) conditions.push(eq(accountImportItems.outcome, filter.outcome))
  const where = and(...conditions)
  const items = await db
    .select()
    .from(accountImportItems)
    .where(where)
    .orderBy(asc(accountImportItems.line))
    .limit(page.limit)
    .offset(page.offset)
  const [total] = await db.select({ n: count() }).from(accountImportItems).where(where)
  return { items, total: total?.n ?? 0 }
}
