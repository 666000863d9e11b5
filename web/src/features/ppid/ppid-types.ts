// PPID cases, LAPOR! referrals and reply targets as the API answers them (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type PpidCase = components['schemas']['PpidCase']
export type KipNotice = components['schemas']['KipNotice']
export type PpidCaseList = JsonAnswer<paths['/api/ppid/cases']['get']>
export type PpidStatus = PpidCase['status']
export type ClockState = PpidCase['clock']['state']
export type LaporReferral = components['schemas']['LaporReferral']
export type LaporList = JsonAnswer<paths['/api/lapor/referrals']['get']>
export type ReplyTargetSettings = components['schemas']['ReplyTargetSettings']
export type ReplyTargetsAnswer = JsonAnswer<paths['/api/reply-targets']['get']>
export type RequestCandidates = JsonAnswer<paths['/api/ppid/requests']['get']>
export type RequestCandidate = RequestCandidates['items'][number]
export type ComplaintCandidates = JsonAnswer<paths['/api/lapor/complaints']['get']>
export type ComplaintCandidate = ComplaintCandidates['items'][number]
