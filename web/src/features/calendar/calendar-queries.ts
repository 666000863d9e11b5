// Server state of the working-day calendar: a year's days, deadlines, and every change (which also changes
// deadlines and the home page's warning about missing tables).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CalendarDayKind } from '../../../../src/shared/statuses.ts'
import { api } from '../../app/api-client.ts'
import type { CalendarImport, CalendarSettings, CalendarYear, Deadline } from './calendar-types.ts'

export const CALENDAR_PATH = '/api/calendar'

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
  deadline: (start: string, workingDays: number) => ['calendar', 'deadline', start, workingDays] as const,
}

export function calendarYearQuery(year: number) {
  return queryOptions({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarYear>(`${CALENDAR_PATH}?year=${year}`),
  })
}

export function deadlineQuery(start: string, workingDays: number) {
  return queryOptions({
    queryKey: calendarKeys.deadline(start, workingDays),
    queryFn: () =>
      api.get<Deadline>(
        `${CALENDAR_PATH}/deadline?${new URLSearchParams({ start, workingDays: String(workingDays) }).toString()}`,
      ),
  })
}

export function useCalendarChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  })
}

export interface DayBody {
  date: string
  name: string
  kind: CalendarDayKind
}

export interface ImportBody {
  year: number
  csv: string
  dryRun: boolean
  declareComplete: boolean
}

export const calendarRequests = {
  add: (body: DayBody) => api.post(`${CALENDAR_PATH}/days`, body),
  update: ({ original, ...body }: DayBody & { original: string }) =>
    api.patch(`${CALENDAR_PATH}/days/${original}`, body),
  remove: (date: string) => api.delete(`${CALENDAR_PATH}/days/${date}`),
  reset: (date: string) => api.post(`${CALENDAR_PATH}/days/${date}/reset`),
  settings: (body: Partial<CalendarSettings>) => api.put<CalendarSettings>(`${CALENDAR_PATH}/settings`, body),
  importTable: (body: ImportBody) => api.post<CalendarImport>(`${CALENDAR_PATH}/import`, body),
}
