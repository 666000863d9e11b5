// Mails one notification to a user who wants each at once (features/notifications/notify-users.ts enqueues it in
// the transaction of the change, so it runs only once that change committed).
import { z } from 'zod'
import { sendNotificationMail } from '../features/notifications/notification-mail.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ notificationId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'send-notification-mail': z.infer<typeof payload>
  }
}

export const sendNotificationMailJob = defineJob({
  name: 'send-notification-mail',
  payload,
  batchSize: 10,
  async handle(context, { notificationId }) {
    const outcome = await sendNotificationMail(context, notificationId)
    context.logger.info({ notificationId, outcome }, cliText('cli.log_notification_mail_handled'))
  },
})
