// The audit log viewer, one whole entry, the filter choices, the CSV export and the signed checkpoints.
import { z } from 'zod'
import { checkpointFileSchema } from '../../../features/audit/checkpoint-file.ts'

const localeField = {
  locale: z.enum(['id', 'en']).optional(),
}
const filterFields = {
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  actorLabel: z.string().max(320).optional(),
  ...localeField,
}
export const listQuery = z.object({
  ...filterFields,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})
export const exportQuery = z.object(filterFields)
export type AuditFilter = z.infer<typeof exportQuery>
export const localeQuery = z.object(localeField)
export const entryIdParams = z.object({ id: z.coerce.number().int().min(1) })
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})

const change = z.object({
  field: z.string(),
  fieldLabel: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  truncated: z.literal(true).optional(),
})
export const entryView = z
  .object({
    id: z.number(),
    seq: z.number(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    objectType: z.string(),
    objectTypeLabel: z.string(),
    objectId: z.string().nullable(),
    objectLabel: z.string().nullable(),
    objectLabelSource: z.enum(['current', 'entry']).nullable(),
    changes: z.array(change),
    before: z.unknown(),
    after: z.unknown(),
    truncated: z.boolean(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export const entryPage = z.object({ items: z.array(entryView), nextBeforeId: z.number().nullable() })
export const entryDetail = entryView.extend({ prevHash: z.string(), hashVersion: z.number() })

const choice = z.object({ value: z.string(), label: z.string() })
export const filterChoices = z.object({
  actions: z.array(choice),
  objectTypes: z.array(choice),
  actors: z.array(
    z.object({ userId: z.string().nullable(), actorLabel: z.string().nullable(), label: z.string() }),
  ),
})

export const checkpointView = z.object({
  id: z.number(),
  seq: z.number(),
  headHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  keyFingerprint: z.string(),
  fileName: z.string(),
})
export const signingKey = z.object({
  algorithm: z.literal('Ed25519'),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
})
export const checkpointPage = z.object({
  items: z.array(checkpointView),
  nextBeforeId: z.number().nullable(),
  signingKey,
})
export const checkpointCreated = z.object({ checkpoint: checkpointView, created: z.boolean() })
export const checkpointFile = checkpointFileSchema

export const csvFile = {
  description: 'CSV file (UTF-8)',
  content: { 'text/csv': { schema: z.string() } },
}
