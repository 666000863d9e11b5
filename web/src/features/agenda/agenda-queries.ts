// Server state of the digital agenda: the list, one item with its board, and every change (which refreshes both).
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type { AgendaBoard, AgendaCreateBody, AgendaList, AgendaTargets } from './agenda-types.ts'

export const agendaKeys = {
  all: ['agenda'] as const,
  list: (status: string) => ['agenda', 'list', status] as const,
  one: (id: string) => ['agenda', 'one', id] as const,
}

export function agendaListQuery(status: string) {
  return queryOptions({
    queryKey: agendaKeys.list(status),
    queryFn: () => api.get<AgendaList>(`/api/agenda${status ? `?status=${status}` : ''}`),
    placeholderData: keepPreviousData,
  })
}

export function agendaBoardQuery(id: string) {
  return queryOptions({
    queryKey: agendaKeys.one(id),
    queryFn: () => api.get<AgendaBoard>(`/api/agenda/${id}`),
  })
}

type Assigned = AgendaBoard & { assigned: { added: number; skipped: number } }

export const agendaRequests = {
  create: (body: AgendaCreateBody) => api.post<Assigned>('/api/agenda', body),
  close: (id: string) => api.post<AgendaBoard>(`/api/agenda/${id}/close`, {}),
  reopen: (id: string) => api.post<AgendaBoard>(`/api/agenda/${id}/reopen`, {}),
  assign: ({ id, targets }: { id: string; targets: AgendaTargets }) =>
    api.post<Assigned>(`/api/agenda/${id}/tasks`, targets),
  start: ({ taskId, mode }: { taskId: string; mode: 'adapt' | 'repost' }) =>
    api.post<{ postId: string }>(`/api/agenda/tasks/${taskId}/start`, { mode }),
}

/** A change of the agenda; the list and the boards are asked for again once it succeeds. */
export function useAgendaChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agendaKeys.all }),
  })
}
