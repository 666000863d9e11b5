// Server state of the saved replies: the filtered list and every change (which refreshes it).
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type { SavedReply, SavedReplyBody, SavedReplyList } from './saved-replies-types.ts'

export const savedReplyKeys = {
  all: ['saved-replies'] as const,
  list: (q: string) => ['saved-replies', 'list', q] as const,
}

export function savedReplyListQuery(q: string) {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() }).toString()}` : ''
  return queryOptions({
    queryKey: savedReplyKeys.list(q.trim()),
    queryFn: () => api.get<SavedReplyList>(`/api/saved-replies${query}`),
    placeholderData: keepPreviousData,
  })
}

export const savedReplyRequests = {
  create: (body: SavedReplyBody) => api.post<SavedReply>('/api/saved-replies', body),
  update: ({ id, body }: { id: string; body: SavedReplyBody }) =>
    api.patch<SavedReply>(`/api/saved-replies/${id}`, body),
  remove: (id: string) => api.delete<{ id: string }>(`/api/saved-replies/${id}`),
}

export function useSavedReplyChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedReplyKeys.all }),
  })
}
