// The rate budgets on a real database: an account's window holds publishes back without calling the platform,
// the sweeper spreads a crowd of accounts over the platform's window, and a rate_limited answer pauses the
// account (or the platform) for every variant. Each test runs at its own time in the past, so the platform-wide
// rows of one test (the database is shared) have long run out for the next.
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { jobOutbox, publishBudgets, sandboxAccounts, sandboxPosts } from '../../db/schema/index.ts'
import type { PublishLimit } from '../../shared/platform-rules.ts'
import { NO_SANDBOX_FAULTS, type SandboxFaultSettings } from '../sandbox/sandbox-faults.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import { publishVariant, sweepVariants, type PublishDeps } from './publish-variant.ts'
import { pauseForRateLimit } from './publish-slots.ts'

let year = 2001

async function setup(
  limits: { account?: PublishLimit[]; platform?: PublishLimit[] },
  faults: 'off' | SandboxFaultSettings = 'off',
) {
  const context = await getTestContext()
  // A minute of its own, years ago (see the top of the file).
  let now = Date.UTC(year++, 0, 1, 9, 0, 0) + Math.floor(Math.random() * 86_400_000)
  const clock = {
    now: () => new Date(now),
    advance: (ms: number) => (now += ms),
  }
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const deps: PublishDeps = {
    db: context.db,
    clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: createSandboxNetwork(
      { db: context.db, clock },
      { faults, wait: () => Promise.resolve() },
    ),
    random: () => 0.5,
    limitsOf: () => ({ account: limits.account ?? [], platform: limits.platform ?? [] }),
  }
  const account = () => createConnectedSandboxAccount(context.db, owner, pj, context)
  const post = async (accountId: string) =>
    (await createScheduledPost(context.db, owner, pj, [accountId], clock.now())).variantIds[0]!
  return { db: context.db, clock, owner, deps, account, post }
}

type Db = PublishDeps['db']

async function sandboxPostCount(db: Db, sandboxAccountId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(sandboxPosts)
    .where(eq(sandboxPosts.sandboxAccountId, sandboxAccountId))
  return row!.count
}

async function sandboxCalls(db: Db, sandboxAccountId: string): Promise<number> {
  const [row] = await db
    .select({ calls: sandboxAccounts.calls })
    .from(sandboxAccounts)
    .where(eq(sandboxAccounts.id, sandboxAccountId))
  return row!.calls
}

async function publishJobs(db: Db, variantId: string) {
  return db
    .select()
    .from(jobOutbox)
    .where(and(eq(jobOutbox.name, 'publish-variant'), sql`${jobOutbox.payload}->>'variantId' = ${variantId}`))
}

describe('publishing rate budgets', () => {
  it("holds an account's publishes beyond its window until the window ends, without calling the platform", async () => {
    const t = await setup({ account: [{ calls: 2, windowSeconds: 60 }] })
    const account = await t.account()
    const ids = [
      await t.post(account.id),
      await t.post(account.id),
      await t.post(account.id),
      await t.post(account.id),
    ]
    expect(await publishVariant(t.deps, t.owner.id, ids[0]!)).toBe('published')
    t.clock.advance(10_000)
    expect(await publishVariant(t.deps, t.owner.id, ids[1]!)).toBe('published')
    const calls = await sandboxCalls(t.db, account.sandboxAccountId)
    expect(await publishVariant(t.deps, t.owner.id, ids[2]!)).toBe('deferred')
    expect(await sandboxCalls(t.db, account.sandboxAccountId)).toBe(calls)
    // Due again when the window that opened at the first publish ends, its job asked for then; no attempt.
    const deferred = (await getVariant(t.db, t.owner.id, ids[2]!))!
    const windowEnd = t.clock.now().getTime() - 10_000 + 60_000
    expect(deferred).toMatchObject({ status: 'scheduled', attempts: 0 })
    expect(deferred.nextAttemptAt!.getTime()).toBe(windowEnd)
    expect((await publishJobs(t.db, ids[2]!)).map((job) => job.startAfter!.getTime())).toEqual([windowEnd])
    // Delivered early, the job does nothing; the fourth is held back the same way.
    expect(await publishVariant(t.deps, t.owner.id, ids[2]!)).toBe('not_due')
    expect(await publishVariant(t.deps, t.owner.id, ids[3]!)).toBe('deferred')
    t.clock.advance(50_000)
    expect(await publishVariant(t.deps, t.owner.id, ids[2]!)).toBe('published')
    expect(await publishVariant(t.deps, t.owner.id, ids[3]!)).toBe('published')
    expect(await sandboxPostCount(t.db, account.sandboxAccountId)).toBe(4)
    const [row] = await t.db
      .select()
      .from(publishBudgets)
      .where(and(eq(publishBudgets.scope, 'account'), eq(publishBudgets.subject, account.id)))
    // The window is a row every worker shares: the new one opened at the third publish.
    expect(row).toMatchObject({ instansiId: t.owner.id, windowSeconds: 60, used: 2 })
  })

  it("staggers a crowd of accounts over the platform's window instead of sending them at once", async () => {
    const t = await setup({ platform: [{ calls: 3, windowSeconds: 1 }] })
    const ids: string[] = []
    for (let i = 0; i < 7; i++) ids.push(await t.post((await t.account()).id))
    const start = t.clock.now().getTime()
    const result = await sweepVariants(t.deps)
    expect(result.enqueued).toBeGreaterThanOrEqual(7)
    const planned = await Promise.all(
      ids.map(async (id) => ({
        at: (await getVariant(t.db, t.owner.id, id))!.nextAttemptAt!.getTime() - start,
        jobs: (await publishJobs(t.db, id)).map((job) => (job.startAfter?.getTime() ?? start) - start),
      })),
    )
    expect(planned.map((p) => p.at).sort((a, b) => a - b)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000])
    // Each handed out once, for its slot.
    expect(planned.every((p) => p.jobs.length === 1 && p.jobs[0] === p.at)).toBe(true)
  })

  it('pauses the account on rate_limited, so its other variants wait without calling the platform', async () => {
    const t = await setup(
      { account: [{ calls: 100, windowSeconds: 60 }] },
      { ...NO_SANDBOX_FAULTS, rateLimitCalls: 0, rateLimitWindowSeconds: 120 },
    )
    const account = await t.account()
    const other = await t.account()
    const first = await t.post(account.id)
    const second = await t.post(account.id)
    const elsewhere = await t.post(other.id)
    expect(await publishVariant(t.deps, t.owner.id, first)).toBe('rate_limited')
    const retryAt = (await getVariant(t.db, t.owner.id, first))!.nextAttemptAt!
    const calls = await sandboxCalls(t.db, account.sandboxAccountId)
    expect(await publishVariant(t.deps, t.owner.id, second)).toBe('deferred')
    expect(await sandboxCalls(t.db, account.sandboxAccountId)).toBe(calls)
    expect((await getVariant(t.db, t.owner.id, second))!.nextAttemptAt).toEqual(retryAt)
    // Another account of the same platform is not held back by it.
    expect(await publishVariant(t.deps, t.owner.id, elsewhere)).toBe('rate_limited')
  })

  it('pauses every account of the platform when the platform says its limit is app-wide', async () => {
    const t = await setup({})
    const a = await t.account()
    const b = await t.account()
    const ids = [await t.post(a.id), await t.post(b.id)]
    const until = new Date(t.clock.now().getTime() + 30_000)
    await t.db.transaction((tx) =>
      pauseForRateLimit(
        tx,
        { instansiId: t.owner.id, accountId: a.id, platform: 'sandbox' },
        'platform',
        until,
        t.clock.now(),
      ),
    )
    for (const id of ids) expect(await publishVariant(t.deps, t.owner.id, id)).toBe('deferred')
    t.clock.advance(30_000)
    for (const id of ids) expect(await publishVariant(t.deps, t.owner.id, id)).toBe('published')
  })
})
