import { describe, expect, it } from 'vitest'
import { compileLexicon, foldLexicon, LEXICON, PUBLIC_SERVICE_LEXICON } from './public-service-lexicon.ts'

describe('foldLexicon', () => {
  it('folds an acronym, the full name and other spellings of one service to one concept word', () => {
    const forms = ['BPJS Kesehatan', 'JKN-KIS', 'KIS', 'Kartu Indonesia Sehat', 'bpjskesehatan']
    expect(new Set(forms.map((form) => foldLexicon(form)))).toEqual(new Set(['xjkn']))
    const ktp = ['KTP-el', 'e-KTP', 'ektp', 'KTP elektronik', 'Kartu Tanda Penduduk']
    expect(new Set(ktp.map((form) => foldLexicon(form)))).toEqual(new Set(['ktp']))
  })

  it('folds the claim kinds’ verbs and phrases, so "gak ada lagi" meets "dihentikan" and "nol rupiah" meets "gratis"', () => {
    expect(foldLexicon('PKH gak ada lagi')).toBe('xpkh henti')
    expect(foldLexicon('bansos dihentikan')).toBe('xbansos henti')
    expect(foldLexicon('tol nol rupiah')).toBe('xtol gratis')
    expect(foldLexicon('daftar CPNS dipungut biaya')).toBe('daftar xcpns bayar')
    expect(foldLexicon('tidak gratis')).toBe('bayar')
  })

  it('keeps everything else as written and does not join words across punctuation', () => {
    expect(foldLexicon('Terima kasih, pelayanan cepat!')).toBe('Terima kasih, pelayanan cepat!')
    expect(foldLexicon('kartu tanda, penduduk')).toBe('kartu tanda, penduduk')
  })

  it('names every concept once, as a lower-case word the stemmer leaves alone', () => {
    const concepts = PUBLIC_SERVICE_LEXICON.map((entry) => entry.concept)
    expect(new Set(concepts).size).toBe(concepts.length)
    // Hearsay forms fold to "katanya" on purpose: a stopword, not content.
    const content = PUBLIC_SERVICE_LEXICON.filter((entry) => entry.slot !== 'hearsay')
    for (const { concept } of content) {
      expect(concept).toMatch(/^[a-z]+$/u)
      expect(concept).not.toMatch(/(?:kan|nya)$|^(?:di|me|ber|ter|ke|se|pe)(?!nti)/u)
    }
    expect(compileLexicon([{ concept: 'xa', slot: 'programme', forms: ['a b c'] }]).longest).toBe(3)
    expect(LEXICON.slotOf.get('xpkh')).toBe('programme')
  })
})
