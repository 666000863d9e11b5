// Every minute (and once at worker start): replies a dead process left `sending` are looked for in their thread —
// `sent` when there, else `unconfirmed` for a person to check (features/inbox/send-reply.ts). Never replies.
import { z } from 'zod'
import { reconcileStaleReplies } from '../features/inbox/send-reply.ts'
import { ingestDepsOf } from './inbox-deps.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ startup: z.boolean().optional() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'reconcile-replies': z.infer<typeof payload>
  }
}

export const reconcileRepliesJob = defineJob({
  name: 'reconcile-replies',
  payload,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: { payload: { startup: true } },
  batchSize: 1,
  async handle(context) {
    const result = await reconcileStaleReplies(ingestDepsOf(context))
    if (result.sent + result.unconfirmed + result.later > 0)
      context.logger.info(result, cliText('cli.log_replies_reconciled'))
  },
})
