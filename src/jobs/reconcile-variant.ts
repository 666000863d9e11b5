// Reconciles an `unconfirmed` variant by reading the account's posts (findPublished): published once when found,
// scheduled for one more attempt when surely absent, asked again later when still unknown. Never publishes.
import { z } from 'zod'
import { publishDepsOf } from '../features/publishing/publishing-deps.ts'
import { reconcileVariant } from '../features/publishing/publish-variant.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ instansiId: z.uuid(), variantId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'reconcile-variant': z.infer<typeof payload>
  }
}

export const reconcileVariantJob = defineJob({
  name: 'reconcile-variant',
  payload,
  batchSize: 10,
  concurrentBatch: true,
  // One waiting job per variant (the variant id is the singletonKey): asking again adds no copy.
  policy: 'short',
  async handle(context, { instansiId, variantId }) {
    const outcome = await reconcileVariant(publishDepsOf(context), instansiId, variantId)
    context.logger.info({ variantId, outcome }, cliText('cli.log_variant_reconciled'))
  },
})
