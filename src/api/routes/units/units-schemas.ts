// The unit tree (unit kerja).
import { z } from 'zod'

export const unitView = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    path: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    contact: z
      .string()
      .describe("How citizens reach the unit (a saved reply's {kontak_unit}); '' when not set"),
    depth: z.number(),
    archivedAt: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' })
export const unitList = z.object({ items: z.array(unitView) })

export const listQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() })
const attributes = z.record(z.string().max(50), z.string().max(100)).optional()
export const createBody = z.object({
  parentId: z.uuid('validation.choose_unit'),
  code: z.string().max(40),
  name: z.string().max(200),
  kind: z.string().trim().max(50).optional(),
  attributes,
})
export const updateBody = z.object({
  code: z.string().max(40).optional(),
  name: z.string().max(200).optional(),
  kind: z.string().trim().max(50).optional(),
  contact: z.string().max(500).optional().describe('Phone, WhatsApp, e-mail, office hours; empty clears it'),
  attributes,
})
export const moveBody = z.object({ parentId: z.uuid('validation.choose_unit') })
export const archiveBody = z.object({ force: z.boolean().optional() }).optional()
