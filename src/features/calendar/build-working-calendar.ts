// Merges the national tables with one instansi's edits into the calendar the deadline arithmetic reads.
import type { WorkingCalendar } from './add-working-days.ts'
import { NATIONAL_CALENDAR, type NationalYear, type OffDayKind } from './national-calendar.ts'

export type CalendarDayKind = OffDayKind | 'working_day'

export interface CalendarEdit {
  date: string
  /** 'working_day' cancels a national day off on that date. */
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
}

/** Every day of the calendar that is not an ordinary weekday, national and edited, sorted by date. */
export function effectiveDays(
  edits: readonly CalendarEdit[],
  national: readonly NationalYear[] = NATIONAL_CALENDAR,
): EffectiveDay[] {
  const byDate = new Map<string, EffectiveDay>()
  for (const year of national) {
    for (const day of year.days)
      byDate.set(day.date, { date: day.date, kind: day.kind, name: day.name, source: 'national' })
  }
  for (const edit of edits) {
    const base = byDate.get(edit.date)
    const replaces = base && base.kind !== 'working_day' ? { kind: base.kind, name: base.name } : undefined
    byDate.set(edit.date, { date: edit.date, kind: edit.kind, name: edit.name, source: 'instansi', replaces })
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

export function buildWorkingCalendar(
  edits: readonly CalendarEdit[],
  settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS,
  national: readonly NationalYear[] = NATIONAL_CALENDAR,
): WorkingCalendar {
  const offDays = new Map<string, OffDayKind>()
  for (const day of effectiveDays(edits, national))
    if (day.kind !== 'working_day') offDays.set(day.date, day.kind)
  const yearsWithTable = new Set<number>([
    ...national.map((year) => year.year),
    ...settings.extraYearsWithTable,
  ])
  return {
    offDays,
    yearsWithTable,
    cutiBersamaIsWorkingDay: settings.cutiBersamaIsWorkingDay,
    weekendDays: settings.weekendDays,
  }
}
