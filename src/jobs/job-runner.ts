// What `warta start` and `warta worker` run on top of the context: pg-boss over whichever engine the database
// uses, a worker per job definition, the recurring schedules, and the relay that moves enqueued jobs from the
// outbox into pg-boss. `warta api` runs none of it; it only enqueues (features/jobs/enqueue.ts).
import { PgBoss, fromPglite, type Job, type JobResult } from 'pg-boss'
import type { AppContext } from '../context.ts'
import type { Database } from '../db/open-database.ts'
import type { JobName } from '../features/jobs/job-payloads.ts'
import type { JobContext, JobDefinition } from './job-definition.ts'
import { jobDefinitions, jobNames } from './job-registry.ts'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.ts'
import { cliText } from '../cli/cli-text.ts'

export interface JobRunner {
  readonly boss: PgBoss
  readonly relay: OutboxRelay
  /** Stops the relay and the workers, lets running jobs finish (up to a few seconds), disconnects. */
  close(): Promise<void>
}

export interface JobRunnerOptions {
  /** How often the outbox is drained (default 1 s). */
  relayIntervalMs?: number
}

export function createJobQueue(database: Database, databaseUrl: string | undefined): PgBoss {
  if (database.engine === 'pg') return new PgBoss({ connectionString: databaseUrl!, max: 4 })
  return new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite' })
}

export async function startJobRunner(
  context: AppContext,
  options: JobRunnerOptions = {},
): Promise<JobRunner> {
  const boss = createJobQueue(context.database, context.config.databaseUrl)
  boss.on('error', (error: Error) => context.logger.error({ err: error }, cliText('cli.log_job_queue_error')))
  await boss.start()
  try {
    for (const job of jobDefinitions) await startWorker(boss, context, job)
  } catch (error) {
    await boss.stop({ graceful: false })
    throw error
  }
  const relay = startOutboxRelay({
    db: context.db,
    boss,
    logger: context.logger,
    names: jobNames,
    intervalMs: options.relayIntervalMs,
  })
  return {
    boss,
    relay,
    async close() {
      await relay.stop()
      await boss.stop({ graceful: true, timeout: 5000 })
    },
  }
}

async function startWorker<N extends JobName>(
  boss: PgBoss,
  context: JobContext,
  job: JobDefinition<N>,
): Promise<void> {
  await boss.createQueue(job.name, job.policy ? { policy: job.policy } : undefined)
  if (job.schedule) await boss.schedule(job.name, job.schedule.cron, job.schedule.payload)
  if (job.runAtStart) await boss.send(job.name, job.runAtStart.payload)
  await boss.work(
    job.name,
    {
      batchSize: job.batchSize,
      localConcurrency: job.localConcurrency ?? 1,
      pollingIntervalSeconds: 2,
      // A full batch means more is waiting: fetch again at once rather than after the polling interval.
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    (batch) => runBatch(context, job, batch),
  )
}

/** Each job of a batch settles on its own: one bad payload or failure does not fail its neighbours. */
async function runBatch<N extends JobName>(
  context: JobContext,
  job: JobDefinition<N>,
  batch: Job<unknown>[],
): Promise<JobResult[]> {
  // Jobs that mostly wait on a platform run side by side; the others one after another.
  if (job.concurrentBatch) return Promise.all(batch.map((item) => runOne(context, job, item)))
  const results: JobResult[] = []
  for (const item of batch) results.push(await runOne(context, job, item))
  return results
}

async function runOne<N extends JobName>(
  context: JobContext,
  job: JobDefinition<N>,
  item: Job<unknown>,
): Promise<JobResult> {
  const parsed = job.payload.safeParse(item.data)
  if (!parsed.success) {
    // A payload the schema refuses will never pass: no retries.
    context.logger.error(
      { job: job.name, jobId: item.id, issues: parsed.error.issues },
      cliText('cli.log_job_payload_invalid'),
    )
    return { id: item.id, status: 'deadletter', output: { error: 'invalid payload' } }
  }
  try {
    await job.handle(context, parsed.data)
    return { id: item.id, status: 'completed' }
  } catch (error) {
    context.logger.error({ err: error, job: job.name, jobId: item.id }, cliText('cli.log_job_failed'))
    return {
      id: item.id,
      status: 'failed',
      output: { error: error instanceof Error ? error.message : String(error) },
    }
  }
}
