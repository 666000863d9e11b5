import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import {
  ACCOUNT_CSV_COLUMNS,
  checkAccountCsvRow,
  formatCsv,
  parseAccountCsv,
  type CsvLookups,
} from './account-csv.ts'

const units = new Map([
  ['DISKOMINFO', { id: 'u1', path: '/r/u1/', archived: false }],
  ['LAMA', { id: 'u2', path: '/r/u2/', archived: true }],
])
const people = new Map([
  ['pj@uji.go.id', { id: 'p1', disabled: false }],
  ['ani@uji.go.id', { id: 'p2', disabled: false }],
])
const lookups: CsvLookups = {
  unitByCode: (code) => units.get(code.toUpperCase()),
  userByEmail: (email) => people.get(email.toLowerCase()),
  unitById: (id) => [...units.values()].find((u) => u.id === id),
  userById: (id) => [...people.values()].find((u) => u.id === id),
}
const TODAY = '2026-06-01'
const header =
  'platform,handle,unit_code,penanggung_jawab_email,pengelola,platform_two_factor,credential_rotated_on,status'

function rows(text: string) {
  const parsed = parseAccountCsv(text)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.rows
}

describe('account CSV rows', () => {
  it('turns a complete row into a normalised account with its pengelola and surat tugas', () => {
    const [row] = rows(
      `${header}\ninstagram,@Humas.Diskominfo,diskominfo,PJ@uji.go.id,ani@uji.go.id|800/12/Humas|2025-01-10,ya,2026-05-01,active\n`,
    )
    const result = checkAccountCsvRow(row!, lookups, TODAY)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.check.fields).toMatchObject({
      platform: 'instagram',
      handle: 'humas.diskominfo',
      unitId: 'u1',
      penanggungJawabUserId: 'p1',
      platformTwoFactor: true,
    })
    expect(result.check.fields.url).toBe('https://www.instagram.com/humas.diskominfo/')
    expect(result.check.pengelola).toEqual([
      { userId: 'p2', suratTugasNumber: '800/12/Humas', suratTugasDate: '2025-01-10' },
    ])
  })

  it('reports every problem of a row with its line number, column and what to fix', () => {
    // The blank line 2 is skipped, so the row is reported as line 3, where it stands in the file.
    const [row] = rows(
      `${header}\n\nx,humas bandung,NOPE,nobody@uji.go.id,ani@uji.go.id,mungkin,2027-01-01,tidur\n`,
    )
    const result = checkAccountCsvRow(row!, lookups, TODAY)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byColumn = Object.fromEntries(result.errors.map((e) => [e.column, e.message]))
    expect(result.errors.every((e) => e.row === 3)).toBe(true)
    expect(Object.keys(byColumn).sort()).toEqual(
      [
        'credential_rotated_on',
        'handle',
        'penanggung_jawab_email',
        'pengelola',
        'platform_two_factor',
        'status',
        'unit_code',
      ].sort(),
    )
    expect(byColumn.unit_code).toContain('NOPE')
    expect(byColumn.pengelola).toContain('surat tugas')
  })

  it('refuses a row on an archived unit', () => {
    const [row] = rows(`${header}\nx,humasbdg,LAMA,pj@uji.go.id,,tidak,,active\n`)
    const result = checkAccountCsvRow(row!, lookups, TODAY)
    expect(result).toMatchObject({
      ok: false,
      errors: [{ column: 'unit_code', message: expect.stringContaining('diarsipkan') }],
    })
  })

  it('rejects unknown and missing columns in the header', () => {
    const parsed = parseAccountCsv('platform,handel,unit_code\nx,a,b\n')
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.map((e) => e.column).sort()).toEqual(['handel', 'handle', 'penanggung_jawab_email'])
    expect(parsed.errors.every((e) => e.row === 1)).toBe(true)
  })

  it('reads semicolon-separated files as saved by spreadsheets in the Indonesian locale', () => {
    const [row] = rows(
      'platform;handle;unit_code;penanggung_jawab_email\r\nx;humasbdg;DISKOMINFO;pj@uji.go.id\r\n',
    )
    expect(row).toEqual({
      row: 2,
      values: {
        platform: 'x',
        handle: 'humasbdg',
        unit_code: 'DISKOMINFO',
        penanggung_jawab_email: 'pj@uji.go.id',
      },
    })
  })

  it('round-trips a WhatsApp number through the formula guard of the export', () => {
    const text = formatCsv(ACCOUNT_CSV_COLUMNS, [
      {
        platform: 'whatsapp',
        handle: '+6281234567890',
        unit_code: 'DISKOMINFO',
        penanggung_jawab_email: 'pj@uji.go.id',
        notes: '=HYPERLINK("x")',
      },
    ])
    const raw: string[][] = parse(text, { bom: true })
    expect(raw[1]![1]).toBe("'+6281234567890")
    expect(raw[1]![11]).toBe('\'=HYPERLINK("x")')
    const [row] = rows(text)
    expect(row!.values.handle).toBe('+6281234567890')
    expect(checkAccountCsvRow(row!, lookups, TODAY).ok).toBe(true)
  })
})
