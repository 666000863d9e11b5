import { describe, expect, it } from 'vitest'
import { parseTypedDate } from './parse-typed-date.ts'

describe('parseTypedDate', () => {
  it('reads dates as people in Indonesia write them', () => {
    expect(parseTypedDate('12 Oktober 2026')).toBe('2026-10-12')
    expect(parseTypedDate('5 agt 2026')).toBe('2026-08-05')
    expect(parseTypedDate('Senin, 12 Okt 2026')).toBe('2026-10-12')
    expect(parseTypedDate('12/10/2026')).toBe('2026-10-12')
    expect(parseTypedDate('1.2.2026')).toBe('2026-02-01')
  })

  it('reads English month names and the ISO form', () => {
    expect(parseTypedDate('3 March 2026')).toBe('2026-03-03')
    expect(parseTypedDate('2026-01-05')).toBe('2026-01-05')
  })

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseTypedDate('31 Februari 2026')).toBeNull()
    expect(parseTypedDate('29/02/2025')).toBeNull()
    expect(parseTypedDate('besok')).toBeNull()
    expect(parseTypedDate('12 Brumaire 2026')).toBeNull()
  })
})
