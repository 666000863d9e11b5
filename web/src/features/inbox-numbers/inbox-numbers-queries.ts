// Server state of the inbox's numbers: one report for a period and scope, and the same as a CSV download.
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { paths } from '../../api/openapi.d.ts'
import { api, apiDownload } from '../../app/api-client.ts'

export type InboxNumbers = paths['/api/inbox-numbers']['get']['responses'][200]['content']['application/json']
export type ResponseFigures = InboxNumbers['overall']

export interface InboxNumbersFilters {
  unitId: string
  accountId: string
  /** WIB days, YYYY-MM-DD, both included; empty: the server's default (the last 30 days). */
  from: string
  to: string
}

export const EMPTY_INBOX_NUMBERS_FILTERS: InboxNumbersFilters = {
  unitId: '',
  accountId: '',
  from: '',
  to: '',
}

export function inboxNumbersSearch(filters: InboxNumbersFilters): string {
  const params = new URLSearchParams()
  for (const key of ['unitId', 'accountId', 'from', 'to'] as const)
    if (filters[key]) params.set(key, filters[key])
  const search = params.toString()
  return search ? `?${search}` : ''
}

export function inboxNumbersQuery(filters: InboxNumbersFilters) {
  return queryOptions({
    queryKey: ['inbox-numbers', filters] as const,
    queryFn: () => api.get<InboxNumbers>(`/api/inbox-numbers${inboxNumbersSearch(filters)}`),
    placeholderData: keepPreviousData,
  })
}

export function downloadInboxNumbersCsv(filters: InboxNumbersFilters): Promise<void> {
  return apiDownload(`/api/inbox-numbers.csv${inboxNumbersSearch(filters)}`, 'angka-kotak-masuk.csv')
}

/** On time among the items whose target is decided (answered, or past due); null when none is. */
export function onTimeShare(figures: ResponseFigures): number | null {
  const decided = figures.onTime + figures.breached
  return decided === 0 ? null : figures.onTime / decided
}
