// PPID cases, LAPOR! referrals and reply targets as the API answers them (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type PpidCase = components['schemas']['PpidCase']
export type KipNotice = components['schemas']['KipNotice']
export type PpidCaseList = Answer<paths['/api/ppid/cases']['get']>
export type PpidStatus = PpidCase['status']
export type ClockState = PpidCase['clock']['state']
export type LaporReferral = components['schemas']['LaporReferral']
export type LaporList = Answer<paths['/api/lapor/referrals']['get']>
export type ReplyTargetSettings = components['schemas']['ReplyTargetSettings']
export type ReplyTargetsAnswer = Answer<paths['/api/reply-targets']['get']>
export type RequestCandidates = Answer<paths['/api/ppid/requests']['get']>
export type RequestCandidate = RequestCandidates['items'][number]
export type ComplaintCandidates = Answer<paths['/api/lapor/complaints']['get']>
export type ComplaintCandidate = ComplaintCandidates['items'][number]
