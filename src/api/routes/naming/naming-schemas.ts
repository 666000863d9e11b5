// Naming conventions for official account handles.
import { z } from 'zod'
import { PLATFORMS } from '../../../features/accounts/platform-handle.ts'

export const patternsView = z.object({
  patterns: z.record(z.string(), z.string()),
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
  reason: z.string(),
})
export const reportView = z.object({ items: z.array(reportItem) })
