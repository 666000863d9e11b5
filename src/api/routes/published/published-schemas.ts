// The published registry: the filters (shared by the list and the CSV export), the sort, a page with the totals
// of the whole filtered set.
import { z } from 'zod'
import { POSTING_PLATFORMS } from '../../../shared/platforms.ts'
import { PUBLISHED_REGISTRY_STATUSES } from '../../../shared/statuses.ts'

const wibDay = z.iso.date('validation.date')

const filterFields = {
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Searched in the variant's text, the title, the tags and the campaign"),
  unitId: z.uuid().optional().describe("The post's unit and the units below it (one of yours)"),
  accountId: z.uuid().optional(),
  platform: z.enum(POSTING_PLATFORMS).optional(),
  from: wibDay.optional().describe('First day, WIB (YYYY-MM-DD), included'),
  to: wibDay.optional().describe('Last day, WIB (YYYY-MM-DD), included'),
  tag: z.string().max(100).optional().describe('One tag, exactly'),
  campaign: z.string().max(200).optional().describe('One campaign, exactly'),
  status: z.enum(PUBLISHED_REGISTRY_STATUSES).optional().describe('Default: all three'),
  sort: z
    .enum(['at', 'likes', 'shares', 'replies', 'views'])
    .default('at')
    .describe('at: when it was published (or last changed, when not published)'),
  direction: z.enum(['asc', 'desc']).default('desc'),
}
export const listQuery = z.object({
  ...filterFields,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const exportQuery = z.object(filterFields)

const metricsView = z.object({
  likes: z.number().nullable(),
  shares: z.number().nullable(),
  replies: z.number().nullable(),
  quotes: z.number().nullable(),
  views: z.number().nullable(),
})

export const publishedItem = z
  .object({
    variantId: z.string(),
    postId: z.string(),
    title: z.string(),
    text: z.string(),
    tags: z.array(z.string()),
    campaign: z.string().nullable(),
    unit: z.object({ id: z.string(), name: z.string() }),
    account: z.object({ id: z.string(), platform: z.enum(POSTING_PLATFORMS), handle: z.string() }),
    author: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(PUBLISHED_REGISTRY_STATUSES),
    at: z.string().describe('When it was published, or last changed when not published'),
    publishedAt: z.string().nullable(),
    url: z.string().nullable().describe("The published post's address on its platform"),
    lastErrorKind: z.string().nullable(),
    metrics: metricsView.nullable().describe('The latest reading; null until one was read'),
    metricsAt: z.string().nullable(),
  })
  .meta({ id: 'PublishedItem' })

export const publishedPage = z.object({
  items: z.array(publishedItem),
  total: z.number().describe('Rows (variants) of the filtered set'),
  totals: z.object({
    posts: z.number(),
    likes: z.number(),
    shares: z.number(),
    replies: z.number(),
    views: z.number(),
  }),
})
