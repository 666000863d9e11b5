// A job asked for in one process runs in a worker: on PostgreSQL a separate `warta worker` process picks up what
// this process committed; on PGlite (one process only) the same outbox → pg-boss → handler path runs in-process.
// The job is the real purge of dead sessions, so the proof is a session row that disappears.
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { sessions } from '../../src/db/schema/index.ts'
import { enqueue } from '../../src/features/jobs/enqueue.ts'
import { createSession } from '../../src/features/identity/sessions.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { createTestInstansi, createTestUser } from '../support/fixtures.ts'
import { testEngine } from '../support/test-context.ts'
import { openJobDatabase, type JobDatabase } from './job-database.ts'
import { freePort, killAllWarta, spawnWarta, stopWarta, waitForOk } from './warta-process.ts'

let jobDb: JobDatabase | undefined
let runner: JobRunner | undefined

afterAll(async () => {
  killAllWarta()
  await runner?.close()
  await jobDb?.dispose()
})

async function expiredSession(db: JobDatabase['context']): Promise<string> {
  const owner = await createTestInstansi(db.db)
  const user = await createTestUser(db.db, owner, [])
  const { session } = await createSession(
    db,
    db.db,
    user,
    { twoFactorPassed: false, method: 'password' },
    { ip: '10.0.0.9', userAgent: 'uji' },
  )
  await db.db
    .update(sessions)
    .set({ expiresAt: new Date(Date.now() - 2 * 86_400_000) })
    .where(eq(sessions.id, session.id))
  return session.id
}

async function waitUntilGone(
  db: JobDatabase['context'],
  sessionId: string,
  timeoutMs = 30_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const rows = await db.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId))
    if (rows.length === 0) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

describe('jobs enqueued in one process', () => {
  if (testEngine() === 'pglite') {
    it('run in the worker of the same process on the embedded database (outbox, pg-boss, handler)', async () => {
      jobDb = await openJobDatabase('warta_jobs')
      const { context } = jobDb
      runner = await startJobRunner(context)
      const sessionId = await expiredSession(context)
      await context.db.transaction((tx) => enqueue(tx, 'purge-expired-sessions', {}))
      expect(await waitUntilGone(context, sessionId)).toBe(true)
    }, 90_000)
    return
  }

  it('are picked up by a separate warta worker process on PostgreSQL', async () => {
    jobDb = await openJobDatabase('warta_jobs')
    const { context, url } = jobDb
    const healthPort = await freePort()
    const worker = spawnWarta(['worker', '--health-port', String(healthPort)], {
      DATABASE_URL: url!,
      WARTA_SECRET: 'x'.repeat(40),
    })
    await waitForOk(`http://127.0.0.1:${healthPort}/readyz`, worker)

    const sessionId = await expiredSession(context)
    // Nothing in this process runs jobs: only the worker can remove the session.
    await context.db.transaction((tx) => enqueue(tx, 'purge-expired-sessions', {}))
    expect(await waitUntilGone(context, sessionId)).toBe(true)

    expect(await stopWarta(worker)).toEqual({ code: 0, signal: null })
  }, 120_000)
})
