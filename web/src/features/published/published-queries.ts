// Server state of the published registry: one filtered, sorted page with the totals of the whole set, and the
// same set as a CSV download.
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, apiDownload } from '../../app/api-client.ts'
import type { PublishedPage, PublishedSortKey } from './published-types.ts'

export interface PublishedFilters {
  /** Searched in the text, the title, the tags and the campaign. */
  q: string
  unitId: string
  accountId: string
  platform: string
  /** WIB days, YYYY-MM-DD, both included. */
  from: string
  to: string
  tag: string
  campaign: string
  status: string
  sort: PublishedSortKey
}

export const EMPTY_PUBLISHED_FILTERS: PublishedFilters = {
  q: '',
  unitId: '',
  accountId: '',
  platform: '',
  from: '',
  to: '',
  tag: '',
  campaign: '',
  status: '',
  sort: 'at',
}

export const PUBLISHED_PAGE_SIZE = 50

/** The filters as the API's query, without the page (the CSV takes the same). */
export function publishedSearch(filters: PublishedFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of [
    'q',
    'unitId',
    'accountId',
    'platform',
    'from',
    'to',
    'tag',
    'campaign',
    'status',
  ] as const) {
    const value = filters[key].trim()
    if (value) params.set(key, value)
  }
  if (filters.sort !== 'at') params.set('sort', filters.sort)
  return params
}

export function publishedQueryString(filters: PublishedFilters, offset: number): string {
  const params = publishedSearch(filters)
  params.set('limit', String(PUBLISHED_PAGE_SIZE))
  if (offset > 0) params.set('offset', String(offset))
  return `?${params.toString()}`
}

export const publishedKeys = {
  all: ['published'] as const,
  page: (filters: PublishedFilters, offset: number) => ['published', 'page', filters, offset] as const,
}

export function publishedPageQuery(filters: PublishedFilters, offset: number) {
  return queryOptions({
    queryKey: publishedKeys.page(filters, offset),
    queryFn: () => api.get<PublishedPage>(`/api/published${publishedQueryString(filters, offset)}`),
    placeholderData: keepPreviousData,
  })
}

export function downloadPublishedCsv(filters: PublishedFilters): Promise<void> {
  const search = publishedSearch(filters).toString()
  return apiDownload(`/api/published.csv${search ? `?${search}` : ''}`, 'arsip-terbit.csv')
}
