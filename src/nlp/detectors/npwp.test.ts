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

  it('reports nothing for an invalid check digit or a phone-like number', () => {
    expect(findNpwps('01.234.567.5-012.000')).toEqual([])
    expect(findNpwps('0812345678901234')).toEqual([])
  })
})

describe('findNpwps on placeholders', () => {
  it('ignores all-zero numbers', () => {
    expect(findNpwps('NPWP 0000000000000000 dan 000000000000000')).toEqual([])
  })
})
