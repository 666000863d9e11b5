// The hoax knowledge base: claims, their facts and labels, the CSV import and export.
import { z } from 'zod'
import { HOAX_CSV_COLUMNS } from '../../../features/hoax/hoax-claim-csv.ts'
import { HOAX_LIMITS } from '../../../features/hoax/hoax-claim-input.ts'
import { HOAX_CLAIM_STATUSES, HOAX_LABELS } from '../../../shared/hoax-labels.ts'
import { isoDate, messageParams } from '../shared-schemas.ts'

const label = z
  .enum(HOAX_LABELS)
  .describe('The national label: hoaks, disinformasi, misinformasi ([HOAKS] …)')
const status = z.enum(HOAX_CLAIM_STATUSES)
const source = z.object({ url: z.string(), title: z.string() })

export const hoaxClaimView = z
  .object({
    id: z.string(),
    label,
    claim: z.string().describe('The claim as it circulates'),
    facts: z.string().describe("The agency's facts (klarifikasi)"),
    sources: z.array(source),
    firstSeenOn: z.string().nullable(),
    clarifiedOn: z.string().nullable(),
    units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    variants: z.array(z.string()).describe('Other wordings the matcher also compares with'),
    keywords: z.array(z.string()).describe('Search words staff add'),
    status,
    createdBy: z.string().nullable(),
    updatedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'HoaxClaim' })

export const hoaxClaimList = z.object({
  items: z.array(hoaxClaimView),
  canManage: z.boolean().describe('Whether the caller may add, change, archive and import claims'),
})

const filterQuery = {
  q: z.string().trim().max(200).optional().describe('Words in the claim, facts, variants or keywords'),
  label: label.optional(),
  status: status.optional(),
  unitId: z.uuid().optional(),
}
export const listQuery = z.object(filterQuery)
export const exportQuery = z.object(filterQuery)

const optionalDate = isoDate.nullable().optional()
const sourceInput = z.object({
  url: z.string().max(HOAX_LIMITS.sourceUrl),
  title: z.string().max(HOAX_LIMITS.sourceTitle).nullable().optional(),
})
const textList = (count: number, length: number) => z.array(z.string().max(length)).max(count)

export const createBody = z.object({
  label: z
    .string()
    .max(40)
    .describe('hoaks, disinformasi or misinformasi; [HOAKS] and the English words read too'),
  claim: z.string().max(HOAX_LIMITS.claim),
  facts: z.string().max(HOAX_LIMITS.facts),
  sources: z.array(sourceInput).max(HOAX_LIMITS.sources).default([]),
  firstSeenOn: optionalDate,
  clarifiedOn: optionalDate,
  unitIds: z.array(z.uuid()).max(HOAX_LIMITS.units).default([]),
  variants: textList(HOAX_LIMITS.variants, HOAX_LIMITS.variant).default([]),
  keywords: textList(HOAX_LIMITS.keywords, HOAX_LIMITS.keyword).default([]),
})
export const updateBody = z.object({
  label: z.string().max(40).optional(),
  claim: z.string().max(HOAX_LIMITS.claim).optional(),
  facts: z.string().max(HOAX_LIMITS.facts).optional(),
  sources: z.array(sourceInput).max(HOAX_LIMITS.sources).optional(),
  firstSeenOn: optionalDate,
  clarifiedOn: optionalDate,
  unitIds: z.array(z.uuid()).max(HOAX_LIMITS.units).optional(),
  variants: textList(HOAX_LIMITS.variants, HOAX_LIMITS.variant).optional(),
  keywords: textList(HOAX_LIMITS.keywords, HOAX_LIMITS.keyword).optional(),
})

export const metaView = z.object({
  labels: z.array(label),
  statuses: z.array(status),
  csvColumns: z.array(z.string()),
})
export const META = {
  labels: [...HOAX_LABELS],
  statuses: [...HOAX_CLAIM_STATUSES],
  csvColumns: [...HOAX_CSV_COLUMNS],
}

// Kept out of a call's argument list: the schema test reads a quoted argument as a message key.
const columnSeparator = ', '
const columnList = HOAX_CSV_COLUMNS.join(columnSeparator)

export const importBody = z.object({
  csv: z.string().max(2_000_000).describe(`The CSV text (separator , or ; detected); columns: ${columnList}`),
  dryRun: z.boolean().default(true).describe('Only say what each row would do (the default); save nothing'),
})
export const importResult = z.object({
  dryRun: z.boolean(),
  saved: z.boolean(),
  dataRows: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      action: z.enum(['create', 'update', 'unchanged']),
      claimId: z.string().nullable(),
      label,
      claim: z.string(),
      changes: z.array(z.string()).describe('The fields an update changes'),
    }),
  ),
  errors: z.array(
    z.object({
      row: z.number().describe('The row as a spreadsheet numbers it (the header is row 1)'),
      column: z.string().describe("The column as the file names it; '' for the whole file"),
      key: z.string(),
      params: messageParams.optional(),
      message: z.string(),
    }),
  ),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
})
