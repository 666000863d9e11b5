// Loads backup lines (see backup-format.ts) into an empty, migrated database in one transaction: either the
// whole backup is restored or nothing is. Rows go in through jsonb_populate_recordset in batches, parents first,
// so every foreign key and constraint is checked as usual; audit_log rows are inserted unchanged (its trigger
// forbids only updates and deletes), so the hash chain verifies after restore.
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
  BackupError,
  classifyLine,
  compareMigrations,
  parseHeader,
  type BackupHeader,
  type BackupTrailer,
  type TableSection,
} from './backup-format.ts'

export interface ImportResult {
  header: BackupHeader
  tables: number
  rows: number
  /** Migrations the target has that the backup predates (their new columns took defaults). */
  newerInTarget: string[]
}

const BATCH_ROWS = 500
const BATCH_CHARS = 4_000_000
// A deployment "has data" once someone created an instansi or anything was audited; until then only rows that
// migrations seed and the generated secret exist, and restore replaces those with the backup's.
const DATA_TABLES = ['instansi', 'users', 'audit_log']

export async function importDatabase(
  database: Database,
  lines: AsyncIterable<string>,
): Promise<ImportResult> {
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  const header = parseHeader(first.done ? undefined : first.value)
  const { missingInTarget, newerInTarget } = compareMigrations(
    header.migrations,
    await readAppliedMigrations(database.db),
  )
  if (missingInTarget.length > 0) {
    throw new BackupError('cli.backup_from_newer_warta', { migrations: missingInTarget })
  }

  return database.db.transaction(async (tx) => {
    await refuseNonEmpty(tx)
    const catalog = new Map((await readBackupCatalog(tx)).map((table) => [table.name, table]))
    for (const table of [...catalog.values()].reverse())
      await tx.execute(sql`delete from ${sql.identifier(table.name)}`)

    let lineNumber = 1
    let section: { table: BackupTable; columns: string[] } | undefined
    let batch: string[] = []
    let batchChars = 0
    let rows = 0
    let tables = 0
    let trailer: BackupTrailer | undefined
    const flush = async (): Promise<void> => {
      if (!section || batch.length === 0) return
      await insertBatch(tx, section.table, section.columns, `[${batch.join(',')}]`)
      batch = []
      batchChars = 0
    }
    const finishSection = async (): Promise<void> => {
      await flush()
      if (section && section.table.selfReferences.length > 0)
        await moveStagedRows(tx, section.table, section.columns)
    }

    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber += 1
      if (next.value === '') continue
      if (trailer) throw new BackupError('cli.backup_line_after_end', { line: lineNumber })
      const line = classifyLine(next.value, lineNumber)
      switch (line.kind) {
        case 'row':
          if (!section) throw new BackupError('cli.backup_row_before_table', { line: lineNumber })
          batch.push(line.json)
          batchChars += line.json.length
          rows += 1
          if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush()
          break
        case 'table':
          await finishSection()
          section = openSection(catalog, line.section)
          tables += 1
          if (section.table.selfReferences.length > 0) await createStage(tx, section.table)
          break
        case 'sequence': {
          await finishSection()
          section = undefined
          const owned = (await readOwnedSequences(tx)).find(
            (candidate) =>
              candidate.table === line.sequence.table && candidate.column === line.sequence.column,
          )
          if (owned) {
            await tx.execute(
              sql`select setval(${`public.${quoteIdent(owned.sequence)}`}::regclass, ${line.sequence.value}, ${line.sequence.isCalled})`,
            )
          }
          break
        }
        case 'end':
          await finishSection()
          section = undefined
          trailer = line.trailer
          break
        default: {
          const unreachable: never = line
          throw new BackupError('cli.backup_line_unknown', { line: JSON.stringify(unreachable) })
        }
      }
    }
    if (!trailer) {
      throw new BackupError('cli.backup_truncated')
    }
    if (trailer.rows !== rows || trailer.tables !== tables) {
      throw new BackupError('cli.backup_counts_differ', {
        expectedRows: trailer.rows,
        expectedTables: trailer.tables,
        rows,
        tables,
      })
    }
    return { header, tables, rows, newerInTarget }
  })
}

async function refuseNonEmpty(db: SqlExecutor): Promise<void> {
  for (const table of DATA_TABLES) {
    const [row] = rowsOf<{ present: boolean }>(
      await db.execute(sql`select exists (select 1 from ${sql.identifier(table)}) as present`),
    )
    if (row?.present) {
      throw new BackupError('cli.backup_target_not_empty', { table })
    }
  }
}

function openSection(
  catalog: Map<string, BackupTable>,
  section: TableSection,
): { table: BackupTable; columns: string[] } {
  const table = catalog.get(section.table)
  if (!table) throw new BackupError('cli.backup_unknown_table', { table: section.table })
  const known = new Set(table.columns)
  const unknown = section.columns.filter((column) => !known.has(column))
  if (unknown.length > 0) {
    throw new BackupError('cli.backup_unknown_columns', { table: section.table, columns: unknown })
  }
  // Only the backup's columns: columns added by later migrations take their defaults.
  return { table, columns: section.columns }
}

const STAGE = 'warta_restore_stage'

function columnList(columns: string[]): SQL {
  return sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  )
}

async function insertBatch(
  db: SqlExecutor,
  table: BackupTable,
  columns: string[],
  json: string,
): Promise<void> {
  const target =
    table.selfReferences.length > 0
      ? sql`pg_temp.${sql.identifier(STAGE)}`
      : sql`${sql.identifier(table.name)}`
  const overriding = table.selfReferences.length > 0 ? sql`` : sql`overriding system value`
  await db.execute(
    sql`insert into ${target} (${columnList(columns)}) ${overriding}
        select ${columnList(columns)} from jsonb_populate_recordset(null::${sql.identifier(table.name)}, ${json}::jsonb)`,
  )
}

async function createStage(db: SqlExecutor, table: BackupTable): Promise<void> {
  await db.execute(sql`drop table if exists pg_temp.${sql.identifier(STAGE)}`)
  await db.execute(
    sql`create temp table ${sql.identifier(STAGE)} (like ${sql.identifier(table.name)}) on commit drop`,
  )
}

/** Rows of a self-referencing table go in one generation at a time: those whose parent is already present. */
async function moveStagedRows(db: SqlExecutor, table: BackupTable, columns: string[]): Promise<void> {
  const stage = sql`pg_temp.${sql.identifier(STAGE)}`
  const ready = sql.join(
    table.selfReferences.map((reference) => {
      const anyNull = sql.join(
        reference.columns.map((column) => sql`s.${sql.identifier(column)} is null`),
        sql` or `,
      )
      const matches = sql.join(
        reference.columns.map(
          (column, index) =>
            sql`p.${sql.identifier(reference.referenced[index]!)} = s.${sql.identifier(column)}`,
        ),
        sql` and `,
      )
      return sql`(${anyNull} or exists (select 1 from ${sql.identifier(table.name)} p where ${matches}))`
    }),
    sql` and `,
  )
  for (;;) {
    const moved = rowsOf<{ n: number }>(
      await db.execute(sql`
        with moved as (delete from ${stage} s where ${ready} returning s.*),
             inserted as (insert into ${sql.identifier(table.name)} (${columnList(columns)}) overriding system value
                          select ${columnList(columns)} from moved returning 1)
        select count(*)::int as n from inserted`),
    )[0]!.n
    const [left] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${stage}`))
    if (left!.n === 0) break
    if (moved === 0) {
      throw new BackupError('cli.backup_row_cycle', { table: table.name })
    }
  }
  await db.execute(sql`drop table ${stage}`)
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
