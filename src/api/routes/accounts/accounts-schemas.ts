// The official account registry: views, filters, the form, the people an account may name, and the CSV import.
import { z } from 'zod'
import { ACCOUNT_STATUSES, VERIFICATION_STATUSES } from '../../../features/accounts/account-input.ts'
import { PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import { messageParams, renderedProblem } from '../shared-schemas.ts'

const namingVerdict = z.object({
  pattern: z.string(),
  compliant: z.boolean(),
  expected: z.string(),
  reason: renderedProblem.nullable(),
})
const personEmail = z.string().nullable().describe('Only for callers who may read users over the unit')
const pengelolaView = z.object({
  userId: z.string(),
  email: personEmail,
  name: z.string(),
  suratTugasNumber: z.string().nullable().describe('null while the surat tugas is still on its way'),
  suratTugasDate: z.string().nullable(),
})
export const accountView = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    platform: z.string(),
    handle: z.string().describe('As it was typed (casing kept)'),
    normalisedHandle: z.string().describe('The form compared for uniqueness: lower case, E.164 for WhatsApp'),
    displayName: z.string().nullable(),
    url: z.string(),
    penanggungJawab: z.object({ userId: z.string(), email: personEmail, name: z.string() }),
    pengelola: z.array(pengelolaView),
    verificationStatus: z.string(),
    platformTwoFactor: z.boolean(),
    credentialRotatedOn: z.string().nullable(),
    status: z.string(),
    notes: z.string(),
    naming: namingVerdict.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Account' })
export const accountPage = z.object({ items: z.array(accountView), total: z.number() })
export const deletedView = z.object({ id: z.string(), deleted: z.boolean() })

export const metaView = z.object({
  platforms: z.array(z.object({ id: z.enum(PLATFORMS), label: z.string() })),
  verificationStatuses: z.array(z.enum(VERIFICATION_STATUSES)),
  statuses: z.array(z.enum(ACCOUNT_STATUSES)),
  csvColumns: z.array(z.string()),
})

// Fields a person fills in are plain text here: the feature checks them all together, so one answer names every
// problem (a missing penanggung jawab and a handle X refuses come back at once).
const pengelolaInput = z.object({
  userId: z
    .string()
    .regex(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'accounts.choose_pengelola')
    .describe('The user id; empty when the form row has no user chosen yet'),
  suratTugasNumber: z.string().max(300).nullable().optional(),
  suratTugasDate: z.string().max(30).nullable().optional().describe('YYYY-MM-DD'),
})
const accountFields = {
  unitId: z.uuid('validation.choose_unit').optional().describe('Required'),
  platform: z.enum(PLATFORMS, 'accounts.choose_platform').optional().describe('Required'),
  handle: z
    .string()
    .max(300)
    .optional()
    .describe('Required unless the url names it: a handle (@Humas) or an address (instagram.com/humas)'),
  displayName: z.string().max(300).nullable().optional(),
  url: z.string().max(600).nullable().optional().describe('https:// is added when left out'),
  penanggungJawabUserId: z.uuid('accounts.choose_penanggung_jawab').optional().describe('Required'),
  pengelola: z.array(pengelolaInput).max(50).optional(),
  verificationStatus: z.enum(VERIFICATION_STATUSES).optional(),
  platformTwoFactor: z.boolean().optional(),
  credentialRotatedOn: z.string().max(30).nullable().optional().describe('YYYY-MM-DD'),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  notes: z.string().max(2100).optional(),
}
export const createBody = z.object(accountFields)
export const updateBody = z.object(accountFields).partial()

const filterQuery = {
  unitId: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  q: z.string().max(200).optional(),
}
export const listQuery = z.object({
  ...filterQuery,
  breaksNaming: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const exportQuery = z.object(filterQuery)

export const peopleQuery = z.object({ unitId: z.uuid('validation.choose_unit') })
const person = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string().nullable().describe('Only for callers who may read users'),
})
export const peopleView = z.object({ penanggungJawab: z.array(person), pengelola: z.array(person) })

/** The CSV file, sent as JSON {csv, mode} or as the raw body (text/csv, with ?mode= in the address). */
export const importBody = z.object({
  csv: z.string().min(1, 'accounts.csv_empty').max(5_000_000),
  mode: z
    .enum(['preview', 'apply'])
    .default('preview')
    .describe('preview: check and report, save nothing (apply it later); apply: import at once'),
})
const importFailure = renderedProblem.nullable()
export const importView = z
  .object({
    id: z.string(),
    mode: z.enum(['preview', 'apply']),
    status: z.enum(['queued', 'running', 'previewed', 'done', 'failed', 'discarded']),
    totalRows: z.number().describe('Data rows of the file (the header not counted); 0 until read'),
    processedRows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    failure: importFailure,
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AccountImport' })
export const importList = z.object({ items: z.array(importView) })

/** A problem of one CSV cell: its row (the header is row 1), column, message key and text. */
export const csvProblem = z.object({
  row: z.number(),
  column: z.string(),
  key: z.string(),
  params: messageParams.optional(),
  message: z.string(),
})
export const importItemsQuery = z.object({
  phase: z.enum(['preview', 'apply']).default('preview'),
  outcome: z.enum(['create', 'update', 'error']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const importItemsView = z.object({
  items: z.array(
    z.object({
      row: z.number(),
      outcome: z.enum(['create', 'update', 'error']),
      platform: z.string().nullable(),
      handle: z.string().nullable(),
      unitCode: z.string().nullable(),
      changed: z.array(z.string()),
      problems: z.array(csvProblem),
    }),
  ),
  total: z.number(),
})

export const csvFile = {
  description: 'CSV file (UTF-8)',
  content: { 'text/csv': { schema: z.string() } },
}
