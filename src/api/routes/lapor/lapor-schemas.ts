// SP4N-LAPOR! referrals: the clocks of rule 31, the out-of-scope decision of rule 32, progress and the export.
import { z } from 'zod'
import { OUT_OF_SCOPE_KINDS } from '../../../features/lapor/lapor-scope.ts'
import {
  LAPOR_PROGRESS,
  LAPOR_REPORT_TYPES,
  LAPOR_STATUSES,
} from '../../../features/lapor/manage-referrals.ts'
import { isoDate } from '../shared-schemas.ts'

export const referralView = z
  .object({
    id: z.string(),
    inboxItemId: z.string().nullable(),
    unitId: z.string(),
    reportType: z.enum(LAPOR_REPORT_TYPES),
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    location: z.string().nullable(),
    incidentOn: z.string().nullable(),
    reporterName: z.string().nullable(),
    reporterContact: z.string().nullable(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    sourcePlatform: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    receivedOn: z.string(),
    firstStatusDueOn: z.string().describe('Verification / first status: 3 working days after receipt'),
    followUpDueOn: z.string().describe('Follow-up plan: 5 working days after receipt'),
    dueProvisional: z.boolean(),
    outOfScope: z.enum(OUT_OF_SCOPE_KINDS).nullable(),
    outOfScopeBody: z.string().nullable(),
    laporTrackingId: z.string().nullable(),
    firstStatusOn: z.string().nullable(),
    followUpOn: z.string().nullable(),
    status: z.enum(LAPOR_STATUSES),
    clock: z.object({
      stage: z.enum(['first_status', 'follow_up']).nullable(),
      deadline: z.string().nullable(),
      workingDaysLeft: z.number().nullable(),
      state: z.enum(['on_time', 'due_soon', 'due_today', 'overdue', 'done']),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'LaporReferral' })

export const listQuery = z.object({
  status: z.enum(LAPOR_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export const exportQuery = z.object({ status: z.enum(LAPOR_STATUSES).optional() })
export const listView = z.object({ today: z.string(), referrals: z.array(referralView) })
export const referBody = z.object({
  inboxItemId: z.uuid().describe('An inbox item classified keluhan'),
  title: z.string().max(150).optional(),
  category: z.string().max(200).nullish(),
  location: z.string().max(300).nullish(),
  incidentOn: isoDate.nullish(),
  anonymous: z.boolean().optional(),
  confidential: z.boolean().optional(),
  outOfScope: z
    .enum(OUT_OF_SCOPE_KINDS)
    .nullish()
    .describe(
      'Rule 32: a kind records it as out of scope; null confirms it in scope; omitted, a suspect text is refused',
    ),
})
export const progressBody = z.object({
  stage: z.enum(LAPOR_PROGRESS),
  on: isoDate.optional(),
  laporTrackingId: z.string().max(100).nullish(),
})
export const complaintsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      platform: z.string(),
      authorHandle: z.string(),
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
      suggestedOutOfScope: z
        .enum(OUT_OF_SCOPE_KINDS)
        .nullable()
        .describe('Rule 32: the text looks out of scope'),
    }),
  ),
})
