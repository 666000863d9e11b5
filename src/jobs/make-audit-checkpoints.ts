// Daily at 00:30 WIB (17:30 UTC): a signed checkpoint of every audit chain whose head moved since its last one.
// A chain the server refuses to sign is broken: that is logged as an error for the operator to report.
import { z } from 'zod'
import { makeDailyCheckpoints } from '../features/audit/checkpoints.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'make-audit-checkpoints': z.infer<typeof payload>
  }
}

export const makeAuditCheckpointsJob = defineJob({
  name: 'make-audit-checkpoints',
  payload,
  schedule: { cron: '30 17 * * *', payload: {} },
  batchSize: 1,
  async handle(context) {
    const result = await makeDailyCheckpoints(context)
    if (result.refused.length > 0) context.logger.error(result, cliText('cli.log_audit_checkpoints_refused'))
    else context.logger.info(result, cliText('cli.log_audit_checkpoints_made'))
  },
})
