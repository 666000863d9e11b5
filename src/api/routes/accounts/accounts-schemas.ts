// The official account registry: views, filters, the form and the CSV import.
import { z } from 'zod'
import { ACCOUNT_STATUSES, VERIFICATION_STATUSES } from '../../../features/accounts/account-input.ts'
import { PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import { isoDate } from '../shared-schemas.ts'

const namingVerdict = z.object({
  pattern: z.string(),
  compliant: z.boolean(),
  expected: z.string(),
  reason: z.string().nullable(),
})
const pengelolaView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  suratTugasNumber: z.string(),
  suratTugasDate: z.string(),
})
export const accountView = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    platform: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    url: z.string(),
    penanggungJawab: z.object({ userId: z.string(), email: z.string(), name: z.string() }),
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

const pengelolaInput = z.object({
  userId: z.uuid('accounts.choose_pengelola'),
  suratTugasNumber: z.string().trim().min(1, 'accounts.surat_tugas_number_required').max(200),
  suratTugasDate: isoDate,
})
const accountFields = {
  unitId: z.uuid('validation.choose_unit'),
  platform: z.enum(PLATFORMS, 'accounts.choose_platform'),
  handle: z.string().max(300),
  displayName: z.string().max(200).nullable().optional(),
  url: z.string().max(500).nullable().optional(),
  penanggungJawabUserId: z.uuid('accounts.choose_penanggung_jawab'),
  pengelola: z.array(pengelolaInput).max(50).optional(),
  verificationStatus: z.enum(VERIFICATION_STATUSES).optional(),
  platformTwoFactor: z.boolean().optional(),
  credentialRotatedOn: isoDate.nullable().optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  notes: z.string().max(2000).optional(),
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

/** The CSV file, sent as the raw body (text/csv) or as JSON {csv}. */
export const importBody = z.object({ csv: z.string().min(1, 'accounts.csv_empty').max(5_000_000) })
export const importReport = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
})

export const csvFile = {
  description: 'CSV file (UTF-8)',
  content: { 'text/csv': { schema: z.string() } },
}
