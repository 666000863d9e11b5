import { describe, it, expect } from 'vitest'
import { hateCues, institutionOnly } from './hate-rules.ts'

describe('hate-speech rules', () => {
  it('treats an insult aimed only at an institution as not hate speech', () => {
    expect(institutionOnly(hateCues('PLN goblok, listrik mati terus'))).toBe(true)
    expect(institutionOnly(hateCues('pemprov bangsat gak becus'))).toBe(true)
  })

  it('does not excuse an insult aimed at a person inside the institution', () => {
    expect(institutionOnly(hateCues('petugas PLN goblok'))).toBe(false)
  })

  it('finds a hostile word next to an identity word, with its SARA category', () => {
    const cues = hateCues('usir saja semua orang cina dari sini')
    expect(cues.hostileIdentity).toBe(true)
    expect(cues.identity).toBe('ras_suku')
  })

  it('does not flag a neutral mention of a religion', () => {
    expect(hateCues('jadwal misa di gereja katedral minggu ini').hostileIdentity).toBe(false)
  })
})
