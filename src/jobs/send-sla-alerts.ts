// Every five minutes: reminders before reply-target, UU KIP and SP4N-LAPOR! deadlines, and escalations to the
// unit's penanggung jawab after them, once each (features/inbox/sla-alerts.ts).
import { z } from 'zod'
import { runSlaAlerts } from '../features/inbox/sla-alerts.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'send-sla-alerts': z.infer<typeof payload>
  }
}

export const sendSlaAlertsJob = defineJob({
  name: 'send-sla-alerts',
  payload,
  schedule: { cron: '*/5 * * * *', payload: {} },
  batchSize: 1,
  policy: 'short',
  async handle(context) {
    const result = await runSlaAlerts(
      { db: context.db, mailEnabled: context.config.mail !== undefined },
      context.clock.now(),
    )
    if (result.reminders + result.escalations > 0)
      context.logger.info(result, cliText('cli.log_sla_alerts_sent'))
  },
})
