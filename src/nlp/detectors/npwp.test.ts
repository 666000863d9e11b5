import { describe, it, expect } from 'vitest'
import { passesLuhn } from './luhn.ts'
import { findNpwps, formatNpwp, isValidNpwp } from './npwp.ts'

describe('isValidNpwp', () => {
  it('passes every rules.md vector', () => {
    expect(isValidNpwp('012345674012000')).toBe(true)
    expect(isValidNpwp('012345675012000')).toBe(false)
    expect(isValidNpwp('0012345674012000')).toBe(true)
    expect(isValidNpwp('3171011708450001')).toBe(true)
  })

  it('accepts the punctuated legacy form', () => {
    expect(isValidNpwp('01.234.567.4-012.000')).toBe(true)
  })

  it('rejects a 16-digit number that is neither "0" + legacy nor a valid NIK', () => {
    expect(isValidNpwp('9971011708450001')).toBe(false)
    expect(isValidNpwp('0012345675012000')).toBe(false)
  })
})

describe('formatNpwp', () => {
  it('displays the legacy form as in rules.md', () => {
    expect(formatNpwp('012345674012000')).toBe('01.234.567.4-012.000')
    expect(formatNpwp('0012345674012000')).toBe('01.234.567.4-012.000')
  })
})

describe('passesLuhn', () => {
  it('agrees with the payment-card test number', () => {
    expect(passesLuhn('4111111111111111')).toBe(true)
    expect(passesLuhn('4111111111111112')).toBe(false)
  })
})

describe('findNpwps', () => {
  it('finds a punctuated NPWP with exact offsets', () => {
    const text = 'NPWP: 01.234.567.4-012.000 a.n. Budi'
    expect(findNpwps(text)).toEqual([{ start: 6, end: 26 }])
  })

  it('finds bare 15- and 16-digit NPWPs', () => {
    expect(findNpwps('npwp 012345674012000')).toHaveLength(1)
    expect(findNpwps('0012345674012000')).toHaveLength(1)
  })

  it('leaves a bare NIK to the NIK detector but reports it when it is called an NPWP', () => {
    expect(findNpwps('3171011708450001')).toEqual([])
    expect(findNpwps('NPWP 3171011708450001')).toHaveLength(1)
  })

  it("reports a number in the NPWP's six-group shape whatever its check digit, with dots, dashes or spaces", () => {
    expect(findNpwps('Terima kasih Bapak Agus (NPWP 12.345.678.9-012.345) atas pembayarannya')).toHaveLength(
      1,
    )
    expect(findNpwps('Wajib pajak teladan: 01.234.567.5-012.000')).toHaveLength(1)
    expect(findNpwps('Toko Makmur, NPWP 21 345 678 9 012 345.')).toEqual([{ start: 18, end: 38 }])
    expect(findNpwps('NPWP 09-254-294-3-407-000')).toHaveLength(1)
  })

  it('reports any 15 or 16 digits the text calls an NPWP', () => {
    expect(findNpwps('NPWP Anda: 084529113407000 telah aktif')).toHaveLength(1)
    expect(findNpwps('Ibu Wulan (NPWP: 0923.4567.8150.1000)')).toEqual([{ start: 17, end: 36 }])
    expect(findNpwps('Kartu 0923 4567 8150 1000')).toEqual([])
    expect(findNpwps('nomor pokok wajib pajak 3171015708900002')).toHaveLength(1)
  })

  it('reports nothing for a bare number with an invalid check digit, a ticket number or a phone-like number', () => {
    expect(findNpwps('012345675012000')).toEqual([])
    expect(findNpwps('Nomor tiket pengaduan Anda 240512000134567')).toEqual([])
    expect(findNpwps('0812345678901234')).toEqual([])
  })
})

describe('findNpwps on placeholders', () => {
  it('ignores all-zero numbers and the written template', () => {
    expect(findNpwps('NPWP 0000000000000000 dan 000000000000000')).toEqual([])
    expect(findNpwps('Contoh penulisan NPWP: 99.999.999.9-999.999')).toEqual([])
  })
})
