// Daily at 07:00 WIB (00:00 UTC), before the working day: one mail per user who chose the daily digest, listing the
// notifications that waited for it.
import { z } from 'zod'
import { sendNotificationDigests } from '../features/notifications/notification-mail.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'send-notification-digests': z.infer<typeof payload>
  }
}

export const sendNotificationDigestsJob = defineJob({
  name: 'send-notification-digests',
  payload,
  schedule: { cron: '0 0 * * *', payload: {} },
  batchSize: 1,
  async handle(context) {
    const result = await sendNotificationDigests(context)
    context.logger.info(result, cliText('cli.log_notification_digests_sent'))
  },
})
