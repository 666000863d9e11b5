import { z } from 'zod'
import type { JobDefinition } from './job-definitions.ts'
import { makeDailyCheckpoints } from '../features/audit/checkpoints.ts'

// Daily at 00:30 WIB (17:30 UTC): a signed checkpoint of every audit chain whose head moved since its last one.
// A chain the server refuses to sign is broken: that is logged as an error for the operator to report.
export const makeAuditCheckpointsJob: JobDefinition<Record<string, never>> = {
  name: 'make-audit-checkpoints',
  payload: z.object({}).strict(),
  schedule: '30 17 * * *',
  async handle(context) {
    const result = await makeDailyCheckpoints(context)
    if (result.refused.length > 0) context.logger.error(result, 'audit checkpoints refused for broken chains')
    else context.logger.info(result, 'audit checkpoints made')
  },
}
