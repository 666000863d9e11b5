// rules.md §12 A 1 and A 5, written as the vectors stand, under both cuti-bersama settings.
import { describe, expect, it } from 'vitest'
import { buildWorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/build-working-calendar.ts'
import { disputeWindowEnds, extendedDeadline, kipDeadlines, objectionAnswerDue } from './kip-clock.ts'

const cutiOff = buildWorkingCalendar([])
const cutiCounts = buildWorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, cutiBersamaIsWorkingDay: true })

describe('rule A1: notice within 10 WD, extendable once by ≤ 7 WD', () => {
  it('received Fri 13 Mar 2026 → due Mon 6 Apr 2026, extended Wed 15 Apr 2026', () => {
    const deadlines = kipDeadlines('2026-03-13', cutiOff)
    expect(deadlines.due).toEqual({ date: '2026-04-06', provisional: false, provisionalYears: [] })
    expect(deadlines.extendedMax.date).toBe('2026-04-15')
    expect(extendedDeadline('2026-03-13', 7, cutiOff).date).toBe('2026-04-15')
  })

  it('the same request with cuti bersama counted as working days → Mon 30 Mar 2026', () => {
    expect(kipDeadlines('2026-03-13', cutiCounts).due.date).toBe('2026-03-30')
  })

  it('received Thu 27 Mar 2025 → due Tue 22 Apr 2025 (with cuti bersama counted: Mon 14 Apr 2025)', () => {
    expect(kipDeadlines('2025-03-27', cutiOff).due.date).toBe('2025-04-22')
    expect(kipDeadlines('2025-03-27', cutiCounts).due.date).toBe('2025-04-14')
  })

  it('refuses an extension of more than 7 or fewer than 1 working days', () => {
    expect(() => extendedDeadline('2026-03-13', 8, cutiOff)).toThrow(RangeError)
    expect(() => extendedDeadline('2026-03-13', 0, cutiOff)).toThrow(RangeError)
    expect(extendedDeadline('2026-03-13', 3, cutiOff).date).toBe('2026-04-09')
  })

  it('a request on Mon 21 Dec 2026 comes out provisional (2027 has no table)', () => {
    expect(kipDeadlines('2026-12-21', cutiOff).due).toMatchObject({
      provisional: true,
      provisionalYears: [2027],
    })
  })
})

describe('rule A5: objection clock', () => {
  it('objection received Mon 4 May 2026 → answer due Tue 23 Jun 2026', () => {
    expect(objectionAnswerDue('2026-05-04', cutiOff).date).toBe('2026-06-23')
  })

  it('an answer given Mon 4 May 2026 → dispute window ends Tue 26 May 2026 (14 May holiday, 15 May cuti bersama)', () => {
    expect(disputeWindowEnds('2026-05-04', cutiOff).date).toBe('2026-05-26')
  })

  it('with cuti bersama counted, 15 May and 28 May count: dispute Mon 25 May, answer Fri 19 Jun 2026', () => {
    expect(disputeWindowEnds('2026-05-04', cutiCounts).date).toBe('2026-05-25')
    expect(objectionAnswerDue('2026-05-04', cutiCounts).date).toBe('2026-06-19')
  })
})
