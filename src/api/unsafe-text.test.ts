import { describe, expect, it } from 'vitest'
import { findUnsafeText, isUnsafeText } from './unsafe-text.ts'

describe('unsafe text', () => {
  it('finds a NUL byte and a lone surrogate of either half, but not a paired surrogate or plain text', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true)
    expect(isUnsafeText('a\ud800b')).toBe(true)
    expect(isUnsafeText('a\udc00')).toBe(true)
    expect(isUnsafeText('Humas 👍 Kota')).toBe(false)
    expect(isUnsafeText('Dinas Komunikasi dan Informatika')).toBe(false)
  })

  it('names the path of every unsafe string and object key in a body', () => {
    const body = {
      name: 'ok',
      handle: 'hu\u0000mas',
      pengelola: [{ userId: 'x' }, { suratTugasNumber: '\ud800' }],
      patterns: { ['x\u0000']: 'ok' },
    }
    expect(findUnsafeText(body, 50)).toEqual([
      ['handle'],
      ['pengelola', 1, 'suratTugasNumber'],
      ['patterns', 'x\u0000'],
    ])
  })

  it('stops at the limit', () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, '\u0000']))
    expect(findUnsafeText(body, 50)).toHaveLength(50)
  })

  it('walks a body nested far deeper than the call stack allows', () => {
    let deep: unknown = '\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const found = findUnsafeText(deep, 50)
    expect(found).toHaveLength(1)
    expect(found[0]).toHaveLength(100_000)
  })
})
