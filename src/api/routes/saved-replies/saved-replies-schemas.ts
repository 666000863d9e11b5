// Saved replies (jawaban baku), rendering one for an inbox item, and the hoax clarification text.
import { z } from 'zod'
import { SAVED_REPLY_LIMITS } from '../../../features/saved-replies/saved-reply-input.ts'
import { HOAX_LABELS } from '../../../shared/hoax-labels.ts'
import { INBOX_INTENTS } from '../../../shared/inbox-labels.ts'
import { SAVED_REPLY_VARIABLES } from '../../../shared/saved-reply-template.ts'

const variable = z.enum(SAVED_REPLY_VARIABLES)

export const savedReplyView = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    title: z.string(),
    body: z.string().describe('The template: {nama}, {nomor_tiket}, {unit}, {kontak_unit}, {akun}'),
    tags: z.array(z.string()),
    intents: z.array(z.string()),
    variables: z.array(variable).describe('The variables the body uses'),
    canManage: z.boolean().describe('Whether the caller may change or delete this one'),
    createdBy: z.string().nullable(),
    updatedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedReply' })

export const savedReplyList = z.object({
  items: z.array(savedReplyView),
  canManage: z.boolean().describe('Whether the caller may add saved replies'),
})

export const listQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words in the title, text or tags'),
  unitId: z.uuid().optional(),
  itemId: z
    .uuid()
    .optional()
    .describe(
      "Only those that apply to this inbox item (its unit's and the instansi's), fitting its intent first",
    ),
})

const textList = (count: number, length: number) => z.array(z.string().max(length)).max(count)

export const createBody = z.object({
  unitId: z.uuid().nullable().default(null).describe('The owning unit; null: the whole instansi'),
  title: z.string().max(SAVED_REPLY_LIMITS.title),
  body: z.string().max(SAVED_REPLY_LIMITS.body),
  tags: textList(SAVED_REPLY_LIMITS.tags, SAVED_REPLY_LIMITS.tag).default([]),
  intents: z.array(z.string().max(40)).max(INBOX_INTENTS.length).default([]),
})
export const updateBody = z.object({
  unitId: z.uuid().nullable().optional(),
  title: z.string().max(SAVED_REPLY_LIMITS.title).optional(),
  body: z.string().max(SAVED_REPLY_LIMITS.body).optional(),
  tags: textList(SAVED_REPLY_LIMITS.tags, SAVED_REPLY_LIMITS.tag).optional(),
  intents: z.array(z.string().max(40)).max(INBOX_INTENTS.length).optional(),
})

export const metaView = z.object({
  variables: z.array(variable),
  intents: z.array(z.enum(INBOX_INTENTS)),
})
export const META = { variables: [...SAVED_REPLY_VARIABLES], intents: [...INBOX_INTENTS] }

export const renderBody = z.object({ itemId: z.uuid().describe('The inbox item the reply answers') })
export const renderedView = z.object({
  text: z
    .string()
    .describe('The reply; a variable without a value stays as [[name]] for the operator to fill'),
  unresolved: z.array(z.string()).describe('The variables left as placeholders'),
  values: z.record(z.string(), z.string()).describe('What each variable was filled with'),
  ticketNumber: z.string().describe("The item's ticket number (WT-XXXXX-XXXXX, derived from its id)"),
})

export const deletedView = z.object({ id: z.string(), deleted: z.literal(true) })

export const clarificationView = z.object({
  text: z.string(),
  length: z.number().describe("The text's length as the platform counts it"),
  maxLength: z.number(),
  shortened: z.boolean().describe('Whether the facts were shortened to fit'),
  platform: z.string(),
  claim: z.object({ id: z.string(), label: z.enum(HOAX_LABELS), claim: z.string() }),
  sourceUrl: z.string().nullable(),
})
