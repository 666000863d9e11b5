// The working-day calendar: a year's holidays and cuti bersama (national and edited), edits by the admin,
// settings, and deadlines in working days.
import type { AppContext } from '../../../context.ts'
import { importCalendarYear } from '../../../features/calendar/import-calendar.ts'
import {
  addCalendarDay,
  computeDeadline,
  readCalendarYear,
  removeCalendarDay,
  resetCalendarDay,
  updateCalendarDay,
  updateCalendarSettings,
} from '../../../features/calendar/manage-calendar.ts'
import { formatMessage } from '../../../shared/messages/format-message.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import {
  addBody,
  dateParams,
  dayView,
  deadlineQuery,
  deadlineView,
  importBody,
  importResult,
  removedView,
  resetView,
  settingsBody,
  settingsView,
  updateBody,
  yearQuery,
  yearView,
} from './calendar-schemas.ts'

export function registerCalendarRoutes(app: ApiInstance, context: AppContext): void {
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
    async (request) => readCalendarYear(context, requireActor(request), request.query.year),
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
    async (request) => computeDeadline(context, requireActor(request), request.query),
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
    async (request) => addCalendarDay(context, requireActor(request), request.body, requestMeta(request)),
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
        request.params.date,
        request.body,
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
        response: { 200: removedView },
      },
    },
    async (request) => {
      const { date } = request.params
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
        response: { 200: resetView },
      },
    },
    async (request) => {
      const { date } = request.params
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
      updateCalendarSettings(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.post(
    '/calendar/import',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Import a year's holiday table from CSV (tanggal, jenis, keterangan). dryRun (the default) only says what each row would do; saving refuses a file with any row error. declareComplete also marks the year's table complete",
        body: importBody,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const result = await importCalendarYear(
        context,
        requireActor(request),
        request.body,
        requestMeta(request),
      )
      const locale = requestLocale(request)
      return {
        ...result,
        errors: result.errors.map((error) => ({
          ...error,
          message: formatMessage(locale, error.key, error.params),
        })),
      }
    },
  )
}
