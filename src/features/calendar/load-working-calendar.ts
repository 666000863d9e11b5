// Reads an instansi's working-day calendar: the national tables with its edits and settings. Every deadline reads
// the calendar through loadWorkingCalendar, so all of them count the same days.
import type { Db } from '../../db/client.ts'
import { listCalendarEdits } from '../../db/calendar-days-repository.ts'
import { readCalendarSettings } from '../../db/settings-repository.ts'
import type { WorkingCalendar } from './add-working-days.ts'
import {
  buildWorkingCalendar,
  DEFAULT_CALENDAR_SETTINGS,
  type CalendarDayKind,
  type CalendarEdit,
  type CalendarSettings,
} from './build-working-calendar.ts'

export function toEdits(rows: ReadonlyArray<{ date: string; kind: string; name: string }>): CalendarEdit[] {
  return rows.map((row) => ({ date: row.date, kind: row.kind as CalendarDayKind, name: row.name }))
}

export async function loadCalendarSettings(db: Db, instansiId: string): Promise<CalendarSettings> {
  const stored = await readCalendarSettings<Partial<CalendarSettings>>(db, instansiId)
  return { ...DEFAULT_CALENDAR_SETTINGS, ...stored }
}

export async function loadWorkingCalendar(db: Db, instansiId: string): Promise<WorkingCalendar> {
  const [edits, settings] = await Promise.all([
    listCalendarEdits(db, instansiId),
    loadCalendarSettings(db, instansiId),
  ])
  return buildWorkingCalendar(toEdits(edits), settings)
}
