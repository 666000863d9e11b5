// Every 5 minutes: OAuth tokens expiring within 15 minutes are refreshed, and the penanggung jawab is warned
// 7 days and 1 day before an account must be reconnected (features/connections/refresh-tokens.ts).
import { z } from 'zod'
import { refreshExpiringTokens, warnExpiringConnections } from '../features/connections/refresh-tokens.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'refresh-connection-tokens': z.infer<typeof payload>
  }
}

export const refreshConnectionTokensJob = defineJob({
  name: 'refresh-connection-tokens',
  payload,
  schedule: { cron: '*/5 * * * *', payload: {} },
  runAtStart: { payload: {} },
  batchSize: 1,
  async handle(context) {
    const deps = { ...context, mailEnabled: context.config.mail !== undefined }
    const refreshed = await refreshExpiringTokens(deps)
    if (refreshed.refreshed + refreshed.superseded + refreshed.failed.length > 0)
      context.logger.info(refreshed, cliText('cli.log_connection_tokens_refreshed'))
    const warned = await warnExpiringConnections(deps)
    if (warned > 0) context.logger.info({ warned }, cliText('cli.log_connections_expiry_warned'))
  },
})
