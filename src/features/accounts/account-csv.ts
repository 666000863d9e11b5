// The CSV form of the account registry: one column set for export and import, so an exported file can be edited
// in a spreadsheet and imported back. Pure: parsing, row validation and formatting; no database.
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { AccountRecord } from '../../db/accounts-repository.ts'
import type { AccountCheck, AccountDraft, AccountLookups, FieldErrors } from './account-input.ts'
import { checkAccountDraft } from './account-input.ts'

export const ACCOUNT_CSV_COLUMNS = [
  'platform',
  'handle',
  'display_name',
  'url',
  'unit_code',
  'penanggung_jawab_email',
  'pengelola',
  'verification_status',
  'platform_two_factor',
  'credential_rotated_on',
  'status',
  'notes',
] as const
export type AccountCsvColumn = (typeof ACCOUNT_CSV_COLUMNS)[number]

const REQUIRED_COLUMNS: readonly AccountCsvColumn[] = [
  'platform',
  'handle',
  'unit_code',
  'penanggung_jawab_email',
]

/** A problem with one cell (or with the header, row 1), told so the person can fix the file. */
export interface CsvRowError {
  row: number
  column: string
  message: string
}

export interface CsvRow {
  /** Line number in the file (the header is line 1). */
  row: number
  values: Partial<Record<AccountCsvColumn, string>>
}

export type ParsedCsv = { ok: true; rows: CsvRow[] } | { ok: false; errors: CsvRowError[] }

export function parseAccountCsv(text: string): ParsedCsv {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  // Spreadsheets in the Indonesian locale save CSV with semicolons, because the comma is the decimal mark.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
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
    const line = (error as { lines?: number }).lines ?? 1
    return {
      ok: false,
      errors: [
        {
          row: line,
          column: '',
          message: `Berkas CSV tidak dapat dibaca di baris ${line}: periksa tanda kutip ("). (${(error as Error).message})`,
        },
      ],
    }
  }
  const [header, ...body] = records
  if (!header)
    return {
      ok: false,
      errors: [{ row: 1, column: '', message: 'Berkas CSV kosong; baris pertama harus berisi nama kolom.' }],
    }
  const names = header.record.map((name) => name.trim().toLowerCase())
  const errors: CsvRowError[] = []
  names.forEach((name) => {
    if (name !== '' && !(ACCOUNT_CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({
        row: 1,
        column: name,
        message: `Kolom "${name}" tidak dikenal. Kolom yang dipakai: ${ACCOUNT_CSV_COLUMNS.join(', ')}.`,
      })
    }
  })
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required))
      errors.push({
        row: 1,
        column: required,
        message: `Kolom wajib "${required}" tidak ada di baris judul.`,
      })
  }
  if (errors.length > 0) return { ok: false, errors }
  const rows = body.map(({ record, info }) => {
    const values: Partial<Record<AccountCsvColumn, string>> = {}
    names.forEach((name, index) => {
      // Undo the quote that formatCsv puts before a formula-like cell (a WhatsApp number starts with +).
      if (name !== '') values[name as AccountCsvColumn] = (record[index] ?? '').replace(/^'(?=[=+\-@])/, '')
    })
    return { row: info.lines, values }
  })
  return { ok: true, rows }
}

export interface CsvLookups extends AccountLookups {
  unitByCode(code: string): { id: string } | undefined
  userByEmail(email: string): { id: string } | undefined
}

const FIELD_TO_COLUMN: Record<string, AccountCsvColumn> = {
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

function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase()
  if (['', 'tidak', 'no', 'false', '0', 'n'].includes(v)) return false
  if (['ya', 'yes', 'true', '1', 'y'].includes(v)) return true
  return undefined
}

export type CsvRowCheck =
  { ok: true; check: Extract<AccountCheck, { ok: true }> } | { ok: false; errors: CsvRowError[] }

/** Turns one CSV row into a checked account, or the list of what to fix in that row. */
export function checkAccountCsvRow(row: CsvRow, lookups: CsvLookups, today: string): CsvRowCheck {
  const errors: CsvRowError[] = []
  const cell = (column: AccountCsvColumn) => (row.values[column] ?? '').trim()
  const fail = (column: string, message: string) => errors.push({ row: row.row, column, message })

  const unitCode = cell('unit_code')
  const unit = unitCode ? lookups.unitByCode(unitCode) : undefined
  if (!unitCode) fail('unit_code', 'Isi kode unit pemilik akun.')
  else if (!unit)
    fail('unit_code', `Kode unit "${unitCode}" tidak ada di instansi ini; lihat kode di halaman Unit.`)

  const pjEmail = cell('penanggung_jawab_email')
  const pj = pjEmail ? lookups.userByEmail(pjEmail) : undefined
  if (!pjEmail) fail('penanggung_jawab_email', 'Isi e-mail penanggung jawab akun.')
  else if (!pj)
    fail(
      'penanggung_jawab_email',
      `Tidak ada pengguna dengan e-mail "${pjEmail}" di instansi ini; buat penggunanya dulu.`,
    )

  const pengelola: AccountDraft['pengelola'] = []
  const pengelolaCell = cell('pengelola')
  if (pengelolaCell) {
    for (const entry of pengelolaCell
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [email = '', number = '', date = ''] = entry.split('|').map((part) => part.trim())
      const user = lookups.userByEmail(email)
      if (!user) {
        fail(
          'pengelola',
          `Pengelola "${email}" bukan pengguna di instansi ini. Tulis tiap pengelola sebagai email|nomor surat tugas|TTTT-BB-HH, dipisah titik koma.`,
        )
        continue
      }
      if (!number || !date) {
        fail(
          'pengelola',
          `Pengelola "${email}": tulis juga nomor dan tanggal surat tugas, misalnya ${email}|800/12/Humas|2025-01-10.`,
        )
        continue
      }
      pengelola.push({ userId: user.id, suratTugasNumber: number, suratTugasDate: date })
    }
  }

  const twoFactor = parseBoolean(cell('platform_two_factor'))
  if (twoFactor === undefined) fail('platform_two_factor', 'Isi "ya" atau "tidak".')

  // Run the field checks even when the lookups failed, so one pass reports every problem in the row; unit and
  // penanggung jawab problems already told in the row's own words are not repeated.
  const check = checkAccountDraft(
    draftOf(row, unit?.id ?? '', pj?.id ?? '', pengelola, twoFactor),
    lookups,
    today,
  )
  if (!check.ok) {
    const { unitId, penanggungJawabUserId, ...rest } = check.errors
    errors.push(
      ...toCsvErrors(row.row, {
        ...rest,
        ...(unit && unitId ? { unitId } : {}),
        ...(pj && penanggungJawabUserId ? { penanggungJawabUserId } : {}),
      }),
    )
  }
  if (errors.length > 0 || !check.ok) return { ok: false, errors: dedupe(errors) }
  return { ok: true, check }
}

function draftOf(
  row: CsvRow,
  unitId: string,
  pjId: string,
  pengelola: AccountDraft['pengelola'],
  twoFactor: boolean | undefined,
): AccountDraft {
  const value = (column: AccountCsvColumn) => (row.values[column] ?? '').trim()
  return {
    unitId,
    platform: value('platform').toLowerCase(),
    handle: value('handle'),
    displayName: value('display_name') || null,
    url: value('url') || null,
    penanggungJawabUserId: pjId,
    pengelola,
    verificationStatus: value('verification_status').toLowerCase() || undefined,
    platformTwoFactor: twoFactor ?? false,
    credentialRotatedOn: value('credential_rotated_on') || null,
    status: value('status').toLowerCase() || undefined,
    notes: value('notes'),
  }
}

function toCsvErrors(row: number, errors: FieldErrors): CsvRowError[] {
  return Object.entries(errors).map(([field, message]) => ({
    row,
    column: field.startsWith('pengelola') ? 'pengelola' : (FIELD_TO_COLUMN[field] ?? field),
    message,
  }))
}

function dedupe(errors: CsvRowError[]): CsvRowError[] {
  const seen = new Set<string>()
  return errors.filter((error) => {
    const key = `${error.row}|${error.column}|${error.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function accountCsvRecord(account: AccountRecord): Record<AccountCsvColumn, string> {
  return {
    platform: account.platform,
    handle: account.handle,
    display_name: account.displayName ?? '',
    url: account.url,
    unit_code: account.unitCode,
    penanggung_jawab_email: account.penanggungJawab.email,
    pengelola: account.pengelola
      .map((p) => `${p.email}|${p.suratTugasNumber}|${p.suratTugasDate}`)
      .join('; '),
    verification_status: account.verificationStatus,
    platform_two_factor: account.platformTwoFactor ? 'ya' : 'tidak',
    credential_rotated_on: account.credentialRotatedOn ?? '',
    status: account.status,
    notes: account.notes,
  }
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
