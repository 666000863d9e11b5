// The instansi's first-reply targets per intent and priority band, its working hours and reminder leads.
import { z } from 'zod'
import {
  INTENT_LABELS,
  MAX_DEADLINE_LEAD_WD,
  MAX_REPLY_LEAD_MINUTES,
  MAX_TARGET_HOURS,
  PRIORITY_BANDS,
} from '../../../features/inbox/reply-targets.ts'
import { INSTANSI_TIME_ZONES } from '../../../features/inbox/working-hours.ts'

const dayHours = z.object({ start: z.string().max(5), end: z.string().max(5) }).nullable()
const hours = z.number().positive().max(MAX_TARGET_HOURS).nullable()
const bands = z.object(
  Object.fromEntries(PRIORITY_BANDS.map((band) => [band, hours])) as Record<
    (typeof PRIORITY_BANDS)[number],
    typeof hours
  >,
)

export const replyTargetSettings = z
  .object({
    workingHours: z.object({
      timeZone: z.enum(INSTANSI_TIME_ZONES),
      days: z.array(dayHours).length(7).readonly().describe('Sunday first; null where the office is closed'),
    }),
    targets: z
      .object(
        Object.fromEntries(INTENT_LABELS.map((intent) => [intent, bands])) as Record<
          (typeof INTENT_LABELS)[number],
          typeof bands
        >,
      )
      .describe(
        'Working hours to the first reply per intent and band (tinggi ≥ 70, sedang ≥ 30); null: no target',
      ),
    reminders: z
      .object({
        replyLeadMinutes: z.number().int().min(0).max(MAX_REPLY_LEAD_MINUTES),
        deadlineLeadWorkingDays: z.number().int().min(0).max(MAX_DEADLINE_LEAD_WD),
      })
      .describe('When the reminder goes out before a deadline; the escalation goes out once it has passed'),
  })
  .meta({ id: 'ReplyTargetSettings' })
