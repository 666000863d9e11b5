// rules.md §12 E 31, written as the vector stands, under both cuti-bersama settings.
import { describe, expect, it } from 'vitest'
import { buildWorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/build-working-calendar.ts'
import { laporDeadlines } from './lapor-clock.ts'

const cutiOff = buildWorkingCalendar([])
const cutiCounts = buildWorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, cutiBersamaIsWorkingDay: true })

describe('rule 31: complaint SLA on SP4N-LAPOR!', () => {
  it('received Fri 13 Mar 2026 → first status Wed 25 Mar 2026, follow-up plan Fri 27 Mar 2026', () => {
    expect(laporDeadlines('2026-03-13', cutiOff)).toEqual({
      firstStatusOn: '2026-03-25',
      followUpOn: '2026-03-27',
      provisional: false,
    })
  })

  it('with cuti bersama counted as working days: first status Wed 18 Mar 2026 (follow-up Mon 23 Mar)', () => {
    expect(laporDeadlines('2026-03-13', cutiCounts)).toEqual({
      firstStatusOn: '2026-03-18',
      followUpOn: '2026-03-23',
      provisional: false,
    })
  })

  it('comes out provisional when the count runs into 2027', () => {
    expect(laporDeadlines('2026-12-29', cutiOff).provisional).toBe(true)
  })
})
