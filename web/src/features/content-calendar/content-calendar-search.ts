// The content calendar's URL: only well-formed values are kept, so a hand-edited link never breaks the page.
import { POSTING_PLATFORMS } from '../../../../src/shared/platforms.ts'
import { POST_STATUSES } from '../../../../src/shared/statuses.ts'
import { isZoneLabel } from './content-calendar-time.ts'
import { CONTENT_CALENDAR_VIEWS, type ContentCalendarSearch } from './content-calendar-types.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const oneOf = (values: readonly string[], value: unknown): string | undefined =>
  typeof value === 'string' && values.includes(value) ? value : undefined

export function validateContentCalendarSearch(search: Record<string, unknown>): ContentCalendarSearch {
  const out: ContentCalendarSearch = {}
  if (typeof search.unit === 'string' && UUID.test(search.unit)) out.unit = search.unit
  if (typeof search.account === 'string' && UUID.test(search.account)) out.account = search.account
  const platform = oneOf(POSTING_PLATFORMS, search.platform)
  if (platform) out.platform = platform
  const status = oneOf(POST_STATUSES, search.status)
  if (status) out.status = status
  if (isZoneLabel(search.tz)) out.tz = search.tz
  const view = oneOf(CONTENT_CALENDAR_VIEWS, search.view)
  if (view) out.view = view as ContentCalendarSearch['view']
  if (typeof search.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.date)) out.date = search.date
  return out
}
