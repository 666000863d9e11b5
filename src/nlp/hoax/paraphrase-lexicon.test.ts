import { describe, expect, it } from 'vitest'
import { foldHoaxText, foldParaphrases, PARAPHRASE_LEXICON } from './paraphrase-lexicon.ts'

describe('foldParaphrases', () => {
  it('rewrites a paraphrase of a claim predicate to the word the claim uses', () => {
    expect(foldParaphrases('anak jadi tidak bisa punya keturunan')).toBe('anak jadi mandul')
    expect(foldParaphrases('nyawanya melayang tiba-tiba')).toBe('meninggal mendadak')
    expect(foldParaphrases('kumur air asin hangat')).toBe('kumur air garam hangat')
  })

  it('leaves words it does not know byte for byte and does not join words across punctuation', () => {
    expect(foldParaphrases('Jadwal posyandu hari Senin.')).toBe('Jadwal posyandu hari Senin.')
    expect(foldParaphrases('tidak bisa, punya keturunan')).toBe('tidak bisa, punya keturunan')
  })

  it('feeds the public-service lexicon, so a rewritten phrase reaches a claim kind', () => {
    expect(foldHoaxText('uang emisi 2016 gak laku lagi')).toBe('uang emisi 2016 henti')
  })

  it('has no form listed under two targets', () => {
    const seen = new Map<string, string>()
    for (const { to, forms } of PARAPHRASE_LEXICON)
      for (const form of forms) {
        const key = form.replace(/[-\s]+/gu, '')
        expect(seen.get(key) ?? to, form).toBe(to)
        seen.set(key, to)
      }
  })
})
