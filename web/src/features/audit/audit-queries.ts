// Server state of the audit page: a page of entries, one whole entry, the filter choices, the checkpoints, and
// the two downloads (the CSV export and a checkpoint file). Labels come in the language on screen, so the
// language is part of every key. The log grows with every change anywhere, so the page reads it afresh whenever
// it opens; an export is itself an entry, and refreshes the list.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiDownload } from '../../app/api-client.ts'
import { isoWithOffset } from '../../../../src/shared/dates.ts'
import type { Locale } from '../../i18n/i18n.tsx'
import { auditSearch, type AuditFilters } from './audit-filters.ts'
import type {
  AuditEntryDetail,
  AuditFilterChoices,
  AuditPage,
  Checkpoint,
  CheckpointCreated,
  CheckpointPage,
} from './audit-types.ts'

export const auditKeys = {
  all: ['audit'] as const,
  entries: (locale: Locale, filters: AuditFilters, beforeId: number | null) =>
    ['audit', 'entries', locale, filters, beforeId] as const,
  entry: (locale: Locale, id: number) => ['audit', 'entry', locale, id] as const,
  filters: (locale: Locale) => ['audit', 'filters', locale] as const,
  checkpoints: (beforeId: number | null) => ['audit', 'checkpoints', beforeId] as const,
}

export const CHECKPOINT_PAGE_SIZE = 10

export function auditEntriesQuery(locale: Locale, filters: AuditFilters, beforeId: number | null) {
  return queryOptions({
    queryKey: auditKeys.entries(locale, filters, beforeId),
    queryFn: () => api.get<AuditPage>(`/api/audit?${auditSearch(filters, { locale, beforeId })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export function auditEntryQuery(locale: Locale, id: number) {
  return queryOptions({
    queryKey: auditKeys.entry(locale, id),
    queryFn: () =>
      api.get<AuditEntryDetail>(`/api/audit/${id}?${new URLSearchParams({ locale }).toString()}`),
    // An entry never changes; only the names it mentions might.
    staleTime: 60_000,
  })
}

export function auditFilterChoicesQuery(locale: Locale) {
  return queryOptions({
    queryKey: auditKeys.filters(locale),
    queryFn: () =>
      api.get<AuditFilterChoices>(`/api/audit/filters?${new URLSearchParams({ locale }).toString()}`),
    staleTime: 0,
  })
}

export function checkpointsQuery(beforeId: number | null) {
  const params = new URLSearchParams({ limit: String(CHECKPOINT_PAGE_SIZE) })
  if (beforeId) params.set('beforeId', String(beforeId))
  return queryOptions({
    queryKey: auditKeys.checkpoints(beforeId),
    queryFn: () => api.get<CheckpointPage>(`/api/audit/checkpoints?${params.toString()}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** Today in WIB as YYYY-MM-DD, for the name of a downloaded export. */
export function todayInJakarta(now: Date = new Date()): string {
  return isoWithOffset(now).slice(0, 10)
}

/** Downloads the filtered log as CSV; the export is recorded in the log, so the list is read again. */
export function useAuditExport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ filters, locale }: { filters: AuditFilters; locale: Locale }) => {
      const fileName = `log-audit-${todayInJakarta()}.csv`
      await apiDownload(`/api/audit/export.csv?${auditSearch(filters, { locale, paged: false })}`, fileName)
      return fileName
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  })
}

export function downloadCheckpoint(checkpoint: Pick<Checkpoint, 'id' | 'fileName'>): Promise<void> {
  return apiDownload(`/api/audit/checkpoints/${checkpoint.id}/file`, checkpoint.fileName)
}

/** Signs the chain's head now (or finds the newest checkpoint when nothing was logged since) and downloads it. */
export function useMakeCheckpoint() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      const made = await api.post<CheckpointCreated>('/api/audit/checkpoints')
      await downloadCheckpoint(made.checkpoint)
      return made
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit', 'checkpoints'] }),
  })
}
