// Every minute (and once at worker start): hands out the inbox polls that fell due and classifies items a crash or
// a failed batch left unclassified (features/inbox/ingest-sweep.ts).
import { z } from 'zod'
import { classifyLeftovers, schedulePolls } from '../features/inbox/ingest-sweep.ts'
import { ingestDepsOf } from './inbox-deps.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ startup: z.boolean().optional() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'sweep-inbox': z.infer<typeof payload>
  }
}

export const sweepInboxJob = defineJob({
  name: 'sweep-inbox',
  payload,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: { payload: { startup: true } },
  batchSize: 1,
  async handle(context, { startup }) {
    const deps = ingestDepsOf(context)
    const polls = await schedulePolls(deps, { startup })
    const leftovers = await classifyLeftovers(deps, { startup })
    if (polls.enqueued + leftovers.classified > 0)
      context.logger.info({ ...polls, ...leftovers }, cliText('cli.log_inbox_swept'))
  },
})
