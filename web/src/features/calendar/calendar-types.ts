// The working-day calendar as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type CalendarDay = components['schemas']['CalendarDay']
export type CalendarYear = Answer<paths['/api/calendar']['get']>
export type CalendarSettings = CalendarYear['settings']
export type Deadline = Answer<paths['/api/calendar/deadline']['get']>
export type SkippedDay = Deadline['skipped'][number]
export type CalendarImport = Answer<paths['/api/calendar/import']['post']>
export type CalendarImportRow = CalendarImport['rows'][number]
export type CalendarImportError = CalendarImport['errors'][number]
