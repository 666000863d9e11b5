// Each minute: posts still in review whose scheduled time has come expire, and their authors are told
// (features/posts/expire-posts.ts).
import { z } from 'zod'
import { expireOverduePosts } from '../features/posts/expire-posts.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({}).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'expire-posts': z.infer<typeof payload>
  }
}

export const expirePostsJob = defineJob({
  name: 'expire-posts',
  payload,
  schedule: { cron: '* * * * *', payload: {} },
  batchSize: 1,
  async handle(context) {
    const result = await expireOverduePosts(
      { db: context.db, mailEnabled: context.config.mail !== undefined },
      context.clock.now(),
    )
    if (result.expired > 0) context.logger.info(result, cliText('cli.log_posts_expired'))
  },
})
