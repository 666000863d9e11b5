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
    expect(extractAmounts('PPN dua belas persen')).toEqual([12])
    expect(extractAmounts('lima belas ribu')).toEqual([15_000])
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

describe('extractAmounts on colloquial and English amounts', () => {
  it('reads 75k, 75rb, 75 rebu, 75 ribu and the words for seventy-five thousand as one amount', () => {
    for (const text of ['75k', 'cuma 75rb', '75 rebu', 'Rp75.000', 'tujuh puluh lima ribu', '75 thousand'])
      expect(extractAmounts(text), text).toEqual([75_000])
  })

  it('reads street money words and English millions', () => {
    expect(extractAmounts('bayar goceng')).toEqual([5000])
    expect(extractAmounts('ceban doang')).toEqual([10_000])
    expect(extractAmounts('5 million')).toEqual([5_000_000])
    expect(extractAmounts('1,5 M')).toEqual([1_500_000_000])
  })
})
