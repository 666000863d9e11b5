// Server state of the hoax knowledge base: the filtered list, every change (which refreshes it) and the import.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiDownload } from '../../app/api-client.ts'
import type { HoaxClaim, HoaxClaimBody, HoaxClaimList, HoaxImport } from './hoax-types.ts'

export interface HoaxFilters {
  q: string
  label: string
  status: string
}

export function hoaxQueryString(filters: HoaxFilters): string {
  const params = new URLSearchParams()
  if (filters.q.trim()) params.set('q', filters.q.trim())
  if (filters.label) params.set('label', filters.label)
  if (filters.status) params.set('status', filters.status)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const hoaxKeys = {
  all: ['hoax-claims'] as const,
  list: (filters: HoaxFilters) => ['hoax-claims', 'list', filters] as const,
}

export function hoaxListQuery(filters: HoaxFilters) {
  return queryOptions({
    queryKey: hoaxKeys.list(filters),
    queryFn: () => api.get<HoaxClaimList>(`/api/hoax-claims${hoaxQueryString(filters)}`),
    placeholderData: keepPreviousData,
  })
}

export const hoaxRequests = {
  create: (body: HoaxClaimBody) => api.post<HoaxClaim>('/api/hoax-claims', body),
  update: ({ id, body }: { id: string; body: HoaxClaimBody }) =>
    api.patch<HoaxClaim>(`/api/hoax-claims/${id}`, body),
  archive: (id: string) => api.post<HoaxClaim>(`/api/hoax-claims/${id}/archive`, {}),
  unarchive: (id: string) => api.post<HoaxClaim>(`/api/hoax-claims/${id}/unarchive`, {}),
  importCsv: (body: { csv: string; dryRun: boolean }) =>
    api.post<HoaxImport>('/api/hoax-claims/import', body),
  exportCsv: (filters: HoaxFilters) =>
    apiDownload(`/api/hoax-claims/export.csv${hoaxQueryString(filters)}`, 'basis-pengetahuan-hoaks.csv'),
  template: () => apiDownload('/api/hoax-claims/import-template.csv', 'templat-klaim-hoaks.csv'),
}

/** A change of the knowledge base; the list is asked for again once it succeeds. */
export function useHoaxChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hoaxKeys.all }),
  })
}
