import { z } from 'zod'
import { POST_STATUSES, VARIANT_STATUSES } from '../../../shared/statuses.ts'
import { renderedProblem } from '../shared-schemas.ts'

const metricsView = z
  .object({
    likes: z.number().int().nullable(),
    shares: z.number().int().nullable(),
    replies: z.number().int().nullable(),
    quotes: z.number().int().nullable(),
    views: z.number().int().nullable(),
  })
  .meta({ id: 'PostMetrics', description: 'A metrics reading; null where the platform does not count it' })

export const publicationsView = z
  .object({
    postStatus: z.enum(POST_STATUSES),
    items: z.array(
      z.object({
        variantId: z.string(),
        accountId: z.string(),
        platform: z.string(),
        handle: z.string(),
        status: z.enum(VARIANT_STATUSES),
        attempts: z.number().int(),
        nextAttemptAt: z.string().nullable(),
        lastError: renderedProblem
          .extend({ kind: z.string(), platformMessage: z.string().nullable() })
          .nullable()
          .describe("The last error in the catalogue's words, with the platform's own text for the record"),
        platformPostId: z.string().nullable(),
        url: z.string().nullable(),
        publishedAt: z.string().nullable(),
        needsReconnect: z.boolean().describe('The account must be reconnected before this can go out'),
        metrics: metricsView.nullable().describe('The latest reading'),
        metricsAt: z.string().nullable(),
        deletedOnPlatform: z.boolean(),
        readings: z
          .array(
            z.object({
              checkpoint: z.enum(['1h', '24h', '7d']),
              plannedAt: z.string(),
              state: z.enum(['waiting', 'read', 'deleted', 'given_up']),
              metrics: metricsView.nullable(),
              fetchedAt: z.string().nullable(),
            }),
          )
          .describe('The readings one hour, one day and one week after publishing'),
      }),
    ),
  })
  .meta({ id: 'Publications' })

export const cancelView = z.object({ cancelledVariantIds: z.array(z.string()) })

export const retryParams = z.object({ id: z.uuid(), variantId: z.uuid() })

export const retryView = z.object({ variantId: z.string(), nextAttemptAt: z.string() })
