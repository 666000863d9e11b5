// Deliveries the platforms push, and the refusals counted (features/webhooks/receive-webhook.ts).
import { z } from 'zod'

export const platformParams = z.object({ platform: z.string().regex(/^[a-z]{1,20}$/) })

export const webhookAnswer = {
  description:
    'The handshake answer the platform asks for (its content type), or a short JSON acknowledgement',
  content: { 'text/plain': { schema: z.string() }, 'application/json': { schema: z.string() } },
}

export const rejectionsView = z
  .object({
    rejections: z.array(
      z.object({ platform: z.string(), reason: z.string(), count: z.number(), lastAt: z.string() }),
    ),
  })
  .meta({ id: 'WebhookRejections' })
