import { describe, it, expect } from 'vitest'
import { stemIndonesian } from './stem-indonesian.ts'

const rootsOf = (word: string): string[] => stemIndonesian(word)

describe('stemIndonesian', () => {
  it('strips formal meN-, peN-, di- and ber- prefixes with their suffixes', () => {
    expect(rootsOf('melacak')[0]).toBe('lacak')
    expect(rootsOf('membagikan')[0]).toBe('bagi')
    expect(rootsOf('pendaftaran')[0]).toBe('daftar')
    expect(rootsOf('dihentikan')[0]).toBe('henti')
    expect(rootsOf('berkumur')[0]).toBe('kumur')
    expect(rootsOf('pencairan')[0]).toBe('cair')
  })

  it('restores the first letter a nasal prefix hides, keeping both readings when it cannot tell', () => {
    expect(rootsOf('memantau')).toContain('pantau')
    expect(rootsOf('mengandung')).toContain('kandung')
    expect(rootsOf('menyebabkan')[0]).toBe('sebab')
    expect(rootsOf('menanam')).toContain('tanam')
  })

  it('strips slang nge-, ng-, ny- prefixes and the -in suffix', () => {
    expect(rootsOf('ngelacak')[0]).toBe('lacak')
    expect(rootsOf('nglacak')[0]).toBe('lacak')
    expect(rootsOf('nyebarin')[0]).toBe('sebar')
    expect(rootsOf('nyari')).toContain('cari')
    expect(rootsOf('bagiin')[0]).toBe('bagi')
    expect(rootsOf('mantau')).toContain('pantau')
  })

  it('keeps roots that only look affixed among the candidates', () => {
    expect(rootsOf('vaksin')).toContain('vaksin')
    expect(rootsOf('sekolah')).toContain('sekolah')
    expect(rootsOf('makan')[0]).toBe('makan')
    expect(rootsOf('ledakan')).toContain('ledak')
  })

  it('leaves short words and words with digits alone', () => {
    expect(rootsOf('chip')).toEqual(['chip'])
    expect(rootsOf('covid19')).toEqual(['covid19'])
  })
})
