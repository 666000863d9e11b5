// Server state of PPID cases, LAPOR! referrals and reply targets.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiDownload } from '../../app/api-client.ts'
import type {
  KipNotice,
  LaporList,
  LaporReferral,
  PpidCase,
  PpidCaseList,
  PpidStatus,
  ReplyTargetSettings,
  ReplyTargetsAnswer,
  RequestCandidates,
  ComplaintCandidates,
} from './ppid-types.ts'

export const slaKeys = {
  ppid: ['ppid'] as const,
  ppidList: (status: PpidStatus | null) => ['ppid', 'list', status] as const,
  ppidCase: (id: string) => ['ppid', 'case', id] as const,
  lapor: ['lapor'] as const,
  replyTargets: ['reply-targets'] as const,
}

export function ppidListQuery(status: PpidStatus | null) {
  return queryOptions({
    queryKey: slaKeys.ppidList(status),
    queryFn: () => api.get<PpidCaseList>(`/api/ppid/cases${status ? `?status=${status}` : ''}`),
  })
}

export function ppidCaseQuery(id: string) {
  return queryOptions({
    queryKey: slaKeys.ppidCase(id),
    queryFn: () => api.get<PpidCase>(`/api/ppid/cases/${id}`),
  })
}

export function requestCandidatesQuery() {
  return queryOptions({
    queryKey: ['ppid', 'requests'] as const,
    queryFn: () => api.get<RequestCandidates>('/api/ppid/requests'),
  })
}

export function complaintCandidatesQuery() {
  return queryOptions({
    queryKey: ['lapor', 'complaints'] as const,
    queryFn: () => api.get<ComplaintCandidates>('/api/lapor/complaints'),
  })
}

export function laporListQuery() {
  return queryOptions({ queryKey: slaKeys.lapor, queryFn: () => api.get<LaporList>('/api/lapor/referrals') })
}

export function replyTargetsQuery() {
  return queryOptions({
    queryKey: slaKeys.replyTargets,
    queryFn: () => api.get<ReplyTargetsAnswer>('/api/reply-targets'),
  })
}

/** A change that invalidates one area's queries once it succeeds. */
export function useSlaChange<TVariables, TResult = unknown>(
  area: readonly string[],
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: area }),
  })
}

export interface RegisterBody {
  unitId: string
  channel: PpidCase['channel']
  requesterName: string
  requesterContact: string | null
  requestText: string
  receivedOn: string
}

export const slaRequests = {
  register: (body: RegisterBody) => api.post<PpidCase>('/api/ppid/cases', body),
  registerItem: (inboxItemId: string) => api.post<PpidCase>('/api/ppid/cases', { inboxItemId }),
  extend: ({ id, ...body }: { id: string; reason: string; days: number }) =>
    api.post<PpidCase>(`/api/ppid/cases/${id}/extend`, body),
  saveNotice: ({ id, notice }: { id: string; notice: KipNotice }) =>
    api.put<PpidCase>(`/api/ppid/cases/${id}/notice`, { notice }),
  sendNotice: ({ id, notice }: { id: string; notice: KipNotice }) =>
    api.post<PpidCase>(`/api/ppid/cases/${id}/notice/send`, { notice }),
  objection: ({ id, ...body }: { id: string; grounds: string[]; receivedOn?: string }) =>
    api.post<PpidCase>(`/api/ppid/cases/${id}/objection`, body),
  answerObjection: ({ id, ...body }: { id: string; upholdsRefusal: boolean; reason: string | null }) =>
    api.post<PpidCase>(`/api/ppid/cases/${id}/objection/answer`, body),
  laporProgress: ({ id, ...body }: { id: string; stage: string; laporTrackingId?: string | null }) =>
    api.post<LaporReferral>(`/api/lapor/referrals/${id}/progress`, body),
  refer: (body: { inboxItemId: string; outOfScope?: string | null }) =>
    api.post<LaporReferral>('/api/lapor/referrals', body),
  laporCsv: () => apiDownload('/api/lapor/referrals/export.csv', 'rujukan-lapor.csv'),
  replyTargets: (body: ReplyTargetSettings) => api.put<ReplyTargetSettings>('/api/reply-targets', body),
}
