// The audit log viewer and its CSV export.
import { z } from 'zod'

const filterFields = {
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
}
export const listQuery = z.object({
  ...filterFields,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})
export const exportQuery = z.object(filterFields)
export type AuditFilter = z.infer<typeof exportQuery>

export const entryView = z
  .object({
    id: z.number(),
    seq: z.number(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export const entryPage = z.object({ items: z.array(entryView), nextBeforeId: z.number().nullable() })

export const csvFile = {
  description: 'CSV file (UTF-8)',
  content: { 'text/csv': { schema: z.string() } },
}
