import { describe, expect, it } from 'vitest'
import {
  checkHandleAgainstPattern,
  matchesWildcardSegments,
  normalisePlaceholderValue,
  parseNamingPattern,
} from './naming-pattern.ts'

describe('parseNamingPattern', () => {
  it('splits literals, placeholders and wildcards', () => {
    expect(parseNamingPattern('humas_{kota}*')).toEqual([
      { type: 'literal', text: 'humas_' },
      { type: 'placeholder', name: 'kota' },
      { type: 'wildcard' },
    ])
  })

  it('refuses an unclosed brace, a stray closing brace, a bad placeholder name, spaces and an empty pattern', () => {
    expect(() => parseNamingPattern('humas_{kota')).toThrow(/tidak ditutup/)
    expect(() => parseNamingPattern('humas}')).toThrow(/tanpa "\{"/)
    expect(() => parseNamingPattern('{1kota}')).toThrow(/nama isian/)
    expect(() => parseNamingPattern('humas {kota}')).toThrow(/spasi/)
    expect(() => parseNamingPattern('  ')).toThrow(/kosong/)
  })
})

describe('checkHandleAgainstPattern', () => {
  const values = { instansi: 'pemkot-bandung', unit: 'DISKOMINFO', kota: 'Bandung' }

  it('accepts a handle built from the instansi slug and unit code', () => {
    expect(checkHandleAgainstPattern('{instansi}{unit}', 'PemkotBandungDiskominfo', values)).toEqual({
      compliant: true,
      expected: 'pemkotbandungdiskominfo',
    })
  })

  it('reports the expected form when a handle breaks the pattern', () => {
    const result = checkHandleAgainstPattern('humas_{kota}', 'humasbdg', values)
    expect(result.compliant).toBe(false)
    expect(result.expected).toBe('humas_bandung')
    expect(result).toMatchObject({
      reason: {
        key: 'naming.reason_mismatch',
        params: { handle: 'humasbdg', pattern: 'humas_{kota}', expected: 'humas_bandung' },
      },
    })
  })

  it('lets a wildcard stand for any suffix, including none', () => {
    expect(checkHandleAgainstPattern('humas_{kota}*', 'humas_bandung', values).compliant).toBe(true)
    expect(checkHandleAgainstPattern('humas_{kota}*', 'humas_bandung_official', values).compliant).toBe(true)
    expect(checkHandleAgainstPattern('humas_{kota}*', 'xhumas_bandung', values).compliant).toBe(false)
  })

  it('treats regular-expression characters in literals as plain text', () => {
    expect(checkHandleAgainstPattern('humas.{kota}', 'humasxbandung', values).compliant).toBe(false)
    expect(checkHandleAgainstPattern('humas.{kota}', 'humas.bandung', values).compliant).toBe(true)
  })

  it('reports a placeholder without a value instead of guessing', () => {
    const result = checkHandleAgainstPattern('humas_{provinsi}', 'humas_jabar', values)
    expect(result).toMatchObject({
      compliant: false,
      missing: ['provinsi'],
      expected: 'humas_{provinsi}',
      reason: { key: 'naming.reason_uncheckable', params: { names: ['{provinsi}'] } },
    })
  })

  it('normalises placeholder values to lower-case letters and digits', () => {
    expect(normalisePlaceholderValue('Kota Bandung')).toBe('kotabandung')
    expect(normalisePlaceholderValue('DINKES-01')).toBe('dinkes01')
    expect(normalisePlaceholderValue('Bañjar')).toBe('banjar')
  })
})

describe('matchesWildcardSegments', () => {
  it('matches like a glob: prefix, suffix and ordered pieces between wildcards', () => {
    expect(matchesWildcardSegments(['humas'], 'humas')).toBe(true)
    expect(matchesWildcardSegments(['humas', ''], 'humas_kota')).toBe(true)
    expect(matchesWildcardSegments(['', 'kota'], 'humaskota')).toBe(true)
    expect(matchesWildcardSegments(['a', 'b', 'c'], 'axxbyyc')).toBe(true)
    expect(matchesWildcardSegments(['a', 'c', 'b'], 'axxbyyc')).toBe(false)
    expect(matchesWildcardSegments(['ab', 'ba'], 'aba')).toBe(false)
    expect(matchesWildcardSegments(['', 'aa', ''], 'xaax')).toBe(true)
  })

  it('answers the backtracking trap a*a*a*a*a*a*a*a*b against a 50-character handle (no match) without stalling', () => {
    const handle = 'a'.repeat(50)
    expect(checkHandleAgainstPattern('a*a*a*a*a*a*a*a*b', handle, {}).compliant).toBe(false)
    expect(checkHandleAgainstPattern('a*a*a*a*a*a*a*a*a', handle, {}).compliant).toBe(true)
  })

  it('agrees with a regular expression on many random patterns and handles', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const word = (length: number) => Array.from({ length }, () => 'ab'[random(2)]).join('')
    for (let i = 0; i < 2000; i += 1) {
      const segments = Array.from({ length: 1 + random(4) }, () => word(random(3)))
      const text = word(random(8))
      const regex = new RegExp(`^${segments.join('.*')}$`)
      expect(matchesWildcardSegments(segments, text), `${segments.join('*')} ~ ${text}`).toBe(
        regex.test(text),
      )
    }
  })
})
