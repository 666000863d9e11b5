// Hourly: deletes old webhook deliveries in batches (features/webhooks/purge-webhook-deliveries.ts).
import { z } from 'zod'
import { purgeWebhookDeliveries } from '../features/webhooks/purge-webhook-deliveries.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'purge-webhook-deliveries': z.infer<typeof payload>
  }
}

export const purgeWebhookDeliveriesJob = defineJob({
  name: 'purge-webhook-deliveries',
  payload,
  schedule: { cron: '41 * * * *', payload: {} },
  batchSize: 1,
  async handle(context) {
    const purged = await purgeWebhookDeliveries(context)
    context.logger.info(purged, cliText('cli.log_webhook_deliveries_purged'))
  },
})
