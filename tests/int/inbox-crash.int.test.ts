// The inbox's crash test (issue #9): real `warta worker` processes poll 10 sandbox accounts while simulated
// citizens keep commenting, and are SIGKILLed at random moments several times — in the middle of reading a page,
// storing it or classifying a batch. In the end every comment is in the inbox exactly once, classified, and every
// account's cursor stands at its last comment: none lost, none duplicated, cursors resumed. The once-a-minute
// schedule of sweep-inbox is stood in for by this process asking for every account's poll each second.
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/db/sql-helpers.ts'
import { formatTerminalMessage } from '../../src/shared/messages/terminal-catalogue.ts'
import { inboxCursors, inboxItems, sandboxInteractions } from '../../src/db/schema/index.ts'
import { writeSetting } from '../../src/db/settings-repository.ts'
import { runForAccount } from '../../src/features/connections/account-connector.ts'
import { schedulePolls } from '../../src/features/inbox/ingest-sweep.ts'
import type { IngestDeps } from '../../src/features/inbox/ingest-poll.ts'
import { DEFAULT_SANDBOX_FAULTS } from '../../src/features/sandbox/sandbox-faults.ts'
import { commentAsCitizen } from '../../src/features/sandbox/sandbox-network-store.ts'
import { SANDBOX_FAULTS_SETTING } from '../../src/features/sandbox/sandbox-settings.ts'
import { citizenComments } from '../../src/features/sandbox/simulate-citizens.ts'
import { createTestInstansi } from '../support/fixtures.ts'
import { createConnectedSandboxAccount, createPenanggungJawab } from '../support/publishing-fixtures.ts'
import { testEngine } from '../support/test-context.ts'
import { openJobDatabase, type JobDatabase } from './job-database.ts'
import { freePort, killAllWarta, spawnWarta, waitForOk, type WartaProcess } from './warta-process.ts'

const ACCOUNTS = 10
const COMMENTS = 1_500
const KILLS = 4

let jobDb: JobDatabase | undefined

afterAll(async () => {
  killAllWarta()
  await jobDb?.dispose()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('inbox ingestion through crashes', () => {
  // One process on PGlite cannot be killed apart from its database: the crash test needs PostgreSQL.
  it.runIf(testEngine() === 'pg')(
    'stores every comment once, classified, with every cursor at its account’s last comment, while workers are killed',
    async () => {
      jobDb = await openJobDatabase('warta_inbox_crash')
      const { context, url } = jobDb
      const db = context.db
      const owner = await createTestInstansi(db)
      const pj = await createPenanggungJawab(db, owner)
      const deps: IngestDeps = { ...context, config: { sandboxFaults: false } }
      const accounts: { id: string; postId: string }[] = []
      for (let i = 0; i < ACCOUNTS; i++) {
        const account = await createConnectedSandboxAccount(db, owner, pj, context)
        const post = await runForAccount(deps, owner.id, account.id, (connector) =>
          connector.publish({ idempotencyKey: `crash-${i}`, text: `Pengumuman ${i}.`, media: [] }),
        )
        accounts.push({ id: account.id, postId: post.platformPostId })
      }
      // The workers' sandbox answers with a little latency, so a kill often lands inside a call.
      await writeSetting(
        db,
        owner.id,
        SANDBOX_FAULTS_SETTING,
        {
          ...DEFAULT_SANDBOX_FAULTS,
          seed: 9,
          latencyMinMs: 5,
          latencyMaxMs: 30,
          unavailableRate: 0,
          unknownOutcomeRate: 0,
          rateLimitCalls: 100_000,
          rateLimitWindowSeconds: 1,
        },
        new Date(),
      )

      // Citizens write all through the test, a few dozen comments at a time.
      const texts = citizenComments().map((comment) => comment.text)
      let written = 0
      const citizens = (async () => {
        while (written < COMMENTS) {
          for (let k = 0; k < 30 && written < COMMENTS; k++, written++) {
            const account = accounts[written % ACCOUNTS]!
            await commentAsCitizen({ db, clock: context.clock }, owner.id, account.postId, {
              text: `${texts[written % texts.length]} (${written})`,
              authorHandle: `warga.${written % 200}`,
            })
          }
          await sleep(50)
        }
      })()

      const env = {
        DATABASE_URL: url!,
        WARTA_SECRET: context.secret,
        WARTA_SANDBOX_FAULTS: 'true',
        LOG_LEVEL: 'info',
      }
      const workers: WartaProcess[] = []
      const startWorker = async (): Promise<WartaProcess> => {
        const port = await freePort()
        const worker = spawnWarta(['worker', '--health-port', String(port)], env)
        workers.push(worker)
        await waitForOk(`http://127.0.0.1:${port}/readyz`, worker)
        return worker
      }
      let polling = true
      const scheduler = (async () => {
        while (polling) {
          await schedulePolls(deps, { startup: true })
          await sleep(1_000)
        }
      })()

      for (let kill = 0; kill < KILLS; kill++) {
        const worker = await startWorker()
        await sleep(1_500 + Math.random() * 3_000)
        worker.child.kill('SIGKILL')
        await worker.exited
      }
      await citizens
      const last = await startWorker()

      const classified = async () =>
        rowsOf<{ n: number }>(
          await db.execute(
            sql`SELECT count(*)::int AS n FROM inbox_items WHERE instansi_id = ${owner.id} AND classified_at IS NOT NULL`,
          ),
        )[0]!.n
      const deadline = Date.now() + 90_000
      while ((await classified()) < COMMENTS && Date.now() < deadline) await sleep(1_000)
      // One more round after the count is reached: nothing more may arrive.
      await sleep(2_000)
      polling = false
      await scheduler
      last.child.kill('SIGKILL')
      await last.exited

      const comments = await db
        .select({
          id: sandboxInteractions.id,
          seq: sandboxInteractions.seq,
          account: sandboxInteractions.sandboxAccountId,
        })
        .from(sandboxInteractions)
        .where(and(eq(sandboxInteractions.instansiId, owner.id), eq(sandboxInteractions.own, false)))
      expect(comments).toHaveLength(COMMENTS)
      const items = await db
        .select({ externalId: inboxItems.externalId, classifiedAt: inboxItems.classifiedAt })
        .from(inboxItems)
        .where(eq(inboxItems.instansiId, owner.id))
      const perExternal = new Map<string, number>()
      for (const item of items) perExternal.set(item.externalId, (perExternal.get(item.externalId) ?? 0) + 1)
      const lost = comments.filter((comment) => !perExternal.has(comment.id)).map((comment) => comment.id)
      const duplicated = [...perExternal].filter(([, n]) => n > 1).map(([id]) => id)
      const strangers = items.filter((item) => !comments.some((comment) => comment.id === item.externalId))
      const unclassified = items.filter((item) => item.classifiedAt === null).length
      expect({ lost, duplicated, strangers: strangers.length, unclassified }).toEqual({
        lost: [],
        duplicated: [],
        strangers: 0,
        unclassified: 0,
      })

      // Every cursor resumed where it stopped and stands at its account's last comment.
      const lastSeq = new Map<string, number>()
      for (const comment of comments)
        lastSeq.set(comment.account, Math.max(lastSeq.get(comment.account) ?? 0, comment.seq))
      const cursors = await db
        .select({
          accountId: inboxCursors.accountId,
          cursor: inboxCursors.cursor,
          failures: inboxCursors.failures,
        })
        .from(inboxCursors)
        .where(
          sql`${inboxCursors.accountId} IN (${sql.join(
            accounts.map((account) => sql`${account.id}::uuid`),
            sql`, `,
          )})`,
        )
      expect(cursors).toHaveLength(ACCOUNTS)
      expect(new Set(cursors.map((cursor) => cursor.cursor))).toEqual(
        new Set([...lastSeq.values()].map((seq) => String(seq))),
      )
      const log = workers.map((worker) => worker.output()).join('\n')
      // The workers speak Indonesian (spawnWarta sets WARTA_LOCALE=id).
      expect(log).toContain(formatTerminalMessage('id', 'cli.log_inbox_polled'))
    },
    300_000,
  )
})
