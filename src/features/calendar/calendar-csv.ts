// A year's holiday table as a CSV file (tanggal, jenis, keterangan — or date, kind, name), the way an admin types
// the new SKB into a spreadsheet. Pure: parsing and per-row checks; what the rows change is decided in
// import-calendar.ts against the calendar as it stands.
import { parse } from 'csv-parse/sync'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import type { MessageParams } from '../../shared/messages/format-message.ts'
import type { CalendarDayKind } from '../../shared/statuses.ts'
import { isIsoDate, yearOf } from './add-working-days.ts'

/** More than a year has days: a bigger file is not a holiday table. */
export const MAX_CALENDAR_IMPORT_ROWS = 400

export const CALENDAR_CSV_COLUMNS = ['tanggal', 'jenis', 'keterangan'] as const
export type CalendarCsvColumn = (typeof CALENDAR_CSV_COLUMNS)[number]

const COLUMN_NAMES: Readonly<Record<CalendarCsvColumn, readonly string[]>> = {
  tanggal: ['tanggal', 'date'],
  jenis: ['jenis', 'kind', 'type'],
  keterangan: ['keterangan', 'nama', 'name', 'description'],
}

/** What people write for each kind, in either language, compared after normalising spaces and case. */
const KIND_NAMES: Readonly<Record<CalendarDayKind, readonly string[]>> = {
  holiday: ['holiday', 'libur nasional', 'hari libur nasional', 'libur', 'national holiday'],
  cuti_bersama: ['cuti bersama', 'cuti', 'collective leave'],
  regional_holiday: ['regional holiday', 'libur daerah', 'hari libur daerah'],
  working_day: ['working day', 'hari kerja pengganti', 'hari kerja', 'replacement working day'],
}

export interface CalendarCsvRow {
  /** Line in the file (the header is line 1). */
  row: number
  date: string
  kind: CalendarDayKind
  name: string
}

/** A problem with one cell (or the whole file, row 1 and no column), as a message key with parameters. */
export interface CalendarCsvError {
  row: number
  column: CalendarCsvColumn | ''
  key: MessageKey
  params?: MessageParams
}

export interface ParsedCalendarCsv {
  rows: CalendarCsvRow[]
  errors: CalendarCsvError[]
  /** Data lines read (the header not counted), with or without errors. */
  dataRows: number
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
}

export function parseKind(text: string): CalendarDayKind | undefined {
  const wanted = normalise(text)
  for (const [kind, names] of Object.entries(KIND_NAMES) as [CalendarDayKind, readonly string[]][])
    if (names.includes(wanted)) return kind
  return undefined
}

/** YYYY-MM-DD, or the day-first forms spreadsheets in the Indonesian locale write: 1/1/2027, 01-01-2027, 1.1.2027. */
export function parseCsvDate(text: string): string | undefined {
  const value = text.trim()
  if (isIsoDate(value)) return value
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (!dayFirst) return undefined
  const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : undefined
}

function fileError(key: MessageKey, params?: MessageParams): ParsedCalendarCsv {
  return { rows: [], errors: [{ row: 1, column: '', key, ...(params ? { params } : {}) }], dataRows: 0 }
}

/** Reads the file for `year`; every row outside that year, with an unknown kind or no name, is an error. */
export function parseCalendarCsv(text: string, year: number): ParsedCalendarCsv {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  // Spreadsheets in the Indonesian locale save CSV with semicolons, because the comma is the decimal mark.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records
  } catch (error) {
    return fileError('calendar.import.unreadable', { row: (error as { lines?: number }).lines ?? 1 })
  }
  const [header, ...body] = records
  if (!header || body.length === 0) return fileError('calendar.import.empty')
  const names = header.record.map(normalise)
  const index = {} as Record<CalendarCsvColumn, number>
  const missing: string[] = []
  for (const column of CALENDAR_CSV_COLUMNS) {
    index[column] = names.findIndex((name) => COLUMN_NAMES[column].includes(name))
    if (index[column] === -1) missing.push(column)
  }
  if (missing.length > 0) return fileError('calendar.import.missing_columns', { columns: missing })
  if (body.length > MAX_CALENDAR_IMPORT_ROWS)
    return fileError('calendar.import.too_many_rows', { maximum: MAX_CALENDAR_IMPORT_ROWS })

  const rows: CalendarCsvRow[] = []
  const errors: CalendarCsvError[] = []
  const seen = new Map<string, number>()
  for (const { record, info } of body) {
    const row = info.lines
    const cell = (column: CalendarCsvColumn) => record[index[column]] ?? ''
    const before = errors.length
    const date = parseCsvDate(cell('tanggal'))
    if (!date)
      errors.push({
        row,
        column: 'tanggal',
        key: 'calendar.import.date_invalid',
        params: { value: cell('tanggal') },
      })
    else if (yearOf(date) !== year)
      errors.push({
        row,
        column: 'tanggal',
        key: 'calendar.import.other_year',
        params: { date, year: String(year) },
      })
    else if (seen.has(date))
      errors.push({
        row,
        column: 'tanggal',
        key: 'calendar.import.duplicate_date',
        params: { date, row: seen.get(date)! },
      })
    const kind = parseKind(cell('jenis'))
    if (!kind)
      errors.push({
        row,
        column: 'jenis',
        key: 'calendar.import.kind_invalid',
        params: { value: cell('jenis') },
      })
    const name = cell('keterangan').trim()
    if (name === '' || name.length > 200)
      errors.push({ row, column: 'keterangan', key: 'calendar.import.name_required' })
    if (date && !seen.has(date)) seen.set(date, row)
    if (errors.length === before && date && kind) rows.push({ row, date, kind, name })
  }
  return { rows, errors, dataRows: body.length }
}
