// Every minute (and once at worker start): enqueues a publish job for every due scheduled variant, including
// what fell due while no worker ran, and turns `publishing` rows whose worker died into `unconfirmed`.
import { z } from 'zod'
import { publishDepsOf } from '../features/publishing/publishing-deps.ts'
import { sweepVariants } from '../features/publishing/publish-variant.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

// At a worker's start every due variant is handed out again: jobs a killed worker had fetched are lost to it.
const payload = z.object({ startup: z.boolean().optional() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'sweep-publications': z.infer<typeof payload>
  }
}

export const sweepPublicationsJob = defineJob({
  name: 'sweep-publications',
  payload,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: { payload: { startup: true } },
  batchSize: 1,
  async handle(context, { startup }) {
    const result = await sweepVariants(publishDepsOf(context), { jobLostAfterMs: startup ? 0 : undefined })
    if (result.enqueued + result.leaseExpired + result.reconcileAgain > 0)
      context.logger.info(result, cliText('cli.log_publications_swept'))
  },
})
