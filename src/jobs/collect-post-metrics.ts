// Every minute (and once at worker start): reads the metrics of published posts whose +1 h, +24 h or +7 d
// reading fell due, many posts per call to each account (features/metrics/collect-post-metrics.ts).
import { z } from 'zod'
import { collectPostMetrics } from '../features/metrics/collect-post-metrics.ts'
import { publishDepsOf } from '../features/publishing/publishing-deps.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ startup: z.boolean().optional() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'collect-post-metrics': z.infer<typeof payload>
  }
}

export const collectPostMetricsJob = defineJob({
  name: 'collect-post-metrics',
  payload,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: { payload: { startup: true } },
  batchSize: 1,
  async handle(context) {
    const result = await collectPostMetrics(publishDepsOf(context))
    if (result.read + result.deleted + result.postponed + result.givenUp > 0)
      context.logger.info(result, cliText('cli.log_post_metrics_collected'))
  },
})
