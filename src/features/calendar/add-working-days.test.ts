import { describe, expect, it } from 'vitest'
import { addWorkingDays, dayOfWeek, isIsoDate, jakartaDateOf, skippedDays } from './add-working-days.ts'
import { buildWorkingCalendar, effectiveDays } from './build-working-calendar.ts'
import { NATIONAL_CALENDAR, nationalYear } from './national-calendar.ts'

const calendar = buildWorkingCalendar([])
const cutiCounted = buildWorkingCalendar([], {
  cutiBersamaIsWorkingDay: true,
  extraYearsWithTable: [],
  weekendDays: [0, 6],
})
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

function counts(year: number): { holidays: number; cutiBersama: number } {
  const days = nationalYear(year)!.days
  return {
    holidays: days.filter((d) => d.kind === 'holiday').length,
    cutiBersama: days.filter((d) => d.kind === 'cuti_bersama').length,
  }
}

describe('national calendar tables (rules.md §10, §12 G 38)', () => {
  it('holds 17 holidays and 10 cuti bersama in 2025', () => {
    expect(counts(2025)).toEqual({ holidays: 17, cutiBersama: 10 })
  })

  it('holds 17 holidays and 8 cuti bersama in 2026', () => {
    expect(counts(2026)).toEqual({ holidays: 17, cutiBersama: 8 })
  })

  it('has exactly the four weekend holidays per year that rules.md lists and no cuti bersama on a weekend', () => {
    const weekendHolidays = (year: number) =>
      nationalYear(year)!
        .days.filter((d) => d.kind === 'holiday' && [0, 6].includes(dayOfWeek(d.date)))
        .map((d) => d.date)
    expect(weekendHolidays(2025)).toEqual(['2025-03-29', '2025-04-20', '2025-06-01', '2025-08-17'])
    expect(weekendHolidays(2026).sort()).toEqual(['2026-03-21', '2026-03-22', '2026-04-05', '2026-05-31'])
    const weekendCuti = NATIONAL_CALENDAR.flatMap((y) => y.days).filter(
      (d) => d.kind === 'cuti_bersama' && [0, 6].includes(dayOfWeek(d.date)),
    )
    expect(weekendCuti).toEqual([])
  })

  it('uses only valid dates inside their own year, each once', () => {
    for (const year of NATIONAL_CALENDAR) {
      for (const day of year.days) {
        expect(isIsoDate(day.date), day.date).toBe(true)
        expect(day.date.startsWith(`${year.year}-`)).toBe(true)
      }
      expect(new Set(year.days.map((d) => d.date)).size).toBe(year.days.length)
    }
  })

  it('matches the weekday rules.md prints beside a few dates', () => {
    expect(WEEKDAY[dayOfWeek('2025-01-28')]).toBe('Tue')
    expect(WEEKDAY[dayOfWeek('2025-12-26')]).toBe('Fri')
    expect(WEEKDAY[dayOfWeek('2026-03-18')]).toBe('Wed')
    expect(WEEKDAY[dayOfWeek('2026-12-24')]).toBe('Thu')
  })
})

describe('addWorkingDays with the rules.md test vectors', () => {
  it('gives a KIP notice received Fri 13 Mar 2026 a due date of Mon 6 Apr 2026, extended to Wed 15 Apr 2026', () => {
    expect(addWorkingDays('2026-03-13', 10, calendar)).toEqual({
      date: '2026-04-06',
      provisional: false,
      provisionalYears: [],
    })
    expect(addWorkingDays('2026-03-13', 17, calendar).date).toBe('2026-04-15')
  })

  it('gives Mon 30 Mar 2026 for the same request when cuti bersama counts as a working day', () => {
    expect(addWorkingDays('2026-03-13', 10, cutiCounted).date).toBe('2026-03-30')
  })

  it('gives a request received Thu 27 Mar 2025 a due date of Tue 22 Apr 2025, or Mon 14 Apr 2025 with cuti bersama counted', () => {
    expect(addWorkingDays('2025-03-27', 10, calendar).date).toBe('2025-04-22')
    expect(addWorkingDays('2025-03-27', 10, cutiCounted).date).toBe('2025-04-14')
  })

  it('answers an objection received Mon 4 May 2026 by Tue 23 Jun 2026 and closes the dispute window on Tue 26 May 2026', () => {
    expect(addWorkingDays('2026-05-04', 30, calendar).date).toBe('2026-06-23')
    expect(addWorkingDays('2026-05-04', 14, calendar).date).toBe('2026-05-26')
  })

  it('gives a complaint received Fri 13 Mar 2026 a first status on Wed 25 Mar and a follow-up plan on Fri 27 Mar 2026', () => {
    expect(addWorkingDays('2026-03-13', 3, calendar).date).toBe('2026-03-25')
    expect(addWorkingDays('2026-03-13', 5, calendar).date).toBe('2026-03-27')
    expect(addWorkingDays('2026-03-13', 3, cutiCounted).date).toBe('2026-03-18')
  })

  it('marks a 10-working-day deadline from Mon 21 Dec 2026 provisional because 2027 has no table', () => {
    const result = addWorkingDays('2026-12-21', 10, calendar)
    expect(result.provisional).toBe(true)
    expect(result.provisionalYears).toEqual([2027])
    // 6 working days are used by 31 Dec 2026 (24 Dec cuti bersama, 25 Dec Natal), so 4 remain for 2027.
    expect(addWorkingDays('2026-12-21', 6, calendar)).toEqual({
      date: '2026-12-31',
      provisional: false,
      provisionalYears: [],
    })
    expect(result.date).toBe('2027-01-06')
  })

  it('stops being provisional once the instansi declares next year complete', () => {
    const withNextYear = buildWorkingCalendar([], {
      cutiBersamaIsWorkingDay: false,
      extraYearsWithTable: [2027],
      weekendDays: [0, 6],
    })
    expect(addWorkingDays('2026-12-21', 10, withNextYear).provisional).toBe(false)
  })

  it('moves the due date when Idulfitri is moved by one day after the SKB (rule 40)', () => {
    const before = addWorkingDays('2026-03-27', 5, calendar)
    // The Menteri Agama moves the 3 Apr 2026 holiday to Mon 6 Apr: 3 Apr becomes a working day, 6 Apr a holiday.
    const moved = buildWorkingCalendar([
      { date: '2026-04-03', kind: 'working_day', name: 'Dipindah ke 6 April' },
      { date: '2026-04-06', kind: 'holiday', name: 'Wafat Yesus Kristus (dipindah)' },
    ])
    expect(before.date).toBe('2026-04-06')
    expect(addWorkingDays('2026-03-27', 5, moved).date).toBe('2026-04-03')
  })

  it('counts Saturday as a working day for an office that works six days a week', () => {
    const sixDays = buildWorkingCalendar([], {
      cutiBersamaIsWorkingDay: false,
      extraYearsWithTable: [],
      weekendDays: [0],
    })
    // Fri 13 Mar 2026 + 1: Sat 14 Mar counts.
    expect(addWorkingDays('2026-03-13', 1, sixDays).date).toBe('2026-03-14')
  })

  it('returns the start date itself for zero working days and refuses negative counts', () => {
    expect(addWorkingDays('2026-03-13', 0, calendar).date).toBe('2026-03-13')
    expect(() => addWorkingDays('2026-03-13', -1, calendar)).toThrow(RangeError)
  })
})

describe('calendar helpers', () => {
  it('takes the Jakarta date of an instant, which is a day later than UTC after 17:00 UTC', () => {
    expect(jakartaDateOf(new Date('2026-03-12T17:30:00Z'))).toBe('2026-03-13')
    expect(jakartaDateOf(new Date('2026-03-12T16:59:00Z'))).toBe('2026-03-12')
  })

  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-3-1')).toBe(false)
  })

  it('shows an instansi edit in place of the national entry it replaces', () => {
    const days = effectiveDays([{ date: '2026-03-21', kind: 'holiday', name: 'Idulfitri 1447 H' }])
    expect(days.find((d) => d.date === '2026-03-21')).toEqual({
      date: '2026-03-21',
      kind: 'holiday',
      name: 'Idulfitri 1447 H',
      source: 'instansi',
      replaces: { kind: 'holiday', name: 'Idulfitri' },
      removed: false,
    })
  })
})

describe('days the instansi sets itself', () => {
  it('counts a libur daerah as a day off, like a national holiday', () => {
    // Wed 1 Jul 2026 is an ordinary Wednesday; made a libur daerah, Tue 30 Jun + 1 working day is Thu 2 Jul.
    expect(addWorkingDays('2026-06-30', 1, calendar).date).toBe('2026-07-01')
    const regional = buildWorkingCalendar([
      { date: '2026-07-01', kind: 'regional_holiday', name: 'Hari Jadi Kota' },
    ])
    expect(addWorkingDays('2026-06-30', 1, regional).date).toBe('2026-07-02')
  })

  it('counts a libur daerah even when cuti bersama counts as working days', () => {
    const regional = buildWorkingCalendar(
      [{ date: '2026-07-01', kind: 'regional_holiday', name: 'Hari Jadi' }],
      {
        cutiBersamaIsWorkingDay: true,
        extraYearsWithTable: [],
        weekendDays: [0, 6],
      },
    )
    expect(addWorkingDays('2026-06-30', 1, regional).date).toBe('2026-07-02')
  })

  it('counts a hari kerja pengganti on a Saturday as a working day', () => {
    // Fri 10 Jul 2026 + 1 is Mon 13 Jul; with Sat 11 Jul a replacement working day it is that Saturday.
    expect(addWorkingDays('2026-07-10', 1, calendar).date).toBe('2026-07-13')
    const replacement = buildWorkingCalendar([
      { date: '2026-07-11', kind: 'working_day', name: 'Pengganti cuti bersama' },
    ])
    expect(addWorkingDays('2026-07-10', 1, replacement).date).toBe('2026-07-11')
  })

  it('makes a removed national holiday on a weekday a working day, but leaves a removed weekend holiday off', () => {
    // Natal, Fri 25 Dec 2026, removed: Thu 24 Dec (cuti bersama) + 1 is that Friday.
    const removedFriday = buildWorkingCalendar([{ date: '2026-12-25', kind: 'working_day', name: 'Natal' }])
    expect(addWorkingDays('2026-12-24', 1, removedFriday).date).toBe('2026-12-25')
    // Idulfitri, Sat 21 Mar 2026, removed: the Saturday stays a weekly day off, not a working day.
    const removedSaturday = buildWorkingCalendar([
      { date: '2026-03-21', kind: 'working_day', name: 'Idulfitri' },
    ])
    expect(addWorkingDays('2026-03-20', 1, removedSaturday).date).toBe(
      addWorkingDays('2026-03-20', 1, calendar).date,
    )
    const shown = effectiveDays([{ date: '2026-03-21', kind: 'working_day', name: 'Idulfitri' }])
    expect(shown.find((d) => d.date === '2026-03-21')).toMatchObject({ removed: true, source: 'instansi' })
  })

  it('still gives every rules.md vector with a libur daerah and a replacement day elsewhere in the year', () => {
    const edited = buildWorkingCalendar([
      { date: '2026-08-03', kind: 'regional_holiday', name: 'Hari Jadi Provinsi' },
      { date: '2026-09-05', kind: 'working_day', name: 'Hari kerja pengganti' },
    ])
    expect(addWorkingDays('2026-03-13', 10, edited).date).toBe('2026-04-06')
    expect(addWorkingDays('2026-03-13', 17, edited).date).toBe('2026-04-15')
    expect(addWorkingDays('2026-05-04', 30, edited).date).toBe('2026-06-23')
    expect(addWorkingDays('2026-05-04', 14, edited).date).toBe('2026-05-26')
    expect(addWorkingDays('2026-03-13', 3, edited).date).toBe('2026-03-25')
    expect(addWorkingDays('2026-03-13', 5, edited).date).toBe('2026-03-27')
    expect(addWorkingDays('2025-03-27', 10, edited).date).toBe('2025-04-22')
  })
})

describe('skippedDays', () => {
  it('lists the weekend, cuti bersama and holidays a KIP deadline from Fri 13 Mar 2026 skips, with their names', () => {
    const skipped = skippedDays('2026-03-13', '2026-04-06', calendar)
    expect(skipped.map((day) => `${day.date} ${day.reason}`)).toEqual([
      '2026-03-14 weekend',
      '2026-03-15 weekend',
      '2026-03-18 cuti_bersama',
      '2026-03-19 holiday',
      '2026-03-20 cuti_bersama',
      '2026-03-21 holiday',
      '2026-03-22 holiday',
      '2026-03-23 cuti_bersama',
      '2026-03-24 cuti_bersama',
      '2026-03-28 weekend',
      '2026-03-29 weekend',
      '2026-04-03 holiday',
      '2026-04-04 weekend',
      '2026-04-05 holiday',
    ])
    expect(skipped.find((day) => day.date === '2026-03-19')?.name).toBe(
      nationalYear(2026)!.days.find((d) => d.date === '2026-03-19')!.name,
    )
    expect(skipped.find((day) => day.date === '2026-03-14')?.name).toBeNull()
    // The 24 days after the start up to the due date: 10 working days and 14 skipped.
    expect(skipped).toHaveLength(14)
  })

  it('skips no cuti bersama when it counts as working days', () => {
    const skipped = skippedDays('2026-03-13', '2026-03-30', cutiCounted)
    expect(skipped.some((day) => day.reason === 'cuti_bersama')).toBe(false)
  })
})
