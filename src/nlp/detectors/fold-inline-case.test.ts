import { describe, it, expect } from 'vitest'
import { foldInlineCase } from './fold-inline-case.ts'

describe('foldInlineCase', () => {
  it('spells out the letters of an inline case-insensitive group and leaves the rest as it was', () => {
    expect(foldInlineCase(String.raw`(?i:pak|bu)\s+\p{Lu}`)).toBe(
      String.raw`(?:[pP][aA][kK]|[bB][uU])\s+\p{Lu}`,
    )
  })

  it('keeps escapes, property classes, lookarounds and nested groups working', () => {
    const source = String.raw`(?i:partai)\s+(?!(?i:politik|yang)\b)\p{L}+|(?i:no\.?\s*(?:urut)?)\s*\d`
    const folded = new RegExp(foldInlineCase(source), 'u')
    expect(folded.test('PARTAI Hijau')).toBe(true)
    expect(folded.test('Partai politik')).toBe(false)
    expect(folded.test('No. Urut 2')).toBe(true)
    expect(foldInlineCase(source)).not.toContain('(?i:')
  })

  it('matches the same texts as the modifier form', () => {
    const source = String.raw`(?<![\p{L}])(?i:bapak|ibu|pak|bu)\s+\p{Lu}[\p{Ll}']+`
    const folded = new RegExp(foldInlineCase(source), 'u')
    for (const text of ['Semoga Pak Yoyok menang', 'ibu Sari', 'IBU Ratna', 'pak lurah', 'Bupati'])
      expect(folded.exec(text)?.[0], text).toBe(new RegExp(source, 'u').exec(text)?.[0])
  })
})
