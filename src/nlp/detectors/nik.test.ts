import { describe, it, expect } from 'vitest'
import { findNiks, isValidNik, maskNik, parseNik } from './nik.ts'

describe('parseNik', () => {
  it('accepts the rules.md vector for a man born on 17 August 1945', () => {
    expect(parseNik('3171011708450001')).toMatchObject({
      sex: 'male',
      birthDay: 17,
      birthMonth: 8,
      birthYearTwoDigits: 45,
    })
  })

  it('reads a day above 40 as a woman born on day minus 40', () => {
    expect(parseNik('3171015708450001')).toMatchObject({ sex: 'female', birthDay: 17, birthMonth: 8 })
  })

  it('rejects an unknown province, an impossible date and the serial 0000', () => {
    expect(isValidNik('9971011708450001')).toBe(false)
    expect(isValidNik('3171013002001234')).toBe(false)
    expect(isValidNik('3171011708450000')).toBe(false)
  })

  it('rejects a province that exists with a regency or district that does not', () => {
    expect(isValidNik('3199011708450001')).toBe(false)
    expect(isValidNik('3171991708450001')).toBe(false)
  })

  it('rejects days 32 to 40 and above 71, and month 13', () => {
    expect(isValidNik('3171013508450001')).toBe(false)
    expect(isValidNik('3171017208450001')).toBe(false)
    expect(isValidNik('3171011713450001')).toBe(false)
  })

  it('accepts 29 February only for a two-digit year that is a leap year in the 1900s or 2000s', () => {
    expect(isValidNik('3171012902000001')).toBe(true)
    expect(isValidNik('3171012902010001')).toBe(false)
  })

  it('accepts an NIK issued in Merauke before the 2022 Papua split under its old code 91.01', () => {
    expect(isValidNik('9101011708450001')).toBe(true)
    expect(isValidNik('9301011708450001')).toBe(true)
  })

  it('rejects anything that is not exactly sixteen digits', () => {
    expect(isValidNik('317101170845000')).toBe(false)
    expect(isValidNik('31710117084500011')).toBe(false)
    expect(isValidNik('3171O11708450001')).toBe(false)
  })
})

describe('findNiks', () => {
  it('finds the NIK in the rules.md sentence with its exact offsets', () => {
    const text = 'NIK saya 3171011708450001'
    expect(findNiks(text)).toEqual([{ start: 9, end: 25 }])
  })

  it('finds an NIK written in groups of four or with region dots', () => {
    expect(findNiks('KTP: 3171 0117 0845 0001.')).toEqual([{ start: 5, end: 24 }])
    expect(findNiks('nik 31.71.01.170845.0001')).toHaveLength(1)
  })

  it('reports nothing for card numbers, phone-like numbers and transaction ids', () => {
    const decoys = [
      'Nomor kartu kredit 4111 1111 1111 1111 jangan disebar',
      'kartu debit 5171011708450001',
      'hubungi 0812345678901234',
      'ID transaksi 3171011708450001 sudah diproses',
      'No. rekening 1234567890123456',
      'Kode billing 6281234567890123',
      'nomor VA 8808123456789012',
      'TRX3171011708450001',
      'nomor 1234567890123456 dan 9999999999999999',
      'token listrik 3171011708450001',
    ]
    for (const text of decoys) expect(findNiks(text), text).toEqual([])
  })

  it('does not take sixteen digits out of a longer number', () => {
    expect(findNiks('31710117084500012')).toEqual([])
    expect(findNiks('13171011708450001')).toEqual([])
  })
})

describe('maskNik', () => {
  it('keeps the first and last four digits only', () => {
    expect(maskNik('3171011708450001')).toBe('3171********0001')
  })
})

describe('findNiks on embedded and card-like numbers', () => {
  it('skips numbers inside path-like references and Luhn-valid card groups', () => {
    expect(findNiks('Nomor surat INV/2024/3171011708450001')).toEqual([])
    expect(findNiks('Kartu 5171 0117 0845 0001 tertinggal di loket')).toEqual([])
  })

  it('still reports a grouped NIK when the text names it', () => {
    expect(findNiks('NIK 5171 0117 0845 0001')).toHaveLength(1)
  })
})

describe('findNiks on grouped Java NIKs', () => {
  it('reports a grouped NIK whose first digits are no card network even without a label', () => {
    expect(findNiks('3171 0117 0845 0001')).toHaveLength(1)
  })
})
