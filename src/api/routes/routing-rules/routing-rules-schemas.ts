// The inbox's routing rules: the ordered list, one rule's conditions and action, the order, and the preview.
import { z } from 'zod'
import { ROUTING_LIMITS } from '../../../features/routing/routing-rule.ts'
import { INBOX_INTENTS, INBOX_SENTIMENTS } from '../../../shared/inbox-labels.ts'
import { PLATFORMS } from '../../../shared/platforms.ts'

const keywordList = z.array(z.string().max(ROUTING_LIMITS.keyword)).max(ROUTING_LIMITS.keywords)
const idList = z.array(z.uuid()).max(ROUTING_LIMITS.ids)

const conditionsInput = z.object({
  keywordsAny: keywordList
    .optional()
    .describe('Any of these words or phrases (normalised text, whole words)'),
  keywordsAll: keywordList.optional().describe('All of these words or phrases'),
  intents: z.array(z.string().max(40)).max(INBOX_INTENTS.length).optional(),
  sentiments: z.array(z.string().max(40)).max(INBOX_SENTIMENTS.length).optional(),
  platforms: z.array(z.string().max(40)).max(PLATFORMS.length).optional(),
  accountIds: idList.optional(),
  unitIds: idList.optional().describe("The item's unit is one of these or below one"),
  hoaxMatched: z.boolean().nullable().optional().describe('true: matched to a hoax claim; false: to none'),
})

const conditionsView = z.object({
  keywordsAny: z.array(z.string()),
  keywordsAll: z.array(z.string()),
  intents: z.array(z.enum(INBOX_INTENTS)),
  sentiments: z.array(z.enum(INBOX_SENTIMENTS)),
  platforms: z.array(z.enum(PLATFORMS)),
  accountIds: z.array(z.string()),
  unitIds: z.array(z.string()),
  hoaxMatched: z.boolean().nullable(),
})

const action = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('assign_unit'), unitId: z.uuid() }),
    z.object({ kind: z.literal('assign_user'), userId: z.uuid() }),
    z.object({ kind: z.literal('add_label'), label: z.string().max(ROUTING_LIMITS.label * 2) }),
    z.object({ kind: z.literal('set_priority_floor'), priority: z.number().int().min(0).max(100) }),
  ])
  .describe(
    'Assign to a unit or a person (first match wins), add a label or raise the priority (every match)',
  )

export const routingRuleView = z
  .object({
    id: z.string(),
    position: z.number(),
    name: z.string(),
    enabled: z.boolean(),
    conditions: conditionsView,
    action,
    createdBy: z.string().nullable(),
    updatedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RoutingRule' })

export const routingRuleList = z.object({
  items: z.array(routingRuleView),
  references: z.object({
    units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), depth: z.number() })),
    users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
    accounts: z.array(z.object({ id: z.string(), platform: z.string(), handle: z.string() })),
  }),
})

export const createBody = z.object({
  name: z.string().max(ROUTING_LIMITS.name),
  enabled: z.boolean().default(true),
  conditions: conditionsInput,
  action,
})
export const updateBody = z.object({
  name: z.string().max(ROUTING_LIMITS.name).optional(),
  enabled: z.boolean().optional(),
  conditions: conditionsInput.optional(),
  action: action.optional(),
})
export const orderBody = z.object({
  ids: z
    .array(z.uuid())
    .max(ROUTING_LIMITS.rules)
    .describe('Every rule id once, in the order they are tried'),
})

export const previewBody = z.object({
  rule: z.object({ conditions: conditionsInput, action }),
  sample: z.object({
    text: z.string().min(1).max(5000),
    platform: z.enum(PLATFORMS).optional(),
    accountId: z.uuid().optional().describe("The item's account (its platform and unit come with it)"),
    unitId: z.uuid().optional(),
    intent: z.enum(INBOX_INTENTS).optional().describe("Instead of the language engine's reading"),
    sentiment: z.enum(INBOX_SENTIMENTS).optional(),
    hoaxMatched: z.boolean().optional().describe("Instead of the hoax knowledge base's match"),
  }),
})
export const previewView = z.object({
  matches: z.boolean(),
  conditions: z.array(z.object({ condition: z.string(), matched: z.boolean() })),
  sample: z.object({
    normalisedText: z.string(),
    intent: z.string(),
    sentiment: z.string(),
    platform: z.string(),
    hoaxClaim: z.object({ id: z.string(), claim: z.string() }).nullable(),
  }),
})

export const deletedView = z.object({ id: z.string(), deleted: z.literal(true) })
