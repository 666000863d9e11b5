import { describe, expect, it } from 'vitest'
import { parseHoaxCsv, parseSourceEntry, splitCell } from './hoax-claim-csv.ts'
import { checkHoaxClaimDraft } from './hoax-claim-input.ts'

describe('hoax claim CSV', () => {
  it('detects the semicolon a spreadsheet in the Indonesian locale saves with, and reads multi-line cells', () => {
    const parsed = parseHoaxCsv(
      '\uFEFFLabel;Klaim;Klarifikasi;Sumber;Tanggal Muncul;Varian;Kata Kunci;Status\n' +
        '[HOAKS];Bansos dihentikan;Bansos tetap disalurkan.;"Siaran pers | https://a.go.id/x\nhttps://b.go.id/y";' +
        '02/11/2026;"Bansos distop\nBLT dihentikan";bansos, BLT;diarsipkan\n',
    )
    expect(parsed.errors).toEqual([])
    expect(parsed.rows).toEqual([
      {
        row: 2,
        id: null,
        draft: {
          label: '[HOAKS]',
          claim: 'Bansos dihentikan',
          facts: 'Bansos tetap disalurkan.',
          sources: [
            { title: 'Siaran pers', url: 'https://a.go.id/x' },
            { title: '', url: 'https://b.go.id/y' },
          ],
          firstSeenOn: '2026-11-02',
          clarifiedOn: null,
          variants: ['Bansos distop', 'BLT dihentikan'],
          keywords: ['bansos', 'BLT'],
        },
        unitCodes: [],
        status: 'archived',
      },
    ])
  })

  it('reports the header problems at row 1 by column', () => {
    const parsed = parseHoaxCsv('klaim,fakta,warna,fakta\nA,B,C,D\n')
    expect(parsed.errors.map((error) => [error.row, error.column, error.key])).toEqual([
      [1, 'warna', 'accounts.csv_unknown_column'],
      [1, 'fakta', 'accounts.csv_duplicate_column'],
      [1, 'label', 'accounts.csv_missing_column'],
    ])
  })

  it('reports unreadable cells by row and column, and a file without data rows', () => {
    const parsed = parseHoaxCsv(
      'label,klaim,fakta,sumber,tanggal_klarifikasi,status\nhoaks,A,B,bukan tautan,31/02/2026,lama\n',
    )
    expect(parsed.errors.map((error) => [error.row, error.column, error.key])).toEqual([
      [2, 'sumber', 'hoax.csv_source'],
      [2, 'status', 'hoax.csv_status'],
      [2, 'tanggal_klarifikasi', 'accounts.csv_date'],
    ])
    expect(parseHoaxCsv('label;klaim;fakta\n;;\n').errors[0]?.key).toBe('hoax.import_no_rows')
    expect(parseHoaxCsv('label,klaim,fakta\n"A,B\n').errors[0]?.key).toBe('accounts.csv_unreadable')
  })

  it('splits cells and reads sources with or without a title', () => {
    expect(splitCell('a; b,c\n\n d', true)).toEqual(['a', 'b', 'c', 'd'])
    expect(splitCell('satu, dua\ntiga', false)).toEqual(['satu, dua', 'tiga'])
    expect(parseSourceEntry('Judul | dengan | garis | https://x.go.id')).toEqual({
      title: 'Judul | dengan | garis',
      url: 'https://x.go.id',
    })
    expect(parseSourceEntry('x.go.id')).toBeUndefined()
  })
})

describe('checking a claim', () => {
  const units = new Set(['u1'])
  const base = {
    label: 'hoaks',
    claim: 'Klaim',
    facts: 'Fakta',
    sources: [],
    unitIds: [],
    variants: [],
    keywords: [],
  }

  it('cleans lists: trimmed, repeats and blanks dropped, the claim itself is no variant', () => {
    const check = checkHoaxClaimDraft(
      {
        ...base,
        variants: [' Klaim ', 'Varian  satu', 'varian satu', ''],
        keywords: ['A', 'a', ' b '],
        sources: [{ url: 'https://x.go.id', title: '' }, { url: 'https://x.go.id' }],
      },
      units,
    )
    expect(check).toMatchObject({
      ok: true,
      value: {
        variants: ['Varian satu'],
        keywords: ['A', 'b'],
        sources: [{ url: 'https://x.go.id', title: 'https://x.go.id' }],
      },
    })
  })

  it('refuses units outside the instansi and addresses that are not web links', () => {
    const check = checkHoaxClaimDraft(
      { ...base, unitIds: ['u1', 'u9'], sources: [{ url: 'ftp://x.go.id', title: 'x' }] },
      units,
    )
    expect(check.ok ? {} : Object.keys(check.errors)).toEqual(['sources.0.url', 'unitIds.1'])
  })
})
