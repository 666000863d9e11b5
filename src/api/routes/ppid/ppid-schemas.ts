// PPID cases (UU KIP): intake, the KIP clock, the Pasal 22(7) notice and the objection.
import { z } from 'zod'
import { KIP_DECISIONS, PASAL_17_CODES } from '../../../features/ppid/kip-notice.ts'
import { OBJECTION_GROUNDS, PPID_CHANNELS, PPID_STATUSES } from '../../../features/ppid/manage-cases.ts'
import { isoDate } from '../shared-schemas.ts'

const text = (max: number) => z.string().max(max)

const exemption = z.object({
  code: z
    .enum(PASAL_17_CODES)
    .nullable()
    .describe('Pasal 17 letter a–j; null is refused when the notice is sent'),
  subItem: text(20).nullish().describe("The numbered sub-item ('2' in huruf h angka 2)"),
  reason: text(2000),
})

export const notice = z
  .object({
    held: z.boolean().nullish().describe('(a) whether the information is held'),
    holderAgency: text(300).nullish().describe('(b) the agency that holds it, when not held'),
    holderUnknown: z.boolean().nullish().describe('(b) not held, and who holds it is not known'),
    decision: z.enum(KIP_DECISIONS).nullish().describe('(c) acceptance or refusal'),
    refusalGrounds: z
      .array(exemption)
      .max(20)
      .readonly()
      .nullish()
      .describe('(c) the Pasal 17 grounds of a refusal'),
    material: text(4000).nullish().describe('(d) the material to be given'),
    redactions: z
      .array(z.object({ part: text(500), exemption }))
      .max(50)
      .readonly()
      .nullish()
      .describe('(e) parts blacked out, each with its Pasal 17 ground'),
    deliveryMethod: text(200).nullish().describe('(f) how it is delivered'),
    deliveryFormat: text(200).nullish().describe('(f) in which format'),
    cost: z.number().min(0).max(1_000_000_000).nullish().describe('(g) the cost in rupiah, 0 when free'),
    paymentMethod: text(300).nullish().describe('(g) how to pay, when there is a cost'),
  })
  .meta({ id: 'KipNotice' })

/** Where a legal clock stands (a PPID case's or a LAPOR! referral's). */
export const clockState = z.enum(['on_time', 'due_soon', 'due_today', 'overdue', 'done'])

const clock = z.object({
  kind: z.enum(['notice', 'objection_answer', 'dispute']).nullable(),
  deadline: z.string().nullable(),
  workingDaysLeft: z.number().nullable().describe('Working days left (0 on the day, negative once passed)'),
  state: clockState,
})

export const caseView = z
  .object({
    id: z.string(),
    registrationNumber: z.string().describe('NNNN/PPID/YYYY, unique per instansi and year of receipt'),
    inboxItemId: z.string().nullable(),
    unitId: z.string(),
    channel: z.enum(PPID_CHANNELS),
    requesterName: z.string(),
    requesterContact: z.string().nullable(),
    requestText: z.string(),
    purpose: z.string().nullable(),
    receivedOn: z.string(),
    dueOn: z.string().describe('The notice is due: 10 working days after receipt'),
    dueProvisional: z.boolean().describe('The count ran into a year with no holiday table'),
    extensionReason: z.string().nullable(),
    extendedOn: z.string().nullable(),
    extendedDueOn: z.string().nullable(),
    extendedMaxOn: z.string(),
    status: z.enum(PPID_STATUSES),
    notice,
    decision: z.string().nullable(),
    noticeSentOn: z.string().nullable(),
    noticeLate: z.boolean(),
    objectionFilingEndsOn: z.string().nullable(),
    objectionWindow: z
      .object({
        groundOn: z.string().describe('The notice, or the notice deadline that passed without one'),
        endsOn: z.string().describe('The last day an objection may be received: 30 WD after the ground'),
        provisional: z.boolean(),
        open: z.boolean(),
        workingDaysLeft: z.number().describe('0 on the last day, negative once closed'),
      })
      .nullable()
      .describe('The objection window (Pasal 36(1)) while no objection is on file'),
    objectionGrounds: z.array(z.string()).nullable(),
    objectionReceivedOn: z.string().nullable(),
    objectionAnswerDueOn: z.string().nullable(),
    objectionAnswerProvisional: z.boolean(),
    objectionAnsweredOn: z.string().nullable(),
    objectionUpholdsRefusal: z.boolean().nullable(),
    objectionAnswerReason: z.string().nullable(),
    disputeDueOn: z.string().nullable(),
    clock,
    createdAt: z.string(),
  })
  .meta({ id: 'PpidCase' })

export const listQuery = z.object({
  status: z.enum(PPID_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export const listView = z.object({
  today: z.string(),
  cases: z.array(caseView),
  counts: z.record(z.string(), z.number()),
})
export const registerBody = z.object({
  inboxItemId: z.uuid().optional().describe('An inbox item classified permohonan_informasi'),
  unitId: z.uuid().optional().describe('The unit answering a request taken in outside the inbox'),
  channel: z.enum(PPID_CHANNELS).optional(),
  requesterName: text(200).optional(),
  requesterContact: text(300).nullish(),
  requestText: text(10_000).optional(),
  purpose: text(2000).nullish(),
  receivedOn: isoDate.optional().describe('Defaults to the day the inbox item was written, or today'),
})
export const extendBody = z.object({
  days: z.number().int().min(1).max(7).optional().describe('1–7 working days; 7 when omitted'),
  reason: text(4000),
})
export const noticeBody = z.object({ notice })
export const objectionBody = z.object({
  receivedOn: isoDate.optional(),
  grounds: z.array(z.enum(OBJECTION_GROUNDS)).max(7),
})
export const objectionAnswerBody = z.object({
  answeredOn: isoDate.optional(),
  upholdsRefusal: z.boolean(),
  reason: text(4000).nullish(),
})
export const candidatesView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      platform: z.string(),
      authorHandle: z.string(),
      authorName: z.string().nullable(),
      body: z.string(),
      url: z.string().nullable(),
      createdAt: z.string(),
      unitId: z.string(),
    }),
  ),
})
