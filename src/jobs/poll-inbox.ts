// Polls one connected account's comments, mentions and messages into the inbox (features/inbox/ingest-poll.ts):
// asked for by the sweep-inbox schedule, by a connection or reconnection (backfill), and by a run that left
// pages unread. One waiting job per account (the account id as singletonKey).
import { z } from 'zod'
import { pollAccount } from '../features/inbox/ingest-poll.ts'
import { ingestDepsOf } from './inbox-deps.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z
  .object({ instansiId: z.uuid(), accountId: z.uuid(), backfill: z.boolean().optional() })
  .strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'poll-inbox': z.infer<typeof payload>
  }
}

export const pollInboxJob = defineJob({
  name: 'poll-inbox',
  payload,
  policy: 'short',
  // Polls mostly wait on the platform: a batch runs side by side.
  batchSize: 4,
  concurrentBatch: true,
  async handle(context, { instansiId, accountId, backfill }) {
    const result = await pollAccount(ingestDepsOf(context), instansiId, accountId, { backfill })
    if (result.stored > 0 || result.failed)
      context.logger.info({ accountId, ...result }, cliText('cli.log_inbox_polled'))
  },
})
