// The shapes of the content calendar, from the generated API types (web/src/api/openapi.d.ts).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'
import type { ZoneLabel } from './content-calendar-time.ts'

export type CalendarPosts = JsonAnswer<paths['/api/posts/calendar']['get']>
export type CalendarPost = components['schemas']['CalendarPost']

export const CONTENT_CALENDAR_VIEWS = ['month', 'week', 'list'] as const
export type ContentCalendarView = (typeof CONTENT_CALENDAR_VIEWS)[number]

/** What the URL keeps: the filters, the zone, the view and the date in view. */
export interface ContentCalendarSearch {
  unit?: string
  account?: string
  platform?: string
  status?: string
  tz?: ZoneLabel
  view?: ContentCalendarView
  date?: string
}

export type ContentCalendarFilters = Pick<ContentCalendarSearch, 'unit' | 'account' | 'platform' | 'status'>
