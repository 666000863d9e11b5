// An accepted webhook delivery, processed after the platform got its answer (features/webhooks).
import { z } from 'zod'
import { processWebhookDelivery } from '../features/webhooks/process-webhook-delivery.ts'
import { defineJob } from './job-definition.ts'

const payload = z.object({ id: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'process-webhook-delivery': z.infer<typeof payload>
  }
}

export const processWebhookDeliveryJob = defineJob({
  name: 'process-webhook-delivery',
  payload,
  batchSize: 5,
  async handle(context, job) {
    await processWebhookDelivery(context, job.id)
  },
})
