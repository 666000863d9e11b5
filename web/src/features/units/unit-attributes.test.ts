import { describe, it, expect } from 'vitest'
import { attributesToText, textToAttributes } from './unit-attributes.ts'

describe('unit attributes as text', () => {
  it('round-trips name=value lines, lower-casing names and trimming spaces', () => {
    const parsed = textToAttributes(' Kota = Bandung \n\nprovinsi=Jawa Barat')
    expect(parsed).toEqual({ attributes: { kota: 'Bandung', provinsi: 'Jawa Barat' }, badLines: [] })
    expect(attributesToText(parsed.attributes)).toBe('kota=Bandung\nprovinsi=Jawa Barat')
  })

  it('reports the number of each line that has no name', () => {
    expect(textToAttributes('kota=Bandung\nBandung\n=x').badLines).toEqual([2, 3])
  })
})
