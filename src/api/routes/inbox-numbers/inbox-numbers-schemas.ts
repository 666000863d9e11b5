// The inbox's numbers: the period and scope asked for, and the figures answered.
import { z } from 'zod'

const wibDay = z.iso.date('validation.date')

export const numbersQuery = z.object({
  from: wibDay.optional().describe('First day, WIB (YYYY-MM-DD), included; default 29 days before `to`'),
  to: wibDay.optional().describe('Last day, WIB (YYYY-MM-DD), included; default today'),
  unitId: z.uuid().optional().describe('The unit and the units below it (one of yours)'),
  accountId: z.uuid().optional(),
})

const figures = {
  received: z.number().int(),
  answered: z.number().int(),
  medianFirstResponseSeconds: z.number().nullable().describe('From receipt to the first reply'),
  p90FirstResponseSeconds: z.number().nullable(),
  withTarget: z.number().int().describe('Items that had a reply target'),
  onTime: z.number().int(),
  breached: z.number().int().describe('Answered late, or unanswered past the target'),
  pending: z.number().int().describe('Unanswered, not yet due'),
}

const count = z.number().int()

const ppidFigures = z
  .object({
    received: count.describe('PPID cases received in the period'),
    byStatus: z.object({
      open: count.describe('Registered, no notice yet, not extended'),
      extended: count,
      decided: z
        .object({ granted: count, partially_granted: count, refused: count, not_held: count })
        .describe('Notice sent, by its decision (no objection since)'),
      objection: count.describe('An objection filed (answered or not)'),
    }),
    decidedWithinNotice: count.describe('Notice sent within 10 working days of receipt'),
    decidedWithinExtension: count.describe(
      'Notice sent after 10 WD but within the extended deadline (≤ 17 WD)',
    ),
    decidedLate: count.describe('Notice sent after its (extended) deadline'),
    overdueNow: count.describe('Cases whose running clock (notice or objection answer) ran out before today'),
    medianWorkingDaysToDecision: z
      .number()
      .nullable()
      .describe('From receipt to the notice, in working days'),
  })
  .describe('PPID cases received in the period, by status against the UU KIP clock')

export const numbersView = z.object({
  from: z.string(),
  to: z.string(),
  overall: z.object(figures),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), ...figures })),
  byAccount: z.array(
    z.object({ accountId: z.string(), platform: z.string(), handle: z.string(), ...figures }),
  ),
  byIntent: z.array(z.object({ intent: z.string().nullable(), count: z.number().int() })),
  bySentiment: z.array(z.object({ sentiment: z.string().nullable(), count: z.number().int() })),
  ppid: ppidFigures,
  backlog: z.object({
    open: z.number().int().describe('New or open items now, whatever the period'),
    oldestReceivedAt: z.string().nullable(),
    byAge: z.object({
      underHour: z.number().int(),
      hours1to8: z.number().int(),
      hours8to24: z.number().int(),
      days1to3: z.number().int(),
      overDays3: z.number().int(),
    }),
  }),
})
