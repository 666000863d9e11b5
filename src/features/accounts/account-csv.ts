// The CSV form of the account registry: one column set for the template, the export and the import, so an
// exported file can be edited in a spreadsheet and imported back. Headers and values are Indonesian (`kode_unit`,
// `aktif` / `tidak aktif`, `ya` / `tidak`); the English ones of earlier files are still read. Each pengelola has
// three repeatable columns (`pengelola_1_email`, `pengelola_1_nomor_surat_tugas`,
// `pengelola_1_tanggal_surat_tugas`, `pengelola_2_…`); the old packed column `pengelola` (`email|nomor|tanggal`
// separated by `;`) is still read. The separator is detected, since a spreadsheet in the Indonesian locale saves
// with `;`. Pure: parsing, row validation and formatting; no database.
import { parse as parseStream } from 'csv-parse'
import { parse } from 'csv-parse/sync'
import { setImmediate as pause } from 'node:timers/promises'
import { stringify } from 'csv-stringify/sync'
import type { AccountRecord } from '../../db/accounts-repository.ts'
import type { Problem } from '../../shared/errors.ts'
import type { MessageParams } from '../../shared/messages/format-message.ts'
import type { AccountStatus, VerificationStatus } from '../../shared/statuses.ts'
import { problem } from '../app-error.ts'
import { isIsoDate } from '../calendar/add-working-days.ts'
import type {
  AccountCheck,
  AccountDraft,
  AccountLookups,
  CurrentAssignments,
  PengelolaDraft,
} from './account-input.ts'
import { accountKeyOf, checkAccountDraft } from './account-input.ts'

/** The fields a CSV row carries, by their internal name. */
export type CsvField =
  | 'platform'
  | 'handle'
  | 'display_name'
  | 'url'
  | 'unit_code'
  | 'penanggung_jawab_email'
  | 'verification_status'
  | 'platform_two_factor'
  | 'credential_rotated_on'
  | 'status'
  | 'notes'
  | 'pengelola'

/** The header each field is written with, and the other headers read as the same field (earlier files). */
const FIELD_HEADERS: Readonly<Record<CsvField, { header: string; aliases: readonly string[] }>> = {
  platform: { header: 'platform', aliases: [] },
  handle: { header: 'nama_akun', aliases: ['handle'] },
  display_name: { header: 'nama_tampilan', aliases: ['display_name'] },
  url: { header: 'alamat', aliases: ['url', 'alamat_url'] },
  unit_code: { header: 'kode_unit', aliases: ['unit_code'] },
  penanggung_jawab_email: { header: 'penanggung_jawab_email', aliases: ['email_penanggung_jawab'] },
  verification_status: { header: 'status_verifikasi', aliases: ['verification_status'] },
  platform_two_factor: { header: '2fa_platform', aliases: ['platform_two_factor'] },
  credential_rotated_on: { header: 'tanggal_ganti_sandi', aliases: ['credential_rotated_on'] },
  status: { header: 'status', aliases: [] },
  notes: { header: 'catatan', aliases: ['notes'] },
  // Read only: the packed form of earlier exports.
  pengelola: { header: 'pengelola', aliases: [] },
}

type PengelolaPart = 'email' | 'number' | 'date'
const PENGELOLA_COLUMN = /^pengelola_(\d{1,2})_(.+)$/
const PENGELOLA_PARTS: Readonly<Record<string, PengelolaPart>> = {
  email: 'email',
  nomor_surat_tugas: 'number',
  surat_tugas_number: 'number',
  tanggal_surat_tugas: 'date',
  surat_tugas_date: 'date',
}
const MAX_PENGELOLA = 50

export function pengelolaHeader(slot: number, part: PengelolaPart): string {
  const name = { email: 'email', number: 'nomor_surat_tugas', date: 'tanggal_surat_tugas' }[part]
  return `pengelola_${slot}_${name}`
}

/** The columns the template and the export write, with `pengelolaSlots` groups of pengelola columns. */
export function accountCsvColumns(pengelolaSlots: number): string[] {
  const slots = Array.from({ length: Math.max(1, pengelolaSlots) }, (_, index) => index + 1)
  return [
    ...(['platform', 'handle', 'display_name', 'url', 'unit_code', 'penanggung_jawab_email'] as const).map(
      (field) => FIELD_HEADERS[field].header,
    ),
    ...slots.flatMap((slot) =>
      (['email', 'number', 'date'] as const).map((part) => pengelolaHeader(slot, part)),
    ),
    ...(
      ['verification_status', 'platform_two_factor', 'credential_rotated_on', 'status', 'notes'] as const
    ).map((field) => FIELD_HEADERS[field].header),
  ]
}

/** The columns of the template as GET /api/accounts/meta lists them (two pengelola, to show they repeat). */
export const ACCOUNT_CSV_COLUMNS: readonly string[] = accountCsvColumns(2)

/** Values written and read: Indonesian first; the English (stored) words are read too. */
const STATUS_WORDS: Readonly<Record<string, AccountStatus>> = {
  aktif: 'active',
  active: 'active',
  'tidak aktif': 'dormant',
  nonaktif: 'dormant',
  'non-aktif': 'dormant',
  'non aktif': 'dormant',
  dorman: 'dormant',
  dormant: 'dormant',
}
const STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: 'aktif',
  dormant: 'tidak aktif',
}
const VERIFICATION_WORDS: Readonly<Record<string, VerificationStatus>> = {
  'belum terverifikasi': 'unverified',
  belum: 'unverified',
  unverified: 'unverified',
  diajukan: 'pending',
  'sedang diajukan': 'pending',
  menunggu: 'pending',
  pending: 'pending',
  terverifikasi: 'verified',
  sudah: 'verified',
  verified: 'verified',
}
const VERIFICATION_LABELS: Readonly<Record<VerificationStatus, string>> = {
  unverified: 'belum terverifikasi',
  pending: 'diajukan',
  verified: 'terverifikasi',
}
const PLATFORM_ALIASES: Readonly<Record<string, string>> = { twitter: 'x', 'x (twitter)': 'x' }

/** A problem with one cell (or with the header, row 1), told so the person can fix the file. */
export interface CsvRowError {
  row: number
  /** The column as the file names it ('' for the whole row or file). */
  column: string
  key: Problem['key']
  params?: MessageParams | undefined
}

export interface CsvPengelolaCells {
  slot: number
  email: string
  number: string
  date: string
}

export interface CsvRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number
  values: Partial<Record<CsvField, string>>
  pengelola: CsvPengelolaCells[]
}

/** Which header of the file holds each field and each pengelola column. */
export interface CsvHeader {
  fields: Partial<Record<CsvField, string>>
  pengelola: Map<number, Partial<Record<PengelolaPart, string>>>
}

export type ParsedCsv = { ok: true; header: CsvHeader; rows: CsvRow[] } | { ok: false; errors: CsvRowError[] }

/** The separator of the file: the one of `,` `;` and tab that occurs most in the header line (outside quotes). */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const line = /[^\r\n]*\S[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? ''
  const outsideQuotes = line.replace(/"[^"]*"/g, '')
  const counts = ([',', ';', '\t'] as const).map((separator) => ({
    separator,
    count: outsideQuotes.split(separator).length - 1,
  }))
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a))
  return best.count > 0 ? best.separator : ','
}

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

const FIELD_BY_HEADER = new Map<string, CsvField>(
  (
    Object.entries(FIELD_HEADERS) as Array<[CsvField, { header: string; aliases: readonly string[] }]>
  ).flatMap(([field, { header, aliases }]) => [header, ...aliases].map((name) => [name, field] as const)),
)

function readHeader(names: readonly string[]): { header: CsvHeader; errors: CsvRowError[] } {
  const header: CsvHeader = { fields: {}, pengelola: new Map() }
  const errors: CsvRowError[] = []
  const seen = new Set<string>()
  for (const written of names) {
    const name = normaliseHeader(written)
    if (name === '') continue
    const fail = (key: Problem['key']) =>
      errors.push({ row: 1, column: written, key, params: { column: written } })
    const field = FIELD_BY_HEADER.get(name)
    const slot = PENGELOLA_COLUMN.exec(name)
    const part = slot ? PENGELOLA_PARTS[slot[2]!] : undefined
    const identity = field ?? (slot && part ? `pengelola_${Number(slot[1])}_${part}` : undefined)
    if (identity === undefined || (slot && (Number(slot[1]) < 1 || Number(slot[1]) > MAX_PENGELOLA))) {
      fail('accounts.csv_unknown_column')
      continue
    }
    if (seen.has(identity)) {
      fail('accounts.csv_duplicate_column')
      continue
    }
    seen.add(identity)
    if (field) header.fields[field] = written
    else if (slot && part) {
      const number = Number(slot[1])
      header.pengelola.set(number, { ...header.pengelola.get(number), [part]: written })
    }
  }
  const required: Array<[CsvField, boolean]> = [
    ['platform', header.fields.platform !== undefined],
    // The handle can be read from the address, so either column will do.
    ['handle', header.fields.handle !== undefined || header.fields.url !== undefined],
    ['unit_code', header.fields.unit_code !== undefined],
    ['penanggung_jawab_email', header.fields.penanggung_jawab_email !== undefined],
  ]
  for (const [field, present] of required)
    if (!present)
      errors.push({
        row: 1,
        column: FIELD_HEADERS[field].header,
        key: 'accounts.csv_missing_column',
        params: { column: FIELD_HEADERS[field].header },
      })
  return { header, errors }
}

/**
 * The header row alone (a quick look when the file is uploaded, before the job reads it all): what is wrong
 * with it, if anything.
 */
export function checkAccountCsvHeader(text: string): CsvRowError[] {
  let first: string[] | undefined
  try {
    const records: string[][] = parse(text, {
      bom: true,
      delimiter: detectSeparator(text),
      to: 1,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    })
    first = records[0]
  } catch {
    return [{ row: 1, column: '', key: 'accounts.csv_unreadable', params: { line: 1 } }]
  }
  if (!first || first.every((name) => name.trim() === ''))
    return [{ row: 1, column: '', key: 'accounts.csv_no_header' }]
  return readHeader(first).errors
}

type CsvRecord = { record: string[]; info: { lines: number } }

function parseOptions(text: string) {
  return {
    bom: true,
    delimiter: detectSeparator(text),
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  } as const
}

function unreadable(error: unknown): ParsedCsv {
  const line = (error as { lines?: number }).lines ?? 1
  return { ok: false, errors: [{ row: line, column: '', key: 'accounts.csv_unreadable', params: { line } }] }
}

export function parseAccountCsv(text: string): ParsedCsv {
  let records: CsvRecord[]
  try {
    records = parse(text, parseOptions(text)) as unknown as CsvRecord[]
  } catch (error) {
    return unreadable(error)
  }
  return readRecords(records)
}

/** Bytes parsed between two pauses of parseAccountCsvInSteps (a few hundred rows). */
const STEP_BYTES = 32 * 1024

/**
 * The same as parseAccountCsv, in steps that let the event loop serve other requests in between: the import job
 * runs inside `warta start`, where parsing a 5 MB file in one go would stall every request for a second or more.
 */
export async function parseAccountCsvInSteps(text: string): Promise<ParsedCsv> {
  const bytes = Buffer.from(text, 'utf8')
  const parser = parseStream(parseOptions(text))
  const records: CsvRecord[] = []
  parser.on('readable', () => {
    for (
      let record = parser.read() as CsvRecord | null;
      record !== null;
      record = parser.read() as CsvRecord | null
    )
      records.push(record)
  })
  const finished = new Promise<void>((resolve, reject) => {
    parser.once('end', resolve)
    parser.once('error', reject)
  })
  try {
    for (let start = 0; start < bytes.length; start += STEP_BYTES) {
      parser.write(bytes.subarray(start, start + STEP_BYTES))
      await pause()
    }
    parser.end()
    await finished
  } catch (error) {
    return unreadable(error)
  }
  return readRecords(records)
}

function readRecords(records: readonly CsvRecord[]): ParsedCsv {
  const [first, ...body] = records
  if (!first) return { ok: false, errors: [{ row: 1, column: '', key: 'accounts.csv_no_header' }] }
  const names = first.record
  const { header, errors } = readHeader(names)
  if (errors.length > 0) return { ok: false, errors }
  const indexOf = new Map(names.map((name, index) => [name, index]))
  const rows: CsvRow[] = []
  for (const { record, info } of body) {
    // A spreadsheet saves rows it once touched as separators only (";;;;"): those are not rows of data.
    if (record.every((cell) => cell.trim() === '')) continue
    const cell = (written: string | undefined) =>
      written === undefined ? undefined : unquote(record[indexOf.get(written)!] ?? '')
    const values: Partial<Record<CsvField, string>> = {}
    for (const [field, written] of Object.entries(header.fields) as Array<[CsvField, string]>)
      values[field] = cell(written)
    const pengelola = [...header.pengelola.entries()]
      .sort(([a], [b]) => a - b)
      .map(([slot, parts]) => ({
        slot,
        email: cell(parts.email) ?? '',
        number: cell(parts.number) ?? '',
        date: cell(parts.date) ?? '',
      }))
      .filter((entry) => entry.email !== '' || entry.number !== '' || entry.date !== '')
    rows.push({ row: info.lines, values, pengelola })
  }
  return { ok: true, header, rows }
}

/** Undoes the quote that formatCsv puts before a formula-like cell (a WhatsApp number starts with +). */
export function unquote(value: string): string {
  return value.replace(/^'(?=[=+\-@])/, '')
}

/** The lookups a row needs, by code and e-mail as the file names them. */
export interface CsvLookups extends AccountLookups {
  unitByCode(code: string): { id: string } | undefined
  userByEmail(email: string): { id: string } | undefined
}

export function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase()
  if (['', 'tidak', 'no', 'false', '0', 'n'].includes(v)) return false
  if (['ya', 'yes', 'true', '1', 'y', 'aktif'].includes(v)) return true
  return undefined
}

/** A date as a spreadsheet may write it: 2026-01-31, 31/01/2026, 31-1-2026; undefined when it is none of them. */
export function parseCsvDate(value: string): string | undefined {
  const text = value.trim()
  if (isIsoDate(text)) return text
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (!match) return undefined
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : undefined
}

/** The e-mails a row names (penanggung jawab and pengelola), lower-cased. */
export function emailsOfRow(row: CsvRow): string[] {
  const emails = [row.values.penanggung_jawab_email ?? '', ...row.pengelola.map((p) => p.email)]
  for (const entry of splitPacked(row.values.pengelola ?? '')) emails.push(entry.split('|')[0] ?? '')
  return emails.map((email) => email.trim().toLowerCase()).filter(Boolean)
}

function splitPacked(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
}

function platformOf(row: CsvRow): string {
  const raw = (row.values.platform ?? '').trim().toLowerCase()
  return PLATFORM_ALIASES[raw] ?? raw
}

/** `platform:handle` (normalised) of the account a row names, or undefined when the row does not name one. */
export function csvRowKey(row: CsvRow): string | undefined {
  const key = accountKeyOf({
    platform: platformOf(row),
    handle: row.values.handle ?? '',
    url: row.values.url ?? '',
  })
  return key && `${key.platform}:${key.handle}`
}

export type CsvRowCheck =
  { ok: true; check: Extract<AccountCheck, { ok: true }> } | { ok: false; errors: CsvRowError[] }

/**
 * Turns one CSV row into a checked account, or the list of what to fix in that row (every problem at once).
 * `current` is what the stored account with the same platform and handle names, when there is one.
 */
export function checkAccountCsvRow(
  row: CsvRow,
  header: CsvHeader,
  lookups: CsvLookups,
  today: string,
  current?: CurrentAssignments,
): CsvRowCheck {
  const errors: CsvRowError[] = []
  const column = (field: CsvField) => header.fields[field] ?? FIELD_HEADERS[field].header
  const cell = (field: CsvField) => (row.values[field] ?? '').trim()
  const fail = (columnName: string, found: Problem) =>
    errors.push({ row: row.row, column: columnName, key: found.key, params: found.params })

  const unitCode = cell('unit_code')
  const unit = unitCode ? lookups.unitByCode(unitCode) : undefined
  if (!unitCode) fail(column('unit_code'), problem('accounts.csv_unit_code_required'))
  else if (!unit) fail(column('unit_code'), problem('accounts.csv_unit_code_unknown', { code: unitCode }))

  const pjEmail = cell('penanggung_jawab_email')
  const pj = pjEmail ? lookups.userByEmail(pjEmail) : undefined
  if (!pjEmail) fail(column('penanggung_jawab_email'), problem('accounts.csv_email_required'))
  else if (!pj)
    fail(column('penanggung_jawab_email'), problem('accounts.csv_email_unknown', { email: pjEmail }))

  // Each pengelola of the draft, with the columns its problems belong to.
  const pengelola: PengelolaDraft[] = []
  const columnsOf: Array<Record<'userId' | 'suratTugasNumber' | 'suratTugasDate', string>> = []
  const addPengelola = (
    cells: { email: string; number: string; date: string },
    columns: Record<'userId' | 'suratTugasNumber' | 'suratTugasDate', string>,
  ) => {
    if (!cells.email) {
      fail(columns.userId, problem('accounts.csv_pengelola_email_required'))
      return
    }
    const user = lookups.userByEmail(cells.email)
    if (!user) {
      fail(columns.userId, problem('accounts.csv_email_unknown', { email: cells.email }))
      return
    }
    let date = cells.date
    if (date) {
      const parsed = parseCsvDate(date)
      if (!parsed) {
        fail(columns.suratTugasDate, problem('accounts.csv_date', { value: date }))
        return
      }
      date = parsed
    }
    pengelola.push({ userId: user.id, suratTugasNumber: cells.number, suratTugasDate: date })
    columnsOf.push(columns)
  }
  for (const entry of row.pengelola) {
    const parts = header.pengelola.get(entry.slot) ?? {}
    const named = (part: PengelolaPart) => parts[part] ?? pengelolaHeader(entry.slot, part)
    addPengelola(entry, {
      userId: named('email'),
      suratTugasNumber: named('number'),
      suratTugasDate: named('date'),
    })
  }
  const packedColumn = column('pengelola')
  for (const entry of splitPacked(cell('pengelola'))) {
    const parts = entry.split('|').map((part) => part.trim())
    if (parts.length > 3 || !parts[0]?.includes('@')) {
      fail(packedColumn, problem('accounts.csv_pengelola_packed', { entry }))
      continue
    }
    addPengelola(
      { email: parts[0], number: parts[1] ?? '', date: parts[2] ?? '' },
      { userId: packedColumn, suratTugasNumber: packedColumn, suratTugasDate: packedColumn },
    )
  }

  const twoFactor = parseBoolean(cell('platform_two_factor'))
  if (twoFactor === undefined) fail(column('platform_two_factor'), problem('accounts.csv_boolean'))
  const verification = wordOf(cell('verification_status'), VERIFICATION_WORDS)
  if (verification === null)
    fail(
      column('verification_status'),
      problem('accounts.csv_choice', {
        value: cell('verification_status'),
        options: Object.values(VERIFICATION_LABELS),
      }),
    )
  const status = wordOf(cell('status'), STATUS_WORDS)
  if (status === null)
    fail(
      column('status'),
      problem('accounts.csv_choice', { value: cell('status'), options: Object.values(STATUS_LABELS) }),
    )
  let rotated: string | null = null
  if (cell('credential_rotated_on')) {
    rotated = parseCsvDate(cell('credential_rotated_on')) ?? null
    if (rotated === null)
      fail(
        column('credential_rotated_on'),
        problem('accounts.csv_date', { value: cell('credential_rotated_on') }),
      )
  }

  const draft: AccountDraft = {
    unitId: unit?.id ?? '',
    platform: platformOf(row),
    handle: cell('handle'),
    displayName: cell('display_name') || null,
    url: cell('url') || null,
    penanggungJawabUserId: pj?.id ?? '',
    pengelola,
    verificationStatus: verification ?? undefined,
    platformTwoFactor: twoFactor ?? false,
    credentialRotatedOn: rotated,
    status: status ?? undefined,
    notes: cell('notes'),
  }
  // Run the field checks even when the lookups failed, so one pass reports every problem in the row; unit and
  // penanggung jawab problems already told in the row's own words are not repeated.
  const check = checkAccountDraft(draft, lookups, today, current)
  if (!check.ok) {
    for (const [field, found] of Object.entries(check.errors)) {
      if (field === 'unitId' && !unit) continue
      if (field === 'penanggungJawabUserId' && !pj) continue
      const nested = /^pengelola\.(\d+)\.(userId|suratTugasNumber|suratTugasDate)$/.exec(field)
      const target = nested
        ? (columnsOf[Number(nested[1])]?.[nested[2] as 'userId'] ?? packedColumn)
        : columnOfField(field, header)
      fail(target, found)
    }
  }
  if (errors.length > 0 || !check.ok) return { ok: false, errors: dedupe(errors) }
  return { ok: true, check }
}

/** The stored value of a word, undefined for an empty cell (the default applies), null for an unknown word. */
function wordOf<T extends string>(value: string, words: Readonly<Record<string, T>>): T | undefined | null {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ')
  if (key === '') return undefined
  return words[key] ?? null
}

const FIELD_OF_DRAFT: Readonly<Record<string, CsvField>> = {
  platform: 'platform',
  handle: 'handle',
  displayName: 'display_name',
  url: 'url',
  unitId: 'unit_code',
  penanggungJawabUserId: 'penanggung_jawab_email',
  verificationStatus: 'verification_status',
  platformTwoFactor: 'platform_two_factor',
  credentialRotatedOn: 'credential_rotated_on',
  status: 'status',
  notes: 'notes',
}

function columnOfField(field: string, header: CsvHeader): string {
  const csvField = FIELD_OF_DRAFT[field]
  if (!csvField) return field
  // A handle read from the address column is reported there when the file has no handle column.
  if (csvField === 'handle' && header.fields.handle === undefined) return header.fields.url ?? 'alamat'
  return header.fields[csvField] ?? FIELD_HEADERS[csvField].header
}

function dedupe(errors: CsvRowError[]): CsvRowError[] {
  const seen = new Set<string>()
  return errors.filter((error) => {
    const key = `${error.row}|${error.column}|${error.key}|${JSON.stringify(error.params ?? {})}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * One account as a CSV record (Indonesian values), with as many pengelola column groups as it has pengelola.
 * The e-mail cells stay empty when the exporter may not see people's addresses (`showEmail`).
 */
export function accountCsvRecord(account: AccountRecord, showEmail: boolean): Record<string, string> {
  const record: Record<string, string> = {
    platform: account.platform,
    nama_akun: account.handleDisplay ?? account.handle,
    nama_tampilan: account.displayName ?? '',
    alamat: account.url,
    kode_unit: account.unitCode,
    penanggung_jawab_email: showEmail ? account.penanggungJawab.email : '',
    status_verifikasi:
      VERIFICATION_LABELS[account.verificationStatus as keyof typeof VERIFICATION_LABELS] ??
      account.verificationStatus,
    '2fa_platform': account.platformTwoFactor ? 'ya' : 'tidak',
    tanggal_ganti_sandi: account.credentialRotatedOn ?? '',
    status: STATUS_LABELS[account.status as keyof typeof STATUS_LABELS] ?? account.status,
    catatan: account.notes,
  }
  account.pengelola.forEach((p, index) => {
    record[pengelolaHeader(index + 1, 'email')] = showEmail ? p.email : ''
    record[pengelolaHeader(index + 1, 'number')] = p.suratTugasNumber ?? ''
    record[pengelolaHeader(index + 1, 'date')] = p.suratTugasDate ?? ''
  })
  return record
}

/** A cell that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function formatCsv(
  columns: readonly string[],
  records: ReadonlyArray<Record<string, string>>,
): string {
  return stringify(
    records.map((record) => columns.map((column) => neutralise(record[column] ?? ''))),
    { header: true, columns: [...columns], bom: true, record_delimiter: '\r\n' },
  )
}
