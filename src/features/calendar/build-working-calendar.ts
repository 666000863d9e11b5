// Merges the national tables with one instansi's edits into the calendar the deadline arithmetic reads.
import type { CalendarDayKind } from '../../shared/statuses.ts'
import type { DayOffKind, WorkingCalendar } from './add-working-days.ts'
import { NATIONAL_CALENDAR, type NationalYear, type OffDayKind } from './national-calendar.ts'

export type { CalendarDayKind } from '../../shared/statuses.ts'

export interface CalendarEdit {
  date: string
  /**
   * 'working_day' on a date with a national day off removes that day (the date becomes an ordinary day: a working
   * day on a weekday, still off on a weekly day off). On any other date it is a hari kerja pengganti: a working
   * day even on a Saturday or Sunday. 'regional_holiday' is a libur daerah, a day off like a national holiday.
   */
  kind: CalendarDayKind
  name: string
}

export interface CalendarSettings {
  cutiBersamaIsWorkingDay: boolean
  /** Years the instansi declared complete itself (e.g. it entered next year's SKB before a Warta release). */
  extraYearsWithTable: readonly number[]
  /** Days of the week off (0 = Sunday … 6 = Saturday): the ASN week is Monday–Friday (Perpres 21/2023), kept configurable. */
  weekendDays: readonly number[]
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  cutiBersamaIsWorkingDay: false,
  extraYearsWithTable: [],
  weekendDays: [0, 6],
}

export interface EffectiveDay {
  date: string
  kind: CalendarDayKind
  name: string
  /** 'national' as shipped; 'instansi' added or changed by the instansi. */
  source: 'national' | 'instansi'
  /** For an instansi edit on a national date: the national entry it replaces. */
  replaces?: { kind: OffDayKind; name: string } | undefined
  /** A national day off the instansi removed (kind 'working_day' over it): shown by the name it had. */
  removed: boolean
}

/** Every day of the calendar that is not an ordinary weekday, national and edited, sorted by date. */
export function effectiveDays(
  edits: readonly CalendarEdit[],
  national: readonly NationalYear[] = NATIONAL_CALENDAR,
): EffectiveDay[] {
  const byDate = new Map<string, EffectiveDay>()
  for (const year of national) {
    for (const day of year.days)
      byDate.set(day.date, {
        date: day.date,
        kind: day.kind,
        name: day.name,
        source: 'national',
        removed: false,
      })
  }
  for (const edit of edits) {
    const base = byDate.get(edit.date)
    const replaces =
      base?.source === 'national' && isNationalKind(base.kind)
        ? { kind: base.kind, name: base.name }
        : undefined
    byDate.set(edit.date, {
      date: edit.date,
      kind: edit.kind,
      name: edit.name,
      source: 'instansi',
      replaces,
      removed: edit.kind === 'working_day' && replaces !== undefined,
    })
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

export function buildWorkingCalendar(
  edits: readonly CalendarEdit[],
  settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS,
  national: readonly NationalYear[] = NATIONAL_CALENDAR,
): WorkingCalendar {
  const offDays = new Map<string, DayOffKind>()
  const dayNames = new Map<string, string>()
  const extraWorkingDays = new Set<string>()
  for (const day of effectiveDays(edits, national)) {
    if (day.kind !== 'working_day') {
      offDays.set(day.date, day.kind)
      dayNames.set(day.date, day.name)
    } else if (!day.removed) extraWorkingDays.add(day.date)
  }
  const yearsWithTable = new Set<number>([
    ...national.map((year) => year.year),
    ...settings.extraYearsWithTable,
  ])
  return {
    offDays,
    dayNames,
    extraWorkingDays,
    yearsWithTable,
    cutiBersamaIsWorkingDay: settings.cutiBersamaIsWorkingDay,
    weekendDays: settings.weekendDays,
  }
}

function isNationalKind(kind: CalendarDayKind): kind is OffDayKind {
  return kind === 'holiday' || kind === 'cuti_bersama'
}
