// Mails the registration number of an information request taken in by e-mail (features/ppid/ppid-receipt.ts).
// A failed send fails the job, which pg-boss retries.
import { z } from 'zod'
import { sendPpidReceipt } from '../features/ppid/ppid-receipt.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ instansiId: z.uuid(), caseId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'send-ppid-receipt': z.infer<typeof payload>
  }
}

export const sendPpidReceiptJob = defineJob({
  name: 'send-ppid-receipt',
  payload,
  batchSize: 5,
  async handle(context, { instansiId, caseId }) {
    const outcome = await sendPpidReceipt(context, instansiId, caseId)
    context.logger.info({ caseId, outcome }, cliText('cli.log_ppid_receipt_handled'))
  },
})
