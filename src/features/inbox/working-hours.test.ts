import { describe, expect, it } from 'vitest'
import { buildWorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/build-working-calendar.ts'
import {
  addWorkingHours,
  DEFAULT_WORKING_HOURS,
  localTimeOf,
  workingHoursProblems,
  type WorkingHours,
} from './working-hours.ts'

const calendar = buildWorkingCalendar([])
const cutiCounts = buildWorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, cutiBersamaIsWorkingDay: true })
/** A WIB wall-clock time as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`)

describe('addWorkingHours', () => {
  it('carries a Friday 15:00 target of 4 hours over the weekend to Monday (Friday closes 16:30)', () => {
    // 2026-11-27 is a Friday; 1.5 hours left that day, 2.5 hours on Monday from 08:00.
    const result = addWorkingHours(wib('2026-11-27T15:00:00'), 4, DEFAULT_WORKING_HOURS, calendar)
    expect(result).toEqual({ dueAt: wib('2026-11-30T10:30:00'), provisional: false, provisionalYears: [] })
  })

  it('counts within one day, and starts at opening time when received before it or after closing', () => {
    expect(addWorkingHours(wib('2026-11-24T09:00:00'), 4, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-24T13:00:00'),
    )
    expect(addWorkingHours(wib('2026-11-24T06:10:00'), 4, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-24T12:00:00'),
    )
    expect(addWorkingHours(wib('2026-11-24T21:00:00'), 8, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-25T16:00:00'),
    )
    // Saturday: nothing counts until Monday's opening.
    expect(addWorkingHours(wib('2026-11-28T10:00:00'), 1, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-30T09:00:00'),
    )
  })

  it('skips national holidays', () => {
    // Thu 19 Mar 2026 Nyepi, Fri 20 cuti bersama, Mon 23 and Tue 24 cuti bersama: Wed 18 is cuti bersama too.
    // Tue 17 Mar 15:00 + 4 h → 1 h on Tuesday, then Wednesday 25 Mar 08:00 + 3 h.
    expect(addWorkingHours(wib('2026-03-17T15:00:00'), 4, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-03-25T11:00:00'),
    )
  })

  it('counts cuti bersama as working hours when the setting says so', () => {
    // Wed 18 Mar 2026 (cuti bersama) now counts: 1 h Tuesday, 3 h on Wednesday.
    expect(addWorkingHours(wib('2026-03-17T15:00:00'), 4, DEFAULT_WORKING_HOURS, cutiCounts).dueAt).toEqual(
      wib('2026-03-18T11:00:00'),
    )
    // Friday 20 Mar is cuti bersama: with it counted, Friday's hours (to 16:30) apply.
    expect(addWorkingHours(wib('2026-03-20T14:00:00'), 2, DEFAULT_WORKING_HOURS, cutiCounts).dueAt).toEqual(
      wib('2026-03-20T16:00:00'),
    )
  })

  it('uses Monday hours on a hari kerja pengganti Saturday', () => {
    const withSaturday = buildWorkingCalendar([
      { date: '2026-11-28', kind: 'working_day', name: 'Hari kerja pengganti' },
    ])
    expect(addWorkingHours(wib('2026-11-27T16:00:00'), 2, DEFAULT_WORKING_HOURS, withSaturday).dueAt).toEqual(
      wib('2026-11-28T09:30:00'),
    )
  })

  it('marks the due time provisional when it runs into a year without a holiday table', () => {
    // Thu 31 Dec 2026 15:00 + 8 h: 1 h in 2026, the rest on Fri 1 Jan 2027, a year with no SKB table yet.
    const result = addWorkingHours(wib('2026-12-31T15:00:00'), 8, DEFAULT_WORKING_HOURS, calendar)
    expect(result).toEqual({ dueAt: wib('2027-01-01T15:00:00'), provisional: true, provisionalYears: [2027] })
    expect(addWorkingHours(wib('2026-12-30T09:00:00'), 2, DEFAULT_WORKING_HOURS, calendar).provisional).toBe(
      false,
    )
  })

  it('counts in the instansi time zone: WITA opens an hour earlier in UTC than WIB', () => {
    const wita: WorkingHours = { ...DEFAULT_WORKING_HOURS, timeZone: 'WITA' }
    const wit: WorkingHours = { ...DEFAULT_WORKING_HOURS, timeZone: 'WIT' }
    // 07:30 WIB is 08:30 WITA and 09:30 WIT.
    const received = wib('2026-11-24T07:30:00')
    expect(addWorkingHours(received, 1, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-24T09:00:00'),
    )
    expect(addWorkingHours(received, 1, wita, calendar).dueAt).toEqual(new Date('2026-11-24T09:30:00+08:00'))
    expect(addWorkingHours(received, 1, wit, calendar).dueAt).toEqual(new Date('2026-11-24T10:30:00+09:00'))
    expect(localTimeOf(new Date('2026-11-24T00:00:00Z'), 'WIT')).toEqual({ date: '2026-11-24', minute: 540 })
  })

  it('is due at closing time when the target ends exactly then, and rejects a negative target', () => {
    expect(addWorkingHours(wib('2026-11-24T12:00:00'), 4, DEFAULT_WORKING_HOURS, calendar).dueAt).toEqual(
      wib('2026-11-24T16:00:00'),
    )
    expect(() => addWorkingHours(wib('2026-11-24T12:00:00'), -1, DEFAULT_WORKING_HOURS, calendar)).toThrow()
  })
})

describe('workingHoursProblems', () => {
  it('accepts the default and names what is wrong otherwise', () => {
    expect(workingHoursProblems(DEFAULT_WORKING_HOURS)).toEqual([])
    const days = [...DEFAULT_WORKING_HOURS.days]
    days[5] = { start: '16:00', end: '08:00' }
    days[2] = { start: '8:00', end: '16:00' }
    expect(workingHoursProblems({ timeZone: 'WIB', days })).toEqual(['days.2.start', 'days.5.end'])
    expect(workingHoursProblems({ timeZone: 'WIB', days: Array(7).fill(null) })).toEqual(['days'])
  })
})
