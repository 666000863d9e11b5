// Deliveries the platforms push, and the refusals counted (features/webhooks/receive-webhook.ts).
import { z } from 'zod'

export const platformParams = z.object({ platform: z.string().regex(/^[a-z]{1,20}$/) })

export const webhookAnswer = {
  description:
    'The handshake answer the platform asks for (its content type), or a short JSON acknowledgement',
  content: { 'text/plain': { schema: z.string() }, 'application/json': { schema: z.string() } },
}

const rejection = z.object({ reason: z.string(), count: z.number(), lastAt: z.string() })

export const rejectionsView = z
  .object({
    rejections: z.array(rejection.extend({ platform: z.string() })),
    /** Per platform with a webhook: secret set, deliveries in the last 24 h and 7 d, refusals by reason. */
    platforms: z.array(
      z.object({
        platform: z.string(),
        configured: z.boolean(),
        received24h: z.number(),
        processed24h: z.number(),
        received7d: z.number(),
        processed7d: z.number(),
        waiting7d: z.number(),
        lastReceivedAt: z.string().nullable(),
        rejections: z.array(rejection),
        rejected: z.number(),
        lastRejectedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'WebhookRejections' })
