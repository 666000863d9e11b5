import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { AccountRecord } from '../../db/accounts-repository.ts'
import {
  ACCOUNT_CSV_COLUMNS,
  accountCsvColumns,
  accountCsvRecord,
  checkAccountCsvHeader,
  checkAccountCsvRow,
  csvRowKey,
  detectSeparator,
  formatCsv,
  parseAccountCsv,
  parseAccountCsvInSteps,
  parseCsvDate,
  type CsvHeader,
  type CsvLookups,
  type CsvRow,
} from './account-csv.ts'
import type { UserLookup } from './account-input.ts'

const units = new Map([
  ['DISKOMINFO', { id: 'u1', path: '/r/u1/', archived: false }],
  ['LAMA', { id: 'u2', path: '/r/u2/', archived: true }],
])
const people = new Map<string, UserLookup>([
  [
    'pj@uji.go.id',
    { id: 'p1', name: 'Sari', disabled: false, grants: [{ role: 'penanggung_jawab', unitPath: '/r/' }] },
  ],
  [
    'ani@uji.go.id',
    { id: 'p2', name: 'Ani', disabled: false, grants: [{ role: 'pengelola', unitPath: '/r/' }] },
  ],
  [
    'budi@uji.go.id',
    { id: 'p3', name: 'Budi', disabled: false, grants: [{ role: 'pengelola', unitPath: '/r/' }] },
  ],
  [
    'dewi@uji.go.id',
    { id: 'p4', name: 'Dewi', disabled: false, grants: [{ role: 'analis', unitPath: '/r/' }] },
  ],
])
const lookups: CsvLookups = {
  unitByCode: (code) => units.get(code.toUpperCase()),
  userByEmail: (email) => people.get(email.toLowerCase()),
  unitById: (id) => [...units.values()].find((u) => u.id === id),
  userById: (id) => [...people.values()].find((u) => u.id === id),
}
const TODAY = '2026-06-01'

function parsed(text: string): { header: CsvHeader; rows: CsvRow[] } {
  const result = parseAccountCsv(text)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result
}

function check(text: string) {
  const { header, rows } = parsed(text)
  return checkAccountCsvRow(rows[0]!, header, lookups, TODAY)
}

const HEADER =
  'platform;nama_akun;kode_unit;penanggung_jawab_email;pengelola_1_email;pengelola_1_nomor_surat_tugas;pengelola_1_tanggal_surat_tugas;pengelola_2_email;pengelola_2_nomor_surat_tugas;pengelola_2_tanggal_surat_tugas;2fa_platform;status_verifikasi;status'

describe('account CSV rows', () => {
  it('reads Indonesian headers and values, and each pengelola from its own repeatable columns', () => {
    const result = check(
      `${HEADER}\ninstagram;@Humas.Diskominfo;diskominfo;PJ@uji.go.id;ani@uji.go.id;800/12/Humas;10/01/2025;budi@uji.go.id;;;ya;terverifikasi;tidak aktif\n`,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.check.fields).toMatchObject({
      platform: 'instagram',
      handle: 'humas.diskominfo',
      handleDisplay: 'Humas.Diskominfo',
      unitId: 'u1',
      penanggungJawabUserId: 'p1',
      platformTwoFactor: true,
      verificationStatus: 'verified',
      status: 'dormant',
      url: 'https://www.instagram.com/humas.diskominfo/',
    })
    expect(result.check.pengelola).toEqual([
      { userId: 'p2', suratTugasNumber: '800/12/Humas', suratTugasDate: '2025-01-10' },
      { userId: 'p3', suratTugasNumber: null, suratTugasDate: null },
    ])
  })

  it('still reads the English headers and values of earlier files, and the packed pengelola column', () => {
    const result = check(
      'platform,handle,unit_code,penanggung_jawab_email,pengelola,platform_two_factor,verification_status,status\n' +
        'x,humasbdg,DISKOMINFO,pj@uji.go.id,ani@uji.go.id|800/12/Humas|2025-01-10; budi@uji.go.id,yes,pending,active\n',
    )
    expect(result).toMatchObject({
      ok: true,
      check: {
        fields: {
          handle: 'humasbdg',
          verificationStatus: 'pending',
          status: 'active',
          platformTwoFactor: true,
        },
        pengelola: [
          { userId: 'p2', suratTugasNumber: '800/12/Humas', suratTugasDate: '2025-01-10' },
          { userId: 'p3', suratTugasNumber: null, suratTugasDate: null },
        ],
      },
    })
  })

  it('reports every problem of a row with its row number, the column as the file names it, and a message key', () => {
    // The blank line 2 is skipped, so the row is reported as row 3, where it stands in the file.
    const result = check(
      `platform,nama_akun,kode_unit,penanggung_jawab_email,pengelola_1_email,pengelola_1_nomor_surat_tugas,pengelola_1_tanggal_surat_tugas,2fa_platform,tanggal_ganti_sandi,status\n\n` +
        'x,humas bandung,NOPE,nobody@uji.go.id,ani@uji.go.id,800/1,31/02/2025,mungkin,2027-01-01,tidur\n',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.every((e) => e.row === 3)).toBe(true)
    expect(Object.fromEntries(result.errors.map((e) => [e.column, e.key]))).toEqual({
      kode_unit: 'accounts.csv_unit_code_unknown',
      penanggung_jawab_email: 'accounts.csv_email_unknown',
      pengelola_1_tanggal_surat_tugas: 'accounts.csv_date',
      '2fa_platform': 'accounts.csv_boolean',
      status: 'accounts.csv_choice',
      nama_akun: 'accounts.handle_invalid.x',
      tanggal_ganti_sandi: 'accounts.date_in_future',
    })
    expect(result.errors.find((e) => e.column === 'kode_unit')?.params).toEqual({ code: 'NOPE' })
  })

  it('names the pengelola column of a pengelola who may not manage accounts of that unit', () => {
    const result = check(
      'platform,nama_akun,kode_unit,penanggung_jawab_email,pengelola_1_email\nx,humasbdg,DISKOMINFO,pj@uji.go.id,dewi@uji.go.id\n',
    )
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { column: 'pengelola_1_email', key: 'accounts.pengelola_not_eligible', params: { name: 'Dewi' } },
      ],
    })
  })

  it('refuses a row on an archived unit', () => {
    const result = check(
      'platform,nama_akun,kode_unit,penanggung_jawab_email\nx,humasbdg,LAMA,pj@uji.go.id\n',
    )
    expect(result).toMatchObject({
      ok: false,
      errors: [{ column: 'kode_unit', key: 'accounts.unit_archived' }],
    })
  })

  it('reads the handle out of the address column when the file has no handle column', () => {
    const result = check(
      'platform,alamat,kode_unit,penanggung_jawab_email\ntiktok,tiktok.com/@HumasBdg,DISKOMINFO,pj@uji.go.id\n',
    )
    expect(result).toMatchObject({
      ok: true,
      check: { fields: { handle: 'humasbdg', url: 'https://tiktok.com/@HumasBdg' } },
    })
    const twitter = parsed(
      'platform,alamat,kode_unit,penanggung_jawab_email\nTwitter,x.com/HumasBdg,DISKOMINFO,pj@uji.go.id\n',
    )
    expect(csvRowKey(twitter.rows[0]!)).toBe('x:humasbdg')
  })
})

describe('the CSV file', () => {
  it('rejects unknown, doubled and missing columns in the header, as row 1', () => {
    const result = parseAccountCsv('platform,handel,kode_unit,unit_code\nx,a,b,c\n')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.column, e.key])).toEqual([
      ['handel', 'accounts.csv_unknown_column'],
      ['unit_code', 'accounts.csv_duplicate_column'],
      ['nama_akun', 'accounts.csv_missing_column'],
      ['penanggung_jawab_email', 'accounts.csv_missing_column'],
    ])
    expect(result.errors.every((e) => e.row === 1)).toBe(true)
    expect(checkAccountCsvHeader('platform,handel,kode_unit,unit_code\n')).toHaveLength(4)
    expect(checkAccountCsvHeader('\n\nplatform;nama_akun;kode_unit;penanggung_jawab_email\n')).toEqual([])
  })

  it('detects the separator: semicolons of a spreadsheet in the Indonesian locale, tabs, commas', () => {
    expect(detectSeparator('platform;nama_akun;kode_unit;catatan\n')).toBe(';')
    expect(detectSeparator('platform;nama_akun;"kode, unit";catatan\n')).toBe(';')
    expect(detectSeparator('platform\tnama_akun\tkode_unit\n')).toBe('\t')
    expect(detectSeparator('\uFEFFplatform,nama_akun,catatan\n')).toBe(',')
  })

  it('counts data rows only: not the header, blank lines, or rows of empty cells a spreadsheet leaves behind', () => {
    const text = [
      'platform;nama_akun;kode_unit;penanggung_jawab_email',
      'x;a1;DISKOMINFO;pj@uji.go.id',
      'x;a2;DISKOMINFO;pj@uji.go.id',
      '',
      'x;a3;DISKOMINFO;pj@uji.go.id',
      'x;a4;DISKOMINFO;pj@uji.go.id',
      ';;;',
      ' ; ; ; ',
    ].join('\r\n')
    const { rows } = parsed(text)
    expect(rows).toHaveLength(4)
    expect(rows.map((row) => row.row)).toEqual([2, 3, 5, 6])
  })

  it('reads a large file in steps exactly as in one go, characters split across steps and a broken quote included', async () => {
    const lines = ['platform;nama_akun;nama_tampilan;kode_unit;penanggung_jawab_email']
    for (let i = 0; i < 3000; i += 1)
      lines.push(`x;humas_${i};"Dinas Pendidikan; Pemuda & Olahraga — Bañjar ${i}";DISKOMINFO;pj@uji.go.id`)
    const text = lines.join('\r\n')
    expect(Buffer.byteLength(text)).toBeGreaterThan(200_000)
    const inSteps = await parseAccountCsvInSteps(text)
    expect(inSteps).toEqual(parseAccountCsv(text))
    expect(inSteps.ok && inSteps.rows[2999]?.values.display_name).toBe(
      'Dinas Pendidikan; Pemuda & Olahraga — Bañjar 2999',
    )
    const broken = `${text}\r\nx;"humas_rusak;DISKOMINFO;pj@uji.go.id`
    expect(await parseAccountCsvInSteps(broken)).toMatchObject({
      ok: false,
      errors: [{ key: 'accounts.csv_unreadable' }],
    })
  })

  it('reads dates as spreadsheets write them and refuses impossible ones', () => {
    expect(parseCsvDate('2025-01-10')).toBe('2025-01-10')
    expect(parseCsvDate('10/01/2025')).toBe('2025-01-10')
    expect(parseCsvDate('1-2-2025')).toBe('2025-02-01')
    expect(parseCsvDate('31/02/2025')).toBeUndefined()
    expect(parseCsvDate('Januari 2025')).toBeUndefined()
  })

  it('writes the template and exports with Indonesian headers and as many pengelola column groups as needed', () => {
    expect(ACCOUNT_CSV_COLUMNS.slice(0, 9)).toEqual([
      'platform',
      'nama_akun',
      'nama_tampilan',
      'alamat',
      'kode_unit',
      'penanggung_jawab_email',
      'pengelola_1_email',
      'pengelola_1_nomor_surat_tugas',
      'pengelola_1_tanggal_surat_tugas',
    ])
    expect(accountCsvColumns(3).filter((c) => c.startsWith('pengelola_3_'))).toHaveLength(3)
    const account = {
      platform: 'x',
      handle: 'humasbdg',
      handleDisplay: 'HumasBdg',
      displayName: null,
      url: 'https://x.com/humasbdg',
      unitCode: 'DISKOMINFO',
      penanggungJawab: { userId: 'p1', email: 'pj@uji.go.id', name: 'Sari' },
      pengelola: [
        { userId: 'p3', email: 'budi@uji.go.id', name: 'Budi', suratTugasNumber: null, suratTugasDate: null },
      ],
      verificationStatus: 'pending',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'dormant',
      notes: '',
    } as unknown as AccountRecord
    expect(accountCsvRecord(account, true)).toMatchObject({
      nama_akun: 'HumasBdg',
      status: 'tidak aktif',
      status_verifikasi: 'diajukan',
      '2fa_platform': 'tidak',
      penanggung_jawab_email: 'pj@uji.go.id',
      pengelola_1_email: 'budi@uji.go.id',
      pengelola_1_nomor_surat_tugas: '',
    })
    // An exporter who may not read users gets the names' rows without their addresses.
    expect(accountCsvRecord(account, false)).toMatchObject({
      nama_akun: 'HumasBdg',
      penanggung_jawab_email: '',
      pengelola_1_email: '',
    })
  })

  it('round-trips a WhatsApp number through the formula guard of the export', () => {
    const text = formatCsv(ACCOUNT_CSV_COLUMNS, [
      {
        platform: 'whatsapp',
        nama_akun: '+6281234567890',
        kode_unit: 'DISKOMINFO',
        penanggung_jawab_email: 'pj@uji.go.id',
        catatan: '=HYPERLINK("x")',
      },
    ])
    const raw: string[][] = parse(text, { bom: true })
    expect(raw[1]![1]).toBe("'+6281234567890")
    expect(raw[1]![ACCOUNT_CSV_COLUMNS.indexOf('catatan')]).toBe('\'=HYPERLINK("x")')
    const { header, rows } = parsed(text)
    expect(rows[0]!.values.handle).toBe('+6281234567890')
    expect(checkAccountCsvRow(rows[0]!, header, lookups, TODAY).ok).toBe(true)
  })
})
