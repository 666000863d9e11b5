import { z } from 'zod'
import { POST_STATUSES, VARIANT_STATUSES } from '../../../shared/statuses.ts'
import { renderedProblem } from '../shared-schemas.ts'

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
      }),
    ),
  })
  .meta({ id: 'Publications' })

export const cancelView = z.object({ cancelledVariantIds: z.array(z.string()) })
