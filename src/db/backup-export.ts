// Writes the whole database as backup lines (see backup-format.ts), table by table in pages, inside one
// repeatable-read transaction: a consistent snapshot without holding more than one page in memory.
import { sql, type SQL } from 'drizzle-orm'
import { rowsOf } from './sql-helpers.ts'
import type { Database } from './open-database.ts'
import {
  readAppliedMigrations,
  readBackupCatalog,
  readOwnedSequences,
  type BackupTable,
  type SqlExecutor,
} from './backup-catalog.ts'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  rowLine,
  type BackupHeader,
  type BackupTrailer,
  type SequenceValue,
} from './backup-format.ts'

export interface ExportOptions {
  pageSize?: number
  now?: Date
}

export type LineSink = (line: string) => Promise<void>

export async function exportDatabase(
  database: Database,
  write: LineSink,
  options: ExportOptions = {},
): Promise<BackupTrailer> {
  const pageSize = options.pageSize ?? 1000
  return database.db.transaction(
    async (tx) => {
      // Timestamps print in UTC whatever the server's zone, so backups of equal data are equal files.
      await tx.execute(sql`set local timezone to 'UTC'`)
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        engine: database.engine,
        migrations: await readAppliedMigrations(tx),
      }
      await write(JSON.stringify(header))
      const tables = await readBackupCatalog(tx)
      let rows = 0
      for (const table of tables) {
        await write(JSON.stringify({ table: table.name, columns: table.columns }))
        rows += await exportTable(tx, table, pageSize, write)
      }
      for (const owned of await readOwnedSequences(tx)) {
        const [state] = rowsOf<{ last_value: number | string; is_called: boolean }>(
          await tx.execute(sql`select last_value, is_called from ${sql.identifier(owned.sequence)}`),
        )
        const sequence: SequenceValue = {
          table: owned.table,
          column: owned.column,
          value: Number(state!.last_value),
          isCalled: state!.is_called,
        }
        await write(JSON.stringify({ sequence }))
      }
      const trailer: BackupTrailer = { end: true, tables: tables.length, rows }
      await write(JSON.stringify(trailer))
      return trailer
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

async function exportTable(
  db: SqlExecutor,
  table: BackupTable,
  pageSize: number,
  write: LineSink,
): Promise<number> {
  const name = sql.identifier(table.name)
  let count = 0
  if (table.primaryKey.length > 0) {
    // Keyset paging on the primary key; the previous page's last row, fed back through jsonb_populate_record,
    // gives the key in its own column types without this code knowing them.
    const keyOf = (alias: string): SQL =>
      sql.join(
        table.primaryKey.map((column) => sql`${sql.identifier(alias)}.${sql.identifier(column)}`),
        sql`, `,
      )
    let last: string | undefined
    for (;;) {
      const after: SQL = last
        ? sql`where (${keyOf('t')}) > (select ${keyOf('l')} from jsonb_populate_record(null::${name}, ${last}::jsonb) l)`
        : sql``
      const page = rowsOf<{ r: string }>(
        await db.execute(
          sql`select to_jsonb(t)::text as r from ${name} t ${after} order by ${keyOf('t')} limit ${pageSize}`,
        ),
      )
      for (const row of page) await write(rowLine(row.r))
      count += page.length
      if (page.length < pageSize) return count
      last = page[page.length - 1]!.r
    }
  }
  // No primary key: the physical row id is stable inside this snapshot.
  let lastCtid = '(0,0)'
  for (;;) {
    const page = rowsOf<{ r: string; c: string }>(
      await db.execute(
        sql`select to_jsonb(t)::text as r, t.ctid::text as c from ${name} t where t.ctid > ${lastCtid}::tid order by t.ctid limit ${pageSize}`,
      ),
    )
    for (const row of page) await write(rowLine(row.r))
    count += page.length
    if (page.length < pageSize) return count
    lastCtid = page[page.length - 1]!.c
  }
}
