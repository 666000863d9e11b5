// The list of background jobs. One file per job in src/jobs/: a name, a zod payload, an optional cron schedule
// and a short handler that calls a feature. Handlers must be idempotent (pg-boss may deliver a job twice).
import type { PgBoss } from 'pg-boss'
import type { z } from 'zod'
import type { AppContext } from '../context.ts'
import { makeAuditCheckpointsJob } from './make-audit-checkpoints.ts'
import { purgeExpiredSessionsJob } from './purge-expired-sessions.ts'

export interface JobDefinition<T> {
  name: string
  payload: z.ZodType<T>
  /** Cron expression (UTC) for recurring jobs. */
  schedule?: string
  handle(context: AppContext, payload: T): Promise<void>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jobDefinitions: JobDefinition<any>[] = [purgeExpiredSessionsJob, makeAuditCheckpointsJob]

export async function startWorkers(boss: PgBoss, context: AppContext): Promise<void> {
  for (const job of jobDefinitions) {
    await boss.createQueue(job.name)
    if (job.schedule) await boss.schedule(job.name, job.schedule, {})
    await boss.work(job.name, { batchSize: 10, pollingIntervalSeconds: 2 }, async (batch) => {
      for (const item of batch) {
        const payload: unknown = job.payload.parse(item.data)
        await job.handle(context, payload)
      }
    })
  }
}
