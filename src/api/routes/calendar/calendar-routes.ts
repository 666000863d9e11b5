// The working-day calendar: a year's holidays and cuti bersama (national and edited), edits by the admin,
// settings, and deadlines in working days.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import {
  addCalendarDay,
  CALENDAR_DAY_KINDS,
  computeDeadline,
  readCalendarYear,
  removeCalendarDay,
  resetCalendarDay,
  updateCalendarDay,
  updateCalendarSettings,
} from '../../../features/calendar/manage-calendar.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk TTTT-BB-HH.')
const kind = z.enum(CALENDAR_DAY_KINDS as ['holiday', 'cuti_bersama', 'working_day'])
const dayView = z.object({
  date: z.string(),
  kind: z.string(),
  name: z.string(),
  source: z.enum(['national', 'instansi']),
  replaces: z.object({ kind: z.string(), name: z.string() }).optional(),
})
const settingsView = z.object({
  cutiBersamaIsWorkingDay: z.boolean(),
  extraYearsWithTable: z.array(z.number()),
  weekendDays: z.array(z.number()),
})
const yearView = z.object({
  year: z.number(),
  hasTable: z.boolean(),
  source: z.string().nullable(),
  settings: settingsView,
  days: z.array(dayView),
  missingTables: z.array(z.number()),
})
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
const dateParams = z.object({ date: isoDate })
const addBody = z.object({ date: isoDate, kind, name: z.string().max(200) })
const updateBody = z.object({
  date: isoDate.optional(),
  kind: kind.optional(),
  name: z.string().max(200).optional(),
})
const settingsBody = z.object({
  cutiBersamaIsWorkingDay: z.boolean().optional(),
  extraYearsWithTable: z.array(z.number().int().min(2000).max(2100)).max(50).optional(),
  weekendDays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
})
const deadlineQuery = z.object({
  start: isoDate.optional(),
  workingDays: z.coerce.number().int().min(0).max(1000),
})
const deadlineView = z.object({
  start: z.string(),
  workingDays: z.number(),
  date: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
  cutiBersamaIsWorkingDay: z.boolean(),
})

export function registerCalendarRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "A year's holidays and cuti bersama (national table with this instansi's edits); hasTable false means deadlines into it are provisional",
        querystring: yearQuery,
        response: { 200: yearView },
      },
    },
    async (request) =>
      readCalendarYear(context, requireActor(request), (request.query as z.infer<typeof yearQuery>).year),
  )

  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'The date n working days after start (Asia/Jakarta; counting starts the next day); provisional when it runs into a year with no table',
        querystring: deadlineQuery,
        response: { 200: deadlineView },
      },
    },
    async (request) =>
      computeDeadline(context, requireActor(request), request.query as z.infer<typeof deadlineQuery>),
  )

  app.post(
    '/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add a holiday or cuti bersama (admin: calendar.manage)',
        body: addBody,
        response: { 200: dayView },
      },
    },
    async (request) =>
      addCalendarDay(
        context,
        requireActor(request),
        request.body as z.infer<typeof addBody>,
        requestMeta(request),
      ),
  )

  app.patch(
    '/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Change a day: rename, change kind, or move to another date (the old date becomes a working day)',
        params: dateParams,
        body: updateBody,
        response: { 200: dayView },
      },
    },
    async (request) =>
      updateCalendarDay(
        context,
        requireActor(request),
        (request.params as z.infer<typeof dateParams>).date,
        request.body as z.infer<typeof updateBody>,
        requestMeta(request),
      ),
  )

  app.delete(
    '/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Make a holiday or cuti bersama an ordinary working day',
        params: dateParams,
        response: { 200: z.object({ date: z.string(), removed: z.boolean() }) },
      },
    },
    async (request) => {
      const { date } = request.params as z.infer<typeof dateParams>
      await removeCalendarDay(context, requireActor(request), date, requestMeta(request))
      return { date, removed: true }
    },
  )

  app.post(
    '/calendar/days/:date/reset',
    {
      schema: {
        tags: ['calendar'],
        summary: "Drop this instansi's edit of a date so the national table applies again",
        params: dateParams,
        response: { 200: z.object({ date: z.string(), day: dayView.nullable() }) },
      },
    },
    async (request) => {
      const { date } = request.params as z.infer<typeof dateParams>
      return { date, day: await resetCalendarDay(context, requireActor(request), date, requestMeta(request)) }
    },
  )

  app.put(
    '/calendar/settings',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Whether cuti bersama counts as a working day (default no), years the instansi declares complete, and the weekly days off (default Saturday and Sunday)',
        body: settingsBody,
        response: { 200: settingsView },
      },
    },
    async (request) =>
      updateCalendarSettings(
        context,
        requireActor(request),
        request.body as z.infer<typeof settingsBody>,
        requestMeta(request),
      ),
  )
}
