import { z } from 'zod'
import type { JobDefinition } from './job-definitions.ts'
import { purgeExpiredSessions } from '../features/identity/purge-expired-sessions.ts'

// Hourly: deletes sessions that ended more than a day ago, old login attempts and abandoned SSO logins.
export const purgeExpiredSessionsJob: JobDefinition<Record<string, never>> = {
  name: 'purge-expired-sessions',
  payload: z.object({}).strict(),
  schedule: '17 * * * *',
  async handle(context) {
    const purged = await purgeExpiredSessions(context)
    context.logger.info(purged, 'purged expired sessions')
  },
}
