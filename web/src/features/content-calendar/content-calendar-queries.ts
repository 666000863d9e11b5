// Server state of the content calendar: the posts of a range (with the filters of the URL), the accounts to
// filter by, and a reschedule, which changes the calendar, the approval queue and the author's posts.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type { AccountPage } from '../accounts/account-types.ts'
import type { Post } from '../posts/post-types.ts'
import type { CalendarPosts, ContentCalendarFilters } from './content-calendar-types.ts'

export const contentCalendarKeys = {
  all: ['content-calendar'] as const,
  range: (from: string, to: string, filters: ContentCalendarFilters) =>
    ['content-calendar', from, to, filters] as const,
  accounts: ['content-calendar', 'accounts'] as const,
}

export function calendarPostsQuery(from: string, to: string, filters: ContentCalendarFilters) {
  const params = new URLSearchParams({ from, to })
  if (filters.unit) params.set('unitId', filters.unit)
  if (filters.account) params.set('accountId', filters.account)
  if (filters.platform) params.set('platform', filters.platform)
  if (filters.status) params.set('status', filters.status)
  return queryOptions({
    queryKey: contentCalendarKeys.range(from, to, filters),
    queryFn: () => api.get<CalendarPosts>(`/api/posts/calendar?${params.toString()}`),
    placeholderData: keepPreviousData,
  })
}

export const filterAccountsQuery = queryOptions({
  queryKey: contentCalendarKeys.accounts,
  queryFn: () => api.get<AccountPage>('/api/accounts?limit=500'),
})

export interface RescheduleInput {
  id: string
  version: number
  scheduledAt: string
}

export function useReschedule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, scheduledAt }: RescheduleInput) =>
      api.post<Post>(`/api/posts/${id}/reschedule`, { version, scheduledAt }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contentCalendarKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['approvals'] }),
        queryClient.invalidateQueries({ queryKey: ['posts'] }),
      ]),
  })
}
