// The backup file format: gzip'd JSON Lines, engine-neutral so a PGlite backup restores into PostgreSQL and back.
//
//   {"format":"warta-backup","version":1,"createdAt":…,"engine":"pglite","migrations":["0000_core",…]}
//   {"table":"instansi","columns":["id","slug",…]}        one section per table, parents before children
//   {"r":{…}}                                              one line per row: PostgreSQL's own to_jsonb(row)
//   {"sequence":{"table":"audit_log","column":"id","value":42,"isCalled":true}}
//   {"end":true,"tables":12,"rows":3456}                   trailer: a truncated file has none and is refused
//
// Rows are PostgreSQL's to_jsonb() text and go back in through jsonb_populate_recordset(), so every value
// (timestamps to the microsecond, jsonb, numeric, bytea) makes the round trip through the database's own
// conversions, not JavaScript's.
import type { TerminalMessageKey } from '../shared/messages/terminal-catalogue.ts'
import type { MessageParams } from '../shared/messages/format-message.ts'
import { formatTerminalMessage } from '../shared/messages/terminal-catalogue.ts'

export const BACKUP_FORMAT = 'warta-backup'
export const BACKUP_VERSION = 1
/** Row lines start with this exact prefix, so restore can take the row text without parsing it. */
export const ROW_PREFIX = '{"r":'

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  engine: string
  migrations: string[]
}

export interface TableSection {
  table: string
  columns: string[]
}

export interface SequenceValue {
  table: string
  column: string
  value: number
  isCalled: boolean
}

export interface BackupTrailer {
  end: true
  tables: number
  rows: number
}

/** A backup that cannot be read or restored; `key`/`params` name the catalogue message that says what to do. */
export class BackupError extends Error {
  readonly key: TerminalMessageKey
  readonly params: MessageParams

  constructor(key: TerminalMessageKey, params: MessageParams = {}) {
    super(formatTerminalMessage('id', key, params))
    this.name = 'BackupError'
    this.key = key
    this.params = params
  }
}

export function rowLine(rowJson: string): string {
  return `${ROW_PREFIX}${rowJson}}`
}

/** The row's JSON text from a row line, without a parse and re-serialise round trip. */
export function rowJsonOf(line: string): string {
  return line.slice(ROW_PREFIX.length, -1)
}

export function parseHeader(line: string | undefined): BackupHeader {
  let value: unknown
  try {
    value = line === undefined ? undefined : JSON.parse(line)
  } catch {
    value = undefined
  }
  const header = value as Partial<BackupHeader> | undefined
  if (!header || header.format !== BACKUP_FORMAT) {
    throw new BackupError('cli.backup_not_a_backup')
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError('cli.backup_wrong_version', {
      version: String(header.version),
      supported: BACKUP_VERSION,
    })
  }
  if (!Array.isArray(header.migrations) || !header.migrations.every((name) => typeof name === 'string')) {
    throw new BackupError('cli.backup_no_migrations')
  }
  return header as BackupHeader
}

export type BackupLine =
  | { kind: 'row'; json: string }
  | { kind: 'table'; section: TableSection }
  | { kind: 'sequence'; sequence: SequenceValue }
  | { kind: 'end'; trailer: BackupTrailer }

export function classifyLine(line: string, lineNumber: number): BackupLine {
  if (line.startsWith(ROW_PREFIX)) return { kind: 'row', json: rowJsonOf(line) }
  let value: Record<string, unknown>
  try {
    value = JSON.parse(line) as Record<string, unknown>
  } catch {
    throw new BackupError('cli.backup_line_not_json', { line: lineNumber })
  }
  if (typeof value.table === 'string' && Array.isArray(value.columns)) {
    return { kind: 'table', section: { table: value.table, columns: value.columns as string[] } }
  }
  if (value.sequence && typeof value.sequence === 'object')
    return { kind: 'sequence', sequence: value.sequence as SequenceValue }
  if (value.end === true) return { kind: 'end', trailer: value as unknown as BackupTrailer }
  throw new BackupError('cli.backup_line_unknown', { line: lineNumber })
}

/**
 * Which migrations the target lacks or has extra. A backup restores into a database at the same migration or a
 * later one (new columns take their defaults); a backup from a newer Warta cannot be restored by an older one.
 */
export function compareMigrations(
  backup: string[],
  target: string[],
): { missingInTarget: string[]; newerInTarget: string[] } {
  const targetSet = new Set(target)
  const backupSet = new Set(backup)
  return {
    missingInTarget: backup.filter((name) => !targetSet.has(name)),
    newerInTarget: target.filter((name) => !backupSet.has(name)),
  }
}

export interface TableDependencies {
  name: string
  /** Tables this one references through a foreign key (itself excluded). */
  references: string[]
}

/** Parents before children (stable by name), so restore can insert with every foreign key checked. */
export function orderByDependencies<T extends TableDependencies>(tables: T[]): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]))
  const ordered: T[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (table: T, trail: string[]): void => {
    const seen = state.get(table.name)
    if (seen === 'done') return
    if (seen === 'visiting') {
      throw new BackupError('cli.backup_table_cycle', { tables: [...trail, table.name].join(' → ') })
    }
    state.set(table.name, 'visiting')
    for (const parent of [...table.references].sort()) {
      const parentTable = byName.get(parent)
      if (parentTable && parent !== table.name) visit(parentTable, [...trail, table.name])
    }
    state.set(table.name, 'done')
    ordered.push(table)
  }
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    visit(table, [])
  return ordered
}
