// Naming conventions for official account handles.
import { z } from 'zod'
import { PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import { renderedProblem } from '../shared-schemas.ts'

export const patternsView = z.object({
  patterns: z.record(z.string(), z.string()),
  warnings: z
    .record(z.string(), z.array(renderedProblem))
    .describe('Platform → what to look at in its saved pattern (units that cannot comply today)'),
  syntax: z.string(),
})
export const updateBody = z.object({
  patterns: z.record(z.string().max(50), z.string().max(100).nullable()),
})
export const reportQuery = z.object({ platform: z.enum(PLATFORMS).optional() })
const reportItem = z.object({
  accountId: z.string(),
  platform: z.string(),
  handle: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  pattern: z.string(),
  expected: z.string(),
  reason: renderedProblem,
})
export const reportView = z.object({ items: z.array(reportItem) })

export const testQuery = z.object({
  platform: z.enum(PLATFORMS, 'accounts.choose_platform'),
  unitId: z.uuid('validation.choose_unit'),
  pattern: z
    .string()
    .max(100)
    .optional()
    .describe('The pattern to try; the saved one of the platform if left out'),
})
export const testView = z.object({
  result: z
    .object({
      platform: z.enum(PLATFORMS),
      pattern: z.string(),
      unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      name: z.string().describe('What the pattern gives: * where anything may stand'),
      length: z.number(),
      maximum: z.number(),
      hasWildcard: z.boolean(),
      missing: z.array(z.string()),
      fits: z.boolean(),
      verdict: renderedProblem,
    })
    .nullable()
    .describe('null when the platform has no pattern and none was given'),
})
