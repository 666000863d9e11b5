// Server state of the home page: what needs attention, the lists behind its counts, and its one setting. Any
// change to accounts, units, users, naming or the calendar may change it, so it is read afresh on every visit.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AttentionItem } from '../../../../src/shared/attention.ts'
import { api } from '../../app/api-client.ts'
import type { Attention, AttentionList, AttentionSettings } from './home-types.ts'

export const ATTENTION_PAGE_SIZE = 50

export const homeKeys = {
  all: ['home'] as const,
  attention: ['home', 'attention'] as const,
  list: (item: AttentionItem, offset: number) => ['home', 'attention', item, offset] as const,
}

export const attentionQuery = queryOptions({
  queryKey: homeKeys.attention,
  queryFn: () => api.get<Attention>('/api/home/attention'),
  staleTime: 0,
})

export function attentionListQuery(item: AttentionItem, offset: number) {
  return queryOptions({
    queryKey: homeKeys.list(item, offset),
    queryFn: () =>
      api.get<AttentionList>(`/api/home/attention/${item}?limit=${ATTENTION_PAGE_SIZE}&offset=${offset}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function useSaveAttentionSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AttentionSettings) => api.put<AttentionSettings>('/api/home/attention/settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: homeKeys.all }),
  })
}
