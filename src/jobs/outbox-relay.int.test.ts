// Jobs asked for inside a change's transaction reach pg-boss exactly when the change commits, once.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobOutbox } from '../db/schema/index.ts'
import { enqueue } from '../features/jobs/enqueue.ts'
import { openJobDatabase, type JobDatabase } from '../../tests/int/job-database.ts'
import { startJobRunner, type JobRunner } from './job-runner.ts'

let jobDb: JobDatabase
let runner: JobRunner

beforeAll(async () => {
  jobDb = await openJobDatabase('warta_outbox')
  // The timer stays out of the way: each test drains by hand.
  runner = await startJobRunner(jobDb.context, { relayIntervalMs: 3_600_000 })
})

afterAll(async () => {
  await runner?.close()
  await jobDb?.dispose()
})

const outboxRow = (id: string) => jobDb.context.db.select().from(jobOutbox).where(eq(jobOutbox.id, id))
const bossJobs = (id: string) => runner.boss.findJobs('purge-expired-sessions', { id })

describe('the job outbox', () => {
  it('enqueues nothing when the change rolls back: no outbox row, and no pg-boss job after a drain', async () => {
    let jobId = ''
    await expect(
      jobDb.context.db.transaction(async (tx) => {
        jobId = (await enqueue(tx, 'purge-expired-sessions', {})).jobId
        throw new Error('the change fails after asking for the job')
      }),
    ).rejects.toThrow('the change fails')
    expect(jobId).not.toBe('')
    expect(await outboxRow(jobId)).toEqual([])
    await runner.relay.drainOnce()
    expect(await bossJobs(jobId)).toEqual([])
  })

  it('hands a committed job to pg-boss under the outbox row id and empties the outbox', async () => {
    const startAfter = new Date(Date.now() + 3_600_000)
    const { jobId } = await jobDb.context.db.transaction((tx) =>
      enqueue(tx, 'purge-expired-sessions', {}, { startAfter }),
    )
    const [row] = await outboxRow(jobId)
    expect(row).toMatchObject({ name: 'purge-expired-sessions', payload: {}, startAfter })

    expect(await runner.relay.drainOnce()).toBeGreaterThanOrEqual(1)
    expect(await outboxRow(jobId)).toEqual([])
    const [job] = await bossJobs(jobId)
    expect(job).toMatchObject({ id: jobId, name: 'purge-expired-sessions', data: {}, state: 'created' })
    expect(job!.startAfter.getTime()).toBe(startAfter.getTime())
  })

  it('sends a row again after a crash between send and delete without making a second job', async () => {
    const { jobId } = await jobDb.context.db.transaction((tx) =>
      enqueue(tx, 'purge-expired-sessions', {}, { startAfter: new Date(Date.now() + 3_600_000) }),
    )
    // The relay that crashed got as far as the send.
    expect(await runner.boss.send('purge-expired-sessions', {}, { id: jobId })).toBe(jobId)
    // pg-boss 12.35.0 refuses a second job with an id it holds: send() answers null.
    expect(await runner.boss.send('purge-expired-sessions', {}, { id: jobId })).toBeNull()

    await runner.relay.drainOnce()
    expect(await outboxRow(jobId)).toEqual([])
    expect(await bossJobs(jobId)).toHaveLength(1)
  })
})
