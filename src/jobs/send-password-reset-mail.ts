// Mails a password reset link for one "Lupa kata sandi?" request (features/identity/password-reset.ts): looks the
// e-mail up, issues the single-use link for an active user, and sends it. A failed send withdraws the link and
// fails the job, which pg-boss retries.
import { z } from 'zod'
import { sendPasswordResetMail } from '../features/identity/password-reset.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ resetId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'send-password-reset-mail': z.infer<typeof payload>
  }
}

export const sendPasswordResetMailJob = defineJob({
  name: 'send-password-reset-mail',
  payload,
  batchSize: 5,
  async handle(context, { resetId }) {
    const outcome = await sendPasswordResetMail(context, resetId)
    context.logger.info({ resetId, outcome }, cliText('cli.log_password_reset_handled'))
  },
})
