// The working-day calendar: a year's days off, edits, settings and deadlines.
import { z } from 'zod'
import { CALENDAR_DAY_KINDS } from '../../../features/calendar/manage-calendar.ts'
import { isoDate } from '../shared-schemas.ts'

/** Kinds an admin may enter (regional holidays come from elsewhere). */
const editableKind = z.enum(['holiday', 'cuti_bersama', 'working_day'])

export const dayView = z
  .object({
    date: z.string(),
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string(),
    source: z.enum(['national', 'instansi']),
    replaces: z.object({ kind: z.string(), name: z.string() }).optional(),
  })
  .meta({ id: 'CalendarDay' })
export const settingsView = z.object({
  cutiBersamaIsWorkingDay: z.boolean(),
  extraYearsWithTable: z.array(z.number()).readonly(),
  weekendDays: z.array(z.number()).readonly(),
})
export const yearView = z.object({
  year: z.number(),
  hasTable: z.boolean(),
  source: z.string().nullable(),
  settings: settingsView,
  days: z.array(dayView),
  missingTables: z.array(z.number()),
})
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
export const dateParams = z.object({ date: isoDate })
export const addBody = z.object({ date: isoDate, kind: editableKind, name: z.string().max(200) })
export const updateBody = z.object({
  date: isoDate.optional(),
  kind: editableKind.optional(),
  name: z.string().max(200).optional(),
})
export const settingsBody = z.object({
  cutiBersamaIsWorkingDay: z.boolean().optional(),
  extraYearsWithTable: z.array(z.number().int().min(2000).max(2100)).max(50).optional(),
  weekendDays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
})
export const deadlineQuery = z.object({
  start: isoDate.optional(),
  workingDays: z.coerce.number().int().min(0).max(1000),
})
export const deadlineView = z.object({
  start: z.string(),
  workingDays: z.number(),
  date: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
  cutiBersamaIsWorkingDay: z.boolean(),
})
export const removedView = z.object({ date: z.string(), removed: z.boolean() })
export const resetView = z.object({ date: z.string(), day: dayView.nullable() })
