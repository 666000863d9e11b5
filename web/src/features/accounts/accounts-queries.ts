// Server state of the account registry: a filtered page of accounts, the people an account of a unit may name,
// the naming report, every change (which also changes the naming report), and the CSV import, polled while its
// job runs.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiUploadText } from '../../app/api-client.ts'
import type { AccountBody } from './account-form.tsx'
import type {
  Account,
  AccountImport,
  AccountPage,
  AccountPeople,
  ImportItemsPage,
  ImportOutcome,
  NamingIssue,
} from './account-types.ts'

export interface AccountFilters {
  unitId: string
  platform: string
  status: string
  breaksNaming: boolean
  /** Searched in the handle and the display name. */
  q: string
}

export const ACCOUNT_PAGE_SIZE = 50
export const IMPORT_ITEMS_PAGE_SIZE = 25
/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000

export function accountQuery(filters: AccountFilters, offset = 0): string {
  const params = new URLSearchParams()
  if (filters.unitId) params.set('unitId', filters.unitId)
  if (filters.platform) params.set('platform', filters.platform)
  if (filters.status) params.set('status', filters.status)
  if (filters.breaksNaming) params.set('breaksNaming', 'true')
  if (filters.q.trim()) params.set('q', filters.q.trim())
  params.set('limit', String(ACCOUNT_PAGE_SIZE))
  if (offset > 0) params.set('offset', String(offset))
  return `?${params.toString()}`
}

export const accountKeys = {
  all: ['accounts'] as const,
  page: (filters: AccountFilters, offset: number) => ['accounts', 'page', filters, offset] as const,
  people: (unitId: string) => ['accounts', 'people', unitId] as const,
  namingReport: ['accounts', 'naming-report'] as const,
  imports: ['account-imports', 'mine'] as const,
  import: (id: string) => ['account-imports', 'one', id] as const,
  importItems: (id: string, outcome: ImportOutcome | '', offset: number, status: string) =>
    ['account-imports', 'items', id, outcome, offset, status] as const,
}

export function accountsPageQuery(filters: AccountFilters, offset: number) {
  return queryOptions({
    queryKey: accountKeys.page(filters, offset),
    queryFn: () => api.get<AccountPage>(`/api/accounts${accountQuery(filters, offset)}`),
    placeholderData: keepPreviousData,
  })
}

export function accountPeopleQuery(unitId: string) {
  return queryOptions({
    queryKey: accountKeys.people(unitId),
    queryFn: () => api.get<AccountPeople>(`/api/accounts/people?unitId=${encodeURIComponent(unitId)}`),
    enabled: unitId !== '',
  })
}

export const namingReportQuery = queryOptions({
  queryKey: accountKeys.namingReport,
  queryFn: () => api.get<{ items: NamingIssue[] }>('/api/naming/report'),
})

export function isImportRunning(accountImport: AccountImport | undefined): boolean {
  return accountImport?.status === 'queued' || accountImport?.status === 'running'
}

/** The latest imports of the person; the page picks up one still running or waiting for confirmation. */
export const myImportsQuery = queryOptions({
  queryKey: accountKeys.imports,
  queryFn: () => api.get<{ items: AccountImport[] }>('/api/accounts/imports'),
})

export function importQuery(id: string) {
  return queryOptions({
    queryKey: accountKeys.import(id),
    queryFn: () => api.get<AccountImport>(`/api/accounts/imports/${id}`),
    refetchInterval: (query) => (isImportRunning(query.state.data) ? IMPORT_POLL_MS : false),
  })
}

export function importItemsQuery(accountImport: AccountImport, outcome: ImportOutcome | '', offset: number) {
  const params = new URLSearchParams({
    phase: accountImport.mode,
    limit: String(IMPORT_ITEMS_PAGE_SIZE),
    offset: String(offset),
  })
  if (outcome) params.set('outcome', outcome)
  return queryOptions({
    queryKey: accountKeys.importItems(accountImport.id, outcome, offset, accountImport.status),
    queryFn: () => api.get<ImportItemsPage>(`/api/accounts/imports/${accountImport.id}/items?${params}`),
    placeholderData: keepPreviousData,
  })
}

export function useAccountChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  })
}

/** An import request: the answer (the import) goes straight into the cache the panel polls. */
export function useImportChange<TVariables>(change: (variables: TVariables) => Promise<AccountImport>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (accountImport) => {
      queryClient.setQueryData(accountKeys.import(accountImport.id), accountImport)
      return queryClient.invalidateQueries({ queryKey: accountKeys.imports })
    },
  })
}

export const accountRequests = {
  create: (body: AccountBody) => api.post<Account>('/api/accounts', body),
  update: ({ id, body }: { id: string; body: AccountBody }) =>
    api.patch<Account>(`/api/accounts/${id}`, body),
  remove: ({ id }: { id: string }) => api.delete(`/api/accounts/${id}`),
  uploadCsv: (text: string) => apiUploadText<AccountImport>('/api/accounts/imports?mode=preview', text),
  applyImport: (id: string) => api.post<AccountImport>(`/api/accounts/imports/${id}/apply`),
  discardImport: (id: string) => api.post<AccountImport>(`/api/accounts/imports/${id}/discard`),
}
