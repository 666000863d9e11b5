// The working-day calendar: a year's days off, edits, settings and deadlines.
import { z } from 'zod'
import { CALENDAR_CSV_COLUMNS } from '../../../features/calendar/calendar-csv.ts'
import { CALENDAR_DAY_KINDS } from '../../../features/calendar/manage-calendar.ts'
import { isoDate } from '../shared-schemas.ts'

/** Kinds of day: libur nasional, cuti bersama, libur daerah, hari kerja pengganti (or a removed national day). */
const dayKind = z.enum(CALENDAR_DAY_KINDS)

export const dayView = z
  .object({
    date: z.string(),
    kind: dayKind,
    name: z.string(),
    source: z.enum(['national', 'instansi']),
    replaces: z.object({ kind: z.string(), name: z.string() }).optional(),
    removed: z
      .boolean()
      .describe('A national day off this instansi removed (kind working_day); `replaces` names it'),
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
  source: z.string().nullable().describe('The decree of the national table; null without one'),
  declaredComplete: z.boolean().describe("The instansi declared this year's table complete itself"),
  settings: settingsView,
  days: z.array(dayView),
  missingTables: z.array(z.number()),
})
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
export const dateParams = z.object({ date: isoDate })
export const addBody = z.object({ date: isoDate, kind: dayKind, name: z.string().max(200) })
export const updateBody = z.object({
  date: isoDate.optional(),
  kind: dayKind.optional(),
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
  skipped: z
    .array(
      z.object({
        date: z.string(),
        reason: z.enum(['weekend', 'holiday', 'cuti_bersama', 'regional_holiday']),
        name: z.string().nullable(),
      }),
    )
    .describe('The days after start up to the due date that did not count, with why'),
})
export const removedView = z.object({ date: z.string(), removed: z.boolean() })
export const resetView = z.object({ date: z.string(), day: dayView.nullable() })

export const importBody = z.object({
  year: z.number().int().min(2000).max(2100),
  csv: z
    .string()
    .max(60_000)
    .describe('The CSV text: columns tanggal, jenis, keterangan (or date, kind, name)'),
  dryRun: z.boolean().default(true),
  declareComplete: z.boolean().default(false),
})
const rowProblem = z.object({
  row: z.number(),
  column: z.enum([...CALENDAR_CSV_COLUMNS, '']),
  key: z.string(),
  params: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly()]),
    )
    .optional(),
  message: z.string(),
})
export const importResult = z.object({
  year: z.number(),
  dryRun: z.boolean(),
  saved: z.boolean(),
  dataRows: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      date: z.string(),
      kind: dayKind,
      name: z.string(),
      action: z.enum(['create', 'update', 'unchanged']),
      before: z.object({ kind: dayKind, name: z.string() }).nullable(),
    }),
  ),
  errors: z.array(rowProblem),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  hadTable: z.boolean(),
  declaresComplete: z.boolean(),
})
