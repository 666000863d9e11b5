import { describe, expect, it } from 'vitest'
import { formatDate, isoWithOffset } from './dates.ts'

const instant = new Date('2026-10-12T07:30:00Z')

describe('formatDate', () => {
  it('writes dates as people in Indonesia write them, never ISO', () => {
    expect(formatDate(instant, 'id', 'date')).toBe('12 Oktober 2026')
    expect(formatDate(instant, 'id', 'datetime')).toBe('Senin, 12 Okt 2026 14.30 WIB')
    expect(formatDate(instant, 'en', 'datetime')).toBe('Mon, 12 Oct 2026 14:30 WIB')
    expect(formatDate(instant, 'id', 'time')).toBe('14.30 WIB')
  })

  it('shows an instant in WITA and WIT when asked', () => {
    expect(formatDate(instant, 'id', 'time', 'Asia/Makassar')).toBe('15.30 WITA')
    expect(formatDate(instant, 'id', 'time', 'Asia/Jayapura')).toBe('16.30 WIT')
  })

  it('never shifts a plain calendar date by a time zone', () => {
    expect(formatDate('2026-01-01', 'id', 'date')).toBe('1 Januari 2026')
    expect(formatDate('2026-01-01', 'en', 'datetime')).toBe('Thu, 1 Jan 2026')
  })

  it('shows a dash for nothing and leaves text that is not a date alone', () => {
    expect(formatDate(null, 'id')).toBe('—')
    expect(formatDate('kemarin', 'id')).toBe('kemarin')
  })
})

describe('isoWithOffset', () => {
  it('writes the local time with its offset, as exports need', () => {
    expect(isoWithOffset(instant)).toBe('2026-10-12T14:30:00+07:00')
    expect(isoWithOffset(instant, 'Asia/Jayapura')).toBe('2026-10-12T16:30:00+09:00')
  })
})
