// Asks for a background job from any process, including `warta api`: the job is written to the outbox inside
// the caller's transaction, so it exists exactly when the change that asked for it commits (a rolled-back change
// leaves no job behind). A worker process hands it to pg-boss within about a second (jobs/outbox-relay.ts) and
// checks the payload against the job's zod schema before running it.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { insertOutboxJob } from '../../db/job-outbox-repository.ts'
import type { JobName, JobPayloads } from './job-payloads.ts'

export interface EnqueueOptions {
  /** Not before this time. */
  startAfter?: Date | undefined
  /** pg-boss singletonKey, for a queue whose policy keeps one job per key. */
  singletonKey?: string | undefined
}

/** Pass the transaction that makes the change, not the database: the job must commit or roll back with it. */
export async function enqueue<N extends JobName>(
  tx: Db,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<{ jobId: string }> {
  const jobId = randomUUID()
  await insertOutboxJob(tx, {
    id: jobId,
    name,
    payload,
    startAfter: options.startAfter ?? null,
    singletonKey: options.singletonKey ?? null,
  })
  return { jobId }
}
