// The working-day calendar as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type CalendarDay = components['schemas']['CalendarDay']
export type CalendarYear = JsonAnswer<paths['/api/calendar']['get']>
export type CalendarSettings = CalendarYear['settings']
export type Deadline = JsonAnswer<paths['/api/calendar/deadline']['get']>
export type SkippedDay = Deadline['skipped'][number]
export type CalendarImport = JsonAnswer<paths['/api/calendar/import']['post']>
export type CalendarImportRow = CalendarImport['rows'][number]
export type CalendarImportError = CalendarImport['errors'][number]
