import { z } from 'zod'
import type { JobDefinition } from './job-definitions.ts'

// Placeholder body until sessions exist; the identity work replaces the handler with the real purge.
export const purgeExpiredSessionsJob: JobDefinition<Record<string, never>> = {
  name: 'purge-expired-sessions',
  payload: z.object({}).strict(),
  schedule: '17 * * * *',
  async handle() {},
}
