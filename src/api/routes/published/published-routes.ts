// The published registry ("Arsip terbit"): every published, unconfirmed or failed variant in the units where the
// caller may read posts, with search, filters, sort, paging and totals, and the same set as CSV.
import type { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import type { PublishedRecord } from '../../../db/published-repository.ts'
import { exportPublishedCsv } from '../../../features/published/export-published-csv.ts'
import {
  listPublishedPage,
  type PublishedDeps,
  type PublishedQuery,
} from '../../../features/published/list-published.ts'
import type { PostingPlatform } from '../../../shared/platforms.ts'
import type { PublishedRegistryStatus } from '../../../shared/statuses.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { csvFile } from '../accounts/accounts-schemas.ts'
import { exportQuery, listQuery, publishedPage } from './published-schemas.ts'

function publishedQueryOf(query: z.infer<typeof exportQuery>): PublishedQuery {
  const { sort, direction, ...filters } = query
  return { ...filters, sort: { key: sort, direction } }
}

function renderItem(row: PublishedRecord) {
  return {
    variantId: row.variantId,
    postId: row.postId,
    title: row.title,
    text: row.text,
    tags: row.tags,
    campaign: row.campaign,
    unit: { id: row.unitId, name: row.unitName },
    account: { id: row.accountId, platform: row.platform as PostingPlatform, handle: row.handle },
    author: { id: row.authorId, name: row.authorName },
    status: row.status as PublishedRegistryStatus,
    at: row.at.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    url: row.platformPostUrl,
    lastErrorKind: row.lastErrorKind,
    metrics: row.metrics,
    metricsAt: row.metricsAt?.toISOString() ?? null,
  }
}

export function registerPublishedRoutes(app: ApiInstance, context: AppContext): void {
  const deps: PublishedDeps = { db: context.db, clock: context.clock }

  app.get(
    '/published',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'The published registry: published, unconfirmed and failed variants in your post.read units, newest first, with the totals of the filtered set',
        querystring: listQuery,
        response: { 200: publishedPage },
      },
    },
    async (request) => {
      const { limit, offset, ...query } = request.query
      const page = await listPublishedPage(deps, requireActor(request), publishedQueryOf(query), {
        limit,
        offset,
      })
      const { variants: _variants, ...totals } = page.totals
      return { items: page.items.map(renderItem), total: page.total, totals }
    },
  )

  app.get(
    '/published.csv',
    {
      schema: {
        tags: ['publishing'],
        summary: 'The published registry as CSV (Indonesian headers, WIB times), filtered like the list',
        querystring: exportQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const csv = await exportPublishedCsv(
        deps,
        requireActor(request),
        publishedQueryOf(request.query),
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="arsip-terbit.csv"')
        .send(csv)
    },
  )
}
