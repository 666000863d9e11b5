// What one job file in src/jobs/ exports: its name, the zod schema of its payload, an optional recurring
// schedule, and a short handler that calls a feature. The file also registers the payload type for features
// (see features/jobs/job-payloads.ts) and the job is listed once in job-registry.ts.
import type { z } from 'zod'
import type { AppContext } from '../context.ts'
import type { JobName, JobPayloads } from '../features/jobs/job-payloads.ts'

/** What a handler may use: everything a process has, except starting or stopping things. */
export type JobContext = Pick<AppContext, 'config' | 'db' | 'logger' | 'clock' | 'secret' | 'previousSecrets'>

export interface JobDefinition<N extends JobName> {
  readonly name: N
  /** Every payload is checked against this before the handler runs; a payload that fails is not retried. */
  readonly payload: z.ZodType<JobPayloads[N]>
  /** Recurring jobs: a cron expression (UTC) and the payload each run gets. */
  readonly schedule?: { cron: string; payload: JobPayloads[N] } | undefined
  /** A job that also runs once when a worker starts, with this payload (catching up on what fell due). */
  readonly runAtStart?: { payload: JobPayloads[N] } | undefined
  /** Jobs a worker fetches at once (stack-notes: every pg-boss work() sets it). */
  readonly batchSize: number
  /** Run the jobs of a batch side by side (jobs that mostly wait on a platform); default one after another. */
  readonly concurrentBatch?: boolean | undefined
  /**
   * The pg-boss queue policy (set when the queue is created). `short`: at most one waiting job per singletonKey
   * (enqueue's option), so asking again for a job already waiting adds nothing to the queue.
   */
  readonly policy?: 'standard' | 'short' | undefined
  /** Batches a worker runs at once, each fetched on its own (pg-boss localConcurrency); default 1. */
  readonly localConcurrency?: number | undefined
  /**
   * Must be idempotent (pg-boss may deliver a job twice, several workers run at once): lock the row, re-check
   * its state, act, record the outcome, in one transaction — features/jobs/claim-and-recheck.ts.
   */
  handle(context: JobContext, payload: JobPayloads[N]): Promise<void>
}

/** One job of any name (the registry's element type). */
export type AnyJobDefinition = { [N in JobName]: JobDefinition<N> }[JobName]

export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition
}
