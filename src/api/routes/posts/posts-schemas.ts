// Drafts: the composer's form, the post with its variants, the live compliance check, submission and override.
import { z } from 'zod'
import { POSTING_PLATFORMS } from '../../../shared/platforms.ts'
import { FIVE_W_ONE_H, POST_KINDS, POST_STATUSES, VARIANT_STATUSES } from '../../../shared/statuses.ts'
import { messageParams } from '../shared-schemas.ts'

const TEXT_MAX = 70_000

const variantInput = z.object({
  accountId: z.uuid(),
  text: z.string().max(TEXT_MAX).nullable().optional().describe('Absent or null: the base text'),
  media: z
    .array(z.object({ mediaId: z.uuid(), altText: z.string().max(2000) }))
    .max(20)
    .optional(),
})

const fiveWOneH = z.object(
  Object.fromEntries(FIVE_W_ONE_H.map((key) => [key, z.string().max(2000).optional()])),
)

export const draftBody = z.object({
  unitId: z
    .uuid('validation.choose_unit')
    .optional()
    .describe('Default: the unit of your first post.create role'),
  title: z.string().max(300),
  kind: z.enum(POST_KINDS).default('informasi').describe('berita needs the 5W+1H answers at submission'),
  baseText: z.string().max(TEXT_MAX).default(''),
  source: z.string().max(2000).default(''),
  verificationNote: z.string().max(2000).default(''),
  fiveWOneH: fiveWOneH.default({}),
  tags: z.array(z.string().max(100)).max(50).default([]),
  campaign: z.string().max(200).nullable().default(null),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
  crisis: z.boolean().default(false),
  targets: z.array(z.uuid()).max(100).default([]).describe('Account ids (GET /posts/targets)'),
  variants: z
    .array(variantInput)
    .max(100)
    .default([])
    .describe('Per-account text and media; absent: base text'),
})
export const updateBody = draftBody.extend({
  version: z.number().int().min(1).describe('The version you read; a stale one is answered 409'),
})

const renderedVariantProblem = z.object({
  field: z.string(),
  key: z.string(),
  params: messageParams.optional(),
  message: z.string(),
  start: z.number().optional(),
  end: z.number().optional(),
})
const validationView = z.object({
  length: z.number().describe('As the platform counts it'),
  limit: z.number(),
  problems: z.array(renderedVariantProblem),
})
const finding = z.object({
  code: z.string(),
  severity: z.enum(['block', 'warn']),
  start: z.number().describe('UTF-16 offset'),
  end: z.number(),
  message: z.string().describe('Bahasa Indonesia'),
})
const storedFinding = finding.extend({ scope: z.string().describe("'base' or the variant's account id") })

const mediaView = z.object({
  mediaId: z.string(),
  altText: z.string(),
  kind: z.enum(['image', 'video']),
  mimeType: z.string(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
})

export const postView = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), name: z.string(), path: z.string() }),
    authorId: z.string(),
    title: z.string(),
    kind: z.enum(POST_KINDS),
    baseText: z.string(),
    source: z.string(),
    verificationNote: z.string(),
    fiveWOneH: z.record(z.string(), z.string()),
    tags: z.array(z.string()),
    campaign: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    crisis: z.boolean(),
    status: z.enum(POST_STATUSES),
    version: z.number(),
    submittedAt: z.string().nullable(),
    submittedFindings: z.array(storedFinding).nullable(),
    override: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    variants: z.array(
      z.object({
        id: z.string().describe('The publishing idempotency key of this (post, account)'),
        accountId: z.string(),
        platform: z.enum(POSTING_PLATFORMS),
        handle: z.string(),
        text: z.string(),
        media: z.array(mediaView),
        status: z.enum(VARIANT_STATUSES),
        validation: validationView,
        platformPostUrl: z.string().nullable(),
        publishedAt: z.string().nullable(),
      }),
    ),
    editable: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Post' })
export const postList = z.object({ items: z.array(postView) })

export const listQuery = z.object({
  mine: z
    .enum(['true', 'false'])
    .default('true')
    .describe('true: your posts; false: posts of units you may read'),
  status: z.enum(POST_STATUSES).optional(),
  unitId: z.uuid().optional(),
})

export const targetsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      platform: z.enum(POSTING_PLATFORMS),
      handle: z.string(),
      displayName: z.string().nullable(),
      unit: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
})

export const checkBody = z.object({
  baseText: z.string().max(TEXT_MAX).default(''),
  variants: z
    .array(
      z.object({
        key: z.string().max(100).describe('Yours to match the answer (e.g. the account id)'),
        platform: z.enum(POSTING_PLATFORMS),
        text: z.string().max(TEXT_MAX),
        media: z
          .array(z.object({ kind: z.enum(['image', 'video']), altText: z.string().max(2000) }))
          .max(20)
          .default([]),
      }),
    )
    .max(100)
    .default([]),
})
export const checkView = z.object({
  base: z.array(finding),
  variants: z.array(
    z.object({
      key: z.string(),
      platform: z.enum(POSTING_PLATFORMS),
      findings: z.array(finding),
      validation: validationView,
    }),
  ),
  blocking: z.number(),
  warnings: z.number(),
})

export const submitBody = z.object({
  version: z.number().int().min(1),
  overrideReason: z
    .string()
    .max(2000)
    .optional()
    .describe('A penanggung jawab over the unit may submit through blocking findings with a written reason'),
})
export const overrideBody = z.object({ version: z.number().int().min(1), reason: z.string().max(2000) })
export const deletedView = z.object({ id: z.string(), deleted: z.boolean() })

export const calendarQuery = z.object({
  from: z.iso.datetime({ offset: true }).describe('Start of the range (inclusive)'),
  to: z.iso.datetime({ offset: true }).describe('End of the range (exclusive); at most 62 days after from'),
  unitId: z.uuid().optional().describe('Only this unit and the units below it'),
  accountId: z.uuid().optional().describe('Only posts with a variant for this account'),
  platform: z.enum(POSTING_PLATFORMS).optional(),
  status: z.enum(POST_STATUSES).optional(),
})
export const calendarView = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z
      .object({
        id: z.string(),
        title: z.string(),
        status: z.enum(POST_STATUSES),
        unit: z.object({ id: z.string(), name: z.string() }),
        crisis: z.boolean(),
        version: z.number().describe('Send it with a reschedule'),
        scheduledAt: z.string().nullable(),
        publishedAt: z.string().nullable().describe('The first publication of any variant'),
        at: z.string().describe('Where the calendar shows it: publishedAt once published, else scheduledAt'),
        movable: z.boolean().describe('You may move it to another time (POST /api/posts/{id}/reschedule)'),
        variants: z.array(
          z.object({
            id: z.string(),
            accountId: z.string(),
            platform: z.enum(POSTING_PLATFORMS),
            handle: z.string(),
            status: z.enum(VARIANT_STATUSES),
          }),
        ),
      })
      .meta({ id: 'CalendarPost' }),
  ),
  truncated: z.boolean().describe('More posts lie in the range than one answer holds'),
})
