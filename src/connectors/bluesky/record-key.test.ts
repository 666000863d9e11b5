import { describe, expect, it } from 'vitest'
import { recordKeyFor, TID_PATTERN } from './record-key.ts'

describe('recordKeyFor', () => {
  it('gives the same record key for the same idempotency key, and different ones for different keys', () => {
    expect(recordKeyFor('post-1:account-1')).toBe(recordKeyFor('post-1:account-1'))
    const keys = new Set(Array.from({ length: 2000 }, (_, i) => recordKeyFor(`post-${i}:account-1`)))
    expect(keys.size).toBe(2000)
  })

  it('gives well-formed TIDs whose time lies in 2023, never in the future', () => {
    for (let i = 0; i < 500; i += 1) {
      const key = recordKeyFor(`key-${i}`)
      expect(key).toMatch(TID_PATTERN)
      let value = 0n
      for (const character of key)
        value = value * 32n + BigInt('234567abcdefghijklmnopqrstuvwxyz'.indexOf(character))
      const date = new Date(Number(value >> 10n) / 1000)
      expect(date.getUTCFullYear()).toBe(2023)
    }
  })
})
