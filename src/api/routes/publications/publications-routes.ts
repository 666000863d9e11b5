// A post's publications (each account's publishing state, attempts, last error in words, link to the published
// post) and cancelling a scheduled post.
import type { AppContext } from '../../../context.ts'
import {
  cancelPost,
  listPublications,
  retryPublication,
  type PublicationsDeps,
} from '../../../features/publishing/post-publications.ts'
import type { PostStatus } from '../../../shared/statuses.ts'
import { requestLocale } from '../../error-handler.ts'
import { renderProblem } from '../../render-problem.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import { cancelView, publicationsView, retryParams, retryView } from './publications-schemas.ts'

export function registerPublicationsRoutes(app: ApiInstance, context: AppContext): void {
  const deps: PublicationsDeps = { db: context.db, clock: context.clock }

  app.get(
    '/posts/:id/publications',
    {
      schema: {
        tags: ['publishing'],
        summary:
          "Each target account's publishing state, attempts, last error and link to the published post",
        params: idParams,
        response: { 200: publicationsView },
      },
    },
    async (request) => {
      const locale = requestLocale(request)
      const view = await listPublications(deps, requireActor(request), request.params.id)
      return {
        postStatus: view.postStatus as PostStatus,
        items: view.items.map((item) => ({
          ...item,
          nextAttemptAt: item.nextAttemptAt?.toISOString() ?? null,
          publishedAt: item.publishedAt?.toISOString() ?? null,
          metricsAt: item.metricsAt?.toISOString() ?? null,
          readings: item.readings.map((reading) => ({
            ...reading,
            plannedAt: reading.plannedAt.toISOString(),
            fetchedAt: reading.fetchedAt?.toISOString() ?? null,
          })),
          lastError: item.lastError && {
            ...renderProblem({ key: item.lastError.key }, locale),
            kind: item.lastError.kind,
            platformMessage: item.lastError.platformMessage,
          },
        })),
      }
    },
  )

  app.post(
    '/posts/:id/cancel',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'Cancel a scheduled post: its variants not yet publishing become cancelled (the author or an approver)',
        params: idParams,
        response: { 200: cancelView },
      },
    },
    async (request) => {
      const { cancelled } = await cancelPost(
        deps,
        requireActor(request),
        request.params.id,
        requestMeta(request),
      )
      return { cancelledVariantIds: cancelled }
    },
  )

  app.post(
    '/posts/:id/publications/:variantId/retry',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'Send a failed publication again now (the author or an approver; the account must be connected)',
        params: retryParams,
        response: { 200: retryView },
      },
    },
    async (request) => {
      const retried = await retryPublication(
        deps,
        requireActor(request),
        request.params.id,
        request.params.variantId,
        requestMeta(request),
      )
      return { variantId: retried.variantId, nextAttemptAt: retried.nextAttemptAt.toISOString() }
    },
  )
}
