// Server state of the account registry: a filtered page of accounts, the naming report, and every change
// (which also changes the naming report).
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiUploadText } from '../../app/api-client.ts'
import type { AccountBody } from './account-form.tsx'
import type { AccountPage, ImportResult, NamingIssue } from './account-types.ts'

export interface AccountFilters {
  unitId: string
  platform: string
  status: string
  breaksNaming: boolean
}

export const ACCOUNT_PAGE_SIZE = 50

export function accountQuery(filters: AccountFilters, offset = 0): string {
  const params = new URLSearchParams()
  if (filters.unitId) params.set('unitId', filters.unitId)
  if (filters.platform) params.set('platform', filters.platform)
  if (filters.status) params.set('status', filters.status)
  if (filters.breaksNaming) params.set('breaksNaming', 'true')
  params.set('limit', String(ACCOUNT_PAGE_SIZE))
  if (offset > 0) params.set('offset', String(offset))
  return `?${params.toString()}`
}

export const accountKeys = {
  all: ['accounts'] as const,
  page: (filters: AccountFilters, offset: number) => ['accounts', 'page', filters, offset] as const,
  namingReport: ['accounts', 'naming-report'] as const,
}

export function accountsPageQuery(filters: AccountFilters, offset: number) {
  return queryOptions({
    queryKey: accountKeys.page(filters, offset),
    queryFn: () => api.get<AccountPage>(`/api/accounts${accountQuery(filters, offset)}`),
    placeholderData: keepPreviousData,
  })
}

export const namingReportQuery = queryOptions({
  queryKey: accountKeys.namingReport,
  queryFn: () => api.get<{ items: NamingIssue[] }>('/api/naming/report'),
})

export function useAccountChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  })
}

export const accountRequests = {
  create: (body: AccountBody) => api.post('/api/accounts', body),
  update: ({ id, body }: { id: string; body: AccountBody }) => api.patch(`/api/accounts/${id}`, body),
  remove: ({ id }: { id: string }) => api.delete(`/api/accounts/${id}`),
  importCsv: (text: string) => apiUploadText<ImportResult>('/api/accounts/import', text),
}
