// Publishes one variant (one post on one account) through its connector; the handler locks, re-checks and
// records every outcome (features/publishing/publish-variant.ts). Enqueued by the sweeper, scheduleVariantsNow,
// a retry or a reconcile that found nothing.
import { z } from 'zod'
import { publishDepsOf } from '../features/publishing/publishing-deps.ts'
import { publishVariant } from '../features/publishing/publish-variant.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ instansiId: z.uuid(), variantId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'publish-variant': z.infer<typeof payload>
  }
}

export const publishVariantJob = defineJob({
  name: 'publish-variant',
  payload,
  // Each job waits on the platform; a larger batch keeps one worker busy with many accounts at once.
  batchSize: 20,
  concurrentBatch: true,
  // Up to 4 × 20 publishes in flight per worker: each mostly waits on its platform.
  localConcurrency: 4,
  // One waiting job per variant (the variant id is the singletonKey): asking again adds no copy.
  policy: 'short',
  async handle(context, { instansiId, variantId }) {
    const outcome = await publishVariant(publishDepsOf(context), instansiId, variantId)
    context.logger.info({ variantId, outcome }, cliText('cli.log_variant_published'))
  },
})
