import { describe, it, expect } from 'vitest'
import { extractAmounts, isAmountUnit } from './extract-amounts.ts'

describe('extractAmounts', () => {
  it('reads the same amount however it is written', () => {
    for (const text of [
      'Rp5.000.000',
      'Rp 5 juta',
      'bantuan 5jt',
      'dapet 5 jt',
      'lima juta',
      'rp. 5000000',
    ]) {
      expect(extractAmounts(text)).toEqual([5_000_000])
    }
    expect(extractAmounts('enam ratus ribu rupiah')).toEqual([600_000])
    expect(extractAmounts('600rb')).toEqual([600_000])
    expect(extractAmounts('600k aja')).toEqual([600_000])
    expect(extractAmounts('sejuta')).toEqual([1_000_000])
  })

  it('reads decimals and leaves names with digits out', () => {
    expect(extractAmounts('5,5 juta')).toEqual([5_500_000])
    expect(extractAmounts('1,5 kg')).toEqual([1.5])
    expect(extractAmounts('vaksin COVID-19')).toEqual([])
  })

  it('knows money multipliers from content words', () => {
    expect(isAmountUnit('jt')).toBe(true)
    expect(isAmountUnit('rb')).toBe(true)
    expect(isAmountUnit('vaksin')).toBe(false)
  })
})
