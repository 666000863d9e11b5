// The home page: what needs attention in the caller's units, the lists behind the counts, and their setting.
import { z } from 'zod'
import { ROTATION_DAYS_RANGE } from '../../../features/home/attention-settings.ts'
import { ATTENTION_ITEMS, CHECKLIST_STEPS } from '../../../features/home/read-attention.ts'

const settingsView = z.object({
  credentialRotationDays: z
    .number()
    .describe('Days an official account may keep its password before the change counts as overdue'),
})

export const attentionView = z.object({
  checklist: z
    .array(z.object({ step: z.enum(CHECKLIST_STEPS), done: z.boolean(), count: z.number() }))
    .nullable()
    .describe('Getting-started steps, for an admin of the whole instansi; null for anyone else'),
  counts: z.array(z.object({ item: z.enum(ATTENTION_ITEMS), count: z.number() })),
  accounts: z.number().describe('Official accounts in your units'),
  settings: settingsView,
  rotationCutoff: z.string().describe('Credentials last changed before this date are overdue'),
  calendarMissingYears: z
    .array(z.number())
    .describe('This year and next when they have no holiday table (only for calendar.manage)'),
})

export const itemParams = z.object({ item: z.enum(ATTENTION_ITEMS) })
export const itemQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const attentionList = z.object({
  items: z.array(
    z.object({
      accountId: z.string(),
      platform: z.string(),
      handle: z.string(),
      status: z.string(),
      unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      platformTwoFactor: z.boolean(),
      credentialRotatedOn: z.string().nullable(),
      naming: z.object({ pattern: z.string(), expected: z.string() }).nullable(),
      pengelola: z
        .object({
          userId: z.string(),
          name: z.string(),
          suratTugasNumber: z.string().nullable(),
          suratTugasDate: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  total: z.number(),
})

export const settingsBody = z.object({
  credentialRotationDays: z.number().int().min(ROTATION_DAYS_RANGE.minimum).max(ROTATION_DAYS_RANGE.maximum),
})
export { settingsView }
