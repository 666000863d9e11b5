// The CSV form of the hoax knowledge base: one column set for the template, the export and the import, so an
// exported file edited in a spreadsheet imports back. Headers and values are Indonesian (`klaim`, `fakta`,
// `label` as [HOAKS] …, `status` aktif / diarsipkan). Cells holding several entries put one per line (sources as
// "Judul | https://…", variants); unit codes and keywords may also be separated by commas. The separator of the
// file, the formula quote and the dates are read with the account import's helpers (account-csv.ts). Pure.
import { parse } from 'csv-parse/sync'
import type { HoaxClaimRecord } from '../../db/hoax-claims-repository.ts'
import { hoaxLabelTag, type HoaxClaimStatus } from '../../shared/hoax-labels.ts'
import type { Problem } from '../../shared/errors.ts'
import { problem } from '../app-error.ts'
import {
  detectSeparator,
  formatCsv,
  parseCsvDate,
  unquote,
  type CsvRowError,
} from '../accounts/account-csv.ts'
import type { HoaxClaimDraft } from './hoax-claim-input.ts'

export type HoaxCsvField =
  | 'id'
  | 'label'
  | 'claim'
  | 'facts'
  | 'sources'
  | 'first_seen_on'
  | 'clarified_on'
  | 'unit_codes'
  | 'variants'
  | 'keywords'
  | 'status'

/** The header each field is written with, and the other names read as the same field. */
const FIELD_HEADERS: Readonly<Record<HoaxCsvField, { header: string; aliases: readonly string[] }>> = {
  id: { header: 'id', aliases: [] },
  label: { header: 'label', aliases: ['label_nasional'] },
  claim: { header: 'klaim', aliases: ['claim', 'isi_klaim'] },
  facts: { header: 'fakta', aliases: ['klarifikasi', 'facts', 'fact'] },
  sources: { header: 'sumber', aliases: ['sources'] },
  first_seen_on: { header: 'tanggal_muncul', aliases: ['pertama_muncul', 'first_seen'] },
  clarified_on: { header: 'tanggal_klarifikasi', aliases: ['clarified'] },
  unit_codes: { header: 'kode_unit', aliases: ['unit', 'units'] },
  variants: { header: 'varian', aliases: ['variants'] },
  keywords: { header: 'kata_kunci', aliases: ['keywords'] },
  status: { header: 'status', aliases: [] },
}

export const HOAX_CSV_COLUMNS: readonly string[] = Object.values(FIELD_HEADERS).map((field) => field.header)
const REQUIRED: readonly HoaxCsvField[] = ['label', 'claim', 'facts']

/** A knowledge base is hundreds of claims, not tens of thousands: the import is checked in one request. */
export const MAX_HOAX_IMPORT_ROWS = 2000

const STATUS_WORDS: Readonly<Record<string, HoaxClaimStatus>> = {
  aktif: 'active',
  active: 'active',
  diarsipkan: 'archived',
  arsip: 'archived',
  archived: 'archived',
}
const STATUS_LABELS: Readonly<Record<HoaxClaimStatus, string>> = { active: 'aktif', archived: 'diarsipkan' }

/** One data row read: the claim as typed, the unit codes it names, and what else the row says. */
export interface HoaxCsvRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number
  id: string | null
  draft: Omit<HoaxClaimDraft, 'unitIds'>
  unitCodes: string[]
  /** Undefined when the cell is empty (a new claim is active; an existing one keeps its status). */
  status: HoaxClaimStatus | undefined
}

export interface ParsedHoaxCsv {
  rows: HoaxCsvRow[]
  /** Problems of the file or of cells that could not be read at all (the claim checks come later). */
  errors: CsvRowError[]
  /** The column each field was read from, as the file names it (errors of a field are reported there). */
  columns: Partial<Record<HoaxCsvField, string>>
}

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

const FIELD_BY_HEADER = new Map<string, HoaxCsvField>(
  (
    Object.entries(FIELD_HEADERS) as Array<[HoaxCsvField, { header: string; aliases: readonly string[] }]>
  ).flatMap(([field, { header, aliases }]) => [header, ...aliases].map((name) => [name, field] as const)),
)

/** One entry per line (or per `;` / `,` when `commas`), trimmed, blanks dropped. */
export function splitCell(cell: string, commas: boolean): string[] {
  return cell
    .split(commas ? /[\n;,]/ : /\n/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** "Judul | https://…", or a bare address; undefined when the entry has no address. */
export function parseSourceEntry(entry: string): { title: string; url: string } | undefined {
  const bar = entry.lastIndexOf('|')
  const title = bar >= 0 ? entry.slice(0, bar).trim() : ''
  const url = (bar >= 0 ? entry.slice(bar + 1) : entry).trim()
  if (!/^https?:\/\//i.test(url)) return undefined
  return { title, url }
}

export function parseHoaxCsv(text: string): ParsedHoaxCsv {
  const fileError = (key: Problem['key'], params?: Problem['params']): ParsedHoaxCsv => ({
    rows: [],
    errors: [{ row: 1, column: '', key, ...(params ? { params } : {}) }],
    columns: {},
  })
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectSeparator(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return fileError('accounts.csv_unreadable', { line })
  }
  const [first, ...body] = records
  if (!first || first.record.every((name) => name.trim() === '')) return fileError('accounts.csv_no_header')

  const columns: Partial<Record<HoaxCsvField, string>> = {}
  const index: Partial<Record<HoaxCsvField, number>> = {}
  const errors: CsvRowError[] = []
  first.record.forEach((written, position) => {
    const name = normaliseHeader(written)
    if (name === '') return
    const field = FIELD_BY_HEADER.get(name)
    if (!field) {
      errors.push({
        row: 1,
        column: written,
        key: 'accounts.csv_unknown_column',
        params: { column: written },
      })
      return
    }
    if (index[field] !== undefined) {
      errors.push({
        row: 1,
        column: written,
        key: 'accounts.csv_duplicate_column',
        params: { column: written },
      })
      return
    }
    index[field] = position
    columns[field] = written
  })
  for (const field of REQUIRED)
    if (index[field] === undefined) {
      const header = FIELD_HEADERS[field].header
      errors.push({ row: 1, column: header, key: 'accounts.csv_missing_column', params: { column: header } })
    }
  if (errors.length > 0) return { rows: [], errors, columns }
  // A spreadsheet saves rows it once touched as separators only (";;;;"): those are not rows of data.
  // Rows are numbered by record as a spreadsheet shows them (the header is row 1), not by text line: a cell
  // holding several lines (sources, variants) is still one row.
  const data = body
    .map(({ record }, position) => ({ record, row: position + 2 }))
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
  if (data.length === 0) return fileError('hoax.import_no_rows')
  if (data.length > MAX_HOAX_IMPORT_ROWS)
    return fileError('hoax.import_too_many_rows', { maximum: MAX_HOAX_IMPORT_ROWS })

  const rows: HoaxCsvRow[] = []
  for (const { record, row } of data) {
    const cell = (field: HoaxCsvField): string => {
      const position = index[field]
      return position === undefined ? '' : unquote(record[position] ?? '')
    }
    const column = (field: HoaxCsvField) => columns[field] ?? FIELD_HEADERS[field].header
    const fail = (field: HoaxCsvField, found: Problem) =>
      errors.push({ row, column: column(field), key: found.key, params: found.params })

    const sources: HoaxCsvRow['draft']['sources'][number][] = []
    for (const entry of splitCell(cell('sources'), false)) {
      const source = parseSourceEntry(entry)
      if (source) sources.push(source)
      else fail('sources', problem('hoax.csv_source', { value: entry }))
    }
    const date = (field: 'first_seen_on' | 'clarified_on'): string | null => {
      const value = cell(field)
      if (value === '') return null
      const parsed = parseCsvDate(value)
      if (!parsed) fail(field, problem('accounts.csv_date', { value }))
      return parsed ?? null
    }
    const statusCell = cell('status').toLowerCase()
    const status = statusCell === '' ? undefined : STATUS_WORDS[statusCell]
    if (statusCell !== '' && !status) fail('status', problem('hoax.csv_status', { value: cell('status') }))
    rows.push({
      row,
      id: cell('id') || null,
      draft: {
        label: cell('label'),
        claim: cell('claim'),
        facts: cell('facts'),
        sources,
        firstSeenOn: date('first_seen_on'),
        clarifiedOn: date('clarified_on'),
        variants: splitCell(cell('variants'), false),
        keywords: splitCell(cell('keywords'), true),
      },
      unitCodes: splitCell(cell('unit_codes'), true),
      status,
    })
  }
  return { rows, errors, columns }
}

/** The column a field of the claim's checks (hoax-claim-input.ts) is reported in. */
export function columnOfDraftField(field: string, columns: ParsedHoaxCsv['columns']): string {
  const top = field.split('.')[0]!
  const csvField: HoaxCsvField =
    (
      {
        label: 'label',
        claim: 'claim',
        facts: 'facts',
        sources: 'sources',
        firstSeenOn: 'first_seen_on',
        clarifiedOn: 'clarified_on',
        unitIds: 'unit_codes',
        variants: 'variants',
        keywords: 'keywords',
      } as const
    )[top as 'label'] ?? 'claim'
  return columns[csvField] ?? FIELD_HEADERS[csvField].header
}

/** One claim as a CSV record (Indonesian values); its units by code. */
export function hoaxClaimCsvRecord(
  claim: HoaxClaimRecord,
  unitCode: (id: string) => string | undefined,
): Record<string, string> {
  return {
    id: claim.id,
    label: hoaxLabelTag(claim.label),
    klaim: claim.claim,
    fakta: claim.facts,
    sumber: claim.sources
      .map((source) =>
        source.title && source.title !== source.url ? `${source.title} | ${source.url}` : source.url,
      )
      .join('\n'),
    tanggal_muncul: claim.firstSeenOn ?? '',
    tanggal_klarifikasi: claim.clarifiedOn ?? '',
    kode_unit: claim.unitIds.flatMap((id) => unitCode(id) ?? []).join(', '),
    varian: claim.variants.join('\n'),
    kata_kunci: claim.keywords.join(', '),
    status: STATUS_LABELS[claim.status],
  }
}

export function formatHoaxCsv(records: ReadonlyArray<Record<string, string>>): string {
  return formatCsv(HOAX_CSV_COLUMNS, records)
}
