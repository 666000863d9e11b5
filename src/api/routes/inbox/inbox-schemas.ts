// The inbox: list filters, a page (keyset), the counts of the tabs, a thread and the actions on an item.
import { z } from 'zod'
import { CONNECTOR_ERROR_KINDS } from '../../../connectors/connector.ts'
import { INBOX_ITEM_KINDS, INBOX_REPLY_STATUSES, INBOX_STATUSES } from '../../../shared/statuses.ts'
import { LAPOR_STATUSES } from '../../../features/lapor/manage-referrals.ts'
import { PPID_STATUSES } from '../../../features/ppid/manage-cases.ts'
import { clockState } from '../ppid/ppid-schemas.ts'

export const statusList = z
  .string()
  .max(60)
  .transform((value) => value.split(',').filter((part) => part.length > 0))
  .pipe(z.array(z.enum(INBOX_STATUSES)))
  .describe('Comma-separated statuses; default new,open (waiting for the office)')

export const filterQuery = z.object({
  status: statusList.optional(),
  unitId: z.uuid().optional().describe('The owning unit and the units below it (one of yours)'),
  accountId: z.uuid().optional(),
  platform: z.string().max(40).optional(),
  intent: z.string().max(60).optional(),
  sentiment: z.string().max(40).optional(),
  assigned: z.enum(['me', 'unassigned']).optional(),
  hoax: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('true: only items matching a hoax claim; false: only those without'),
  label: z.string().max(60).optional(),
  pendingReply: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe("true: only items with a reply waiting for the penanggung jawab's approval"),
  q: z.string().max(200).optional().describe("Searched in the text and the author's handle and name"),
})

export const listQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(200).optional().describe("The previous page's `next`"),
})

const presenceView = z.object({
  userId: z.string(),
  name: z.string(),
  typing: z.boolean(),
  seenAt: z.string(),
})

export const inboxItemView = z
  .object({
    id: z.string(),
    threadId: z.string(),
    accountId: z.string(),
    accountHandle: z.string().optional(),
    platform: z.string(),
    unitId: z.string(),
    unitName: z.string().optional(),
    kind: z.enum(INBOX_ITEM_KINDS),
    externalId: z.string(),
    author: z.object({ externalId: z.string(), handle: z.string(), name: z.string().nullable() }),
    body: z.string(),
    url: z.string().nullable(),
    createdAt: z.string(),
    receivedAt: z.string(),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    hiddenAt: z.string().nullable(),
    status: z.enum(INBOX_STATUSES),
    sentiment: z.string().nullable(),
    abusive: z.boolean().nullable(),
    hateSpeech: z.boolean().nullable(),
    intent: z.string().nullable(),
    hoaxClaimId: z.string().nullable(),
    hoaxScore: z.number().nullable(),
    priority: z.number(),
    assignedUserId: z.string().nullable(),
    assignedUserName: z.string().nullable().optional(),
    slaDueAt: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    labels: z.array(z.string()),
    updatedAt: z.string(),
  })
  .meta({ id: 'InboxItem' })

export const inboxPage = z.object({
  items: z.array(inboxItemView),
  next: z.string().nullable().describe('Pass as `after` for the next page; null at the end'),
})

export const inboxCounts = z.object({
  byStatus: z.object({ new: z.number(), open: z.number(), answered: z.number(), closed: z.number() }),
  mine: z.number().describe('Waiting (new or open) and assigned to you'),
  unassigned: z.number().describe('Waiting and assigned to nobody'),
  breached: z.number().describe('Waiting past their reply target'),
})

export const replyView = z
  .object({
    id: z.string(),
    itemId: z.string(),
    body: z.string(),
    status: z
      .enum(INBOX_REPLY_STATUSES)
      .describe(
        'pending: waits for the penanggung jawab; sending: stored, the platform is being called; sent; failed: see reason (retry); unconfirmed: may be on the platform, check before retrying; rejected',
      ),
    author: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    url: z.string().nullable(),
    error: z.string().nullable().describe("The platform's own text, for the log"),
    errorKind: z
      .enum(CONNECTOR_ERROR_KINDS)
      .nullable()
      .describe("The connector's error kind of the last failed attempt"),
    reason: z
      .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .nullable()
      .describe('Why it failed or is unconfirmed, as a catalogue key with parameters'),
    attempts: z.number().describe('Attempts made: the first send and each retry'),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'InboxReply' })

export const threadView = z.object({
  item: inboxItemView,
  thread: z.array(inboxItemView),
  replies: z.array(replyView),
  notes: z.array(
    z.object({
      id: z.string(),
      itemId: z.string(),
      kind: z.enum(['note', 'handover']),
      body: z.string(),
      author: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
      createdAt: z.string(),
    }),
  ),
  history: z.array(inboxItemView).describe("The citizen's other items on the platform, across your accounts"),
  others: z.array(presenceView).describe('Who else has the thread open now'),
  openedAt: z.string().describe('Send back with a reply: a reply by someone else since then asks first'),
  account: z.object({ id: z.string(), platform: z.string(), handle: z.string(), url: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  claim: z
    .object({ id: z.string(), label: z.string(), claim: z.string(), facts: z.string() })
    .nullable()
    .describe('The hoax claim the item matched'),
  handoff: z
    .object({
      ppidCase: z
        .object({
          id: z.string(),
          registrationNumber: z.string(),
          status: z.enum(PPID_STATUSES),
          clockState: clockState,
          deadline: z.string().nullable().describe('When the running clock runs out; null once done'),
        })
        .nullable(),
      laporReferral: z
        .object({
          id: z.string(),
          laporTrackingId: z.string().nullable().describe("LAPOR!'s own tracking number, once known"),
          status: z.enum(LAPOR_STATUSES),
          outOfScope: z.string().nullable(),
          clockState: clockState,
          deadline: z.string().nullable(),
        })
        .nullable(),
    })
    .describe('The PPID case and the SP4N-LAPOR! referral already made from this item'),
  capabilities: z
    .object({
      reply: z.boolean(),
      hideReply: z.boolean(),
      deleteReply: z.boolean(),
      maxTextLength: z.number(),
      textCounting: z.string(),
    })
    .nullable(),
  actions: z
    .object({
      work: z.boolean(),
      reply: z.boolean(),
      hide: z.boolean(),
      delete: z.boolean(),
      approve: z.boolean(),
    })
    .describe('What you may do here and the platform allows'),
})

export const presenceBody = z.object({
  typing: z.boolean().default(false),
  leaving: z.boolean().optional(),
})
export const presenceAnswer = z.object({ others: z.array(presenceView) })

export const replyBody = z.object({
  text: z.string().max(10_000),
  openedAt: z.iso.datetime({ offset: true }).optional(),
  confirm: z
    .boolean()
    .optional()
    .describe('Send even though someone else replied since you opened the thread'),
})

export const retryBody = z.object({
  checked: z
    .boolean()
    .optional()
    .describe('For an unconfirmed reply: you checked the thread on the platform and the reply is not there'),
})

export const noteBody = z.object({ text: z.string().min(1).max(4000) })

export const assignBody = z.object({
  userId: z.uuid().nullable().optional().describe('null: nobody; omitted: unchanged'),
  unitId: z.uuid().optional().describe('Hand the item to another of your units'),
  note: z.string().max(4000).optional().describe('The hand-over note'),
})

const ids = z.array(z.uuid()).min(1).max(200)
export const bulkBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    ids,
    userId: z.uuid().nullable().optional(),
    unitId: z.uuid().optional(),
  }),
  z.object({ action: z.literal('close'), ids }),
  z.object({
    action: z.literal('label'),
    ids,
    add: z.array(z.string().min(1).max(60)).max(20).optional(),
    remove: z.array(z.string().min(1).max(60)).max(20).optional(),
  }),
])
export const bulkAnswer = z.object({ count: z.number() })

export const savedView = z.object({ id: z.string(), name: z.string(), query: z.string() })
export const savedViewBody = z.object({
  name: z.string().trim().min(1).max(80),
  query: z.string().max(2000).describe("The screen's filters as a query string"),
})

export const eventStream = {
  description:
    'Server-Sent Events: `event: item` with `{ item }`, `event: presence` with who and which thread',
  content: { 'text/event-stream': { schema: z.string() } },
}
