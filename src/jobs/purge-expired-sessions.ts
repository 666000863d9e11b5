// Hourly, and on demand: deletes sessions that ended more than a day ago, old login attempts and abandoned SSO
// logins (features/identity/purge-expired-sessions.ts).
import { z } from 'zod'
import { purgeExpiredSessions } from '../features/identity/purge-expired-sessions.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'purge-expired-sessions': z.infer<typeof payload>
  }
}

export const purgeExpiredSessionsJob = defineJob({
  name: 'purge-expired-sessions',
  payload,
  schedule: { cron: '17 * * * *', payload: {} },
  batchSize: 1,
  async handle(context) {
    const purged = await purgeExpiredSessions(context)
    context.logger.info(purged, cliText('cli.log_sessions_purged'))
  },
})
