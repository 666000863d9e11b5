import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { getAccountConnection } from '../../db/account-connections-repository.ts'
import { metricReadingsOf } from '../../db/post-metrics-repository.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { sandboxAccounts, sandboxPosts } from '../../db/schema/index.ts'
import { revokeSandboxToken } from '../../db/sandbox-accounts-repository.ts'
import { addSandboxPostAttention } from '../../db/sandbox-posts-repository.ts'
import { createLocalMediaStorage } from '../media/local-media-storage.ts'
import { publishVariant, reconcileVariant, type PublishDeps } from '../publishing/publish-variant.ts'
import { NO_SANDBOX_FAULTS, type SandboxFaultSettings } from '../sandbox/sandbox-faults.ts'
import { commentAsCitizen, createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import {
  collectPostMetrics,
  MAX_METRIC_ATTEMPTS,
  METRICS_BATCH_SIZE,
  POST_DELETED,
} from './collect-post-metrics.ts'

const HOUR = 3_600_000
const mediaDir = await mkdtemp(path.join(tmpdir(), 'warta-publish-media-'))
afterAll(() => rm(mediaDir, { recursive: true, force: true }))

async function setup(posts = 1) {
  const context = await getTestContext()
  const clock = handClock()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const account = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const deps = (faults: 'off' | SandboxFaultSettings = 'off'): PublishDeps => ({
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
    mediaStorage: createLocalMediaStorage(mediaDir),
  })
  const variantIds: string[] = []
  const postIds: string[] = []
  for (let i = 0; i < posts; i++) {
    const post = await createScheduledPost(context.db, owner, pj, [account.id], clock.now())
    variantIds.push(post.variantIds[0]!)
    postIds.push(post.postId)
  }
  return { db: context.db, clock, owner, pj, account, deps, variantIds, postIds }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** The collector over this test's instansi only (the database is shared with other tests). */
function collect(t: Setup, faults: 'off' | SandboxFaultSettings = 'off') {
  return collectPostMetrics(t.deps(faults), { instansiId: t.owner.id })
}

async function publishAll(t: Setup) {
  for (const id of t.variantIds) expect(await publishVariant(t.deps(), t.owner.id, id)).toBe('published')
  return Promise.all(t.variantIds.map(async (id) => (await getVariant(t.db, t.owner.id, id))!))
}

async function readings(t: Setup, variantId: string) {
  const rows = await metricReadingsOf(t.db, t.owner.id, [variantId])
  return Object.fromEntries(rows.map((row) => [row.checkpoint, row]))
}

async function sandboxCalls(t: Setup) {
  const [row] = await t.db
    .select({ calls: sandboxAccounts.calls })
    .from(sandboxAccounts)
    .where(eq(sandboxAccounts.id, t.account.sandboxAccountId))
  return row!.calls
}

describe('metrics after publishing', () => {
  it('plans the +1 h, +24 h and +7 d readings when a variant is published', async () => {
    const t = await setup()
    const [variant] = await publishAll(t)
    const planned = await readings(t, variant!.id)
    const published = variant!.publishedAt!.getTime()
    expect(planned['1h']!.dueAt.getTime()).toBe(published + HOUR)
    expect(planned['24h']!.dueAt.getTime()).toBe(published + 24 * HOUR)
    expect(planned['7d']!.dueAt.getTime()).toBe(published + 7 * 24 * HOUR)
    expect(Object.values(planned).every((row) => row.fetchedAt === null)).toBe(true)
  })

  it('plans the readings of a variant found published by the reconcile', async () => {
    const t = await setup()
    expect(
      await publishVariant(
        t.deps({ ...NO_SANDBOX_FAULTS, unknownOutcomeRate: 1 }),
        t.owner.id,
        t.variantIds[0]!,
      ),
    ).toBe('unconfirmed')
    expect(await metricReadingsOf(t.db, t.owner.id, t.variantIds)).toHaveLength(0)
    expect(await reconcileVariant(t.deps(), t.owner.id, t.variantIds[0]!)).toBe('published')
    expect(await metricReadingsOf(t.db, t.owner.id, t.variantIds)).toHaveLength(3)
  })

  it("reads an account's due posts in one call, stores each reading and copies it to the variant", async () => {
    const t = await setup(2)
    const variants = await publishAll(t)
    const [first, second] = variants.map((v) => v.platformPostId!)
    await addSandboxPostAttention(t.db, t.owner.id, first!, { likes: 12, shares: 3, views: 250, round: 1 })
    await commentAsCitizen({ db: t.db, clock: t.clock }, t.owner.id, first!, { text: 'Terima kasih infonya' })
    await commentAsCitizen({ db: t.db, clock: t.clock }, t.owner.id, first!, { text: 'Jam berapa?' })

    // Nothing is due before the hour.
    t.clock.advance(HOUR - 1000)
    expect((await collect(t)).read).toBe(0)

    t.clock.advance(1000)
    const callsBefore = await sandboxCalls(t)
    expect(await collect(t)).toMatchObject({ read: 2, deleted: 0, postponed: 0 })
    expect(await sandboxCalls(t)).toBe(callsBefore + 1)

    const firstReadings = await readings(t, variants[0]!.id)
    expect(firstReadings['1h']!.metrics).toEqual({
      likes: 12,
      shares: 3,
      replies: 2,
      quotes: null,
      views: 250,
    })
    expect(firstReadings['1h']!.fetchedAt!.getTime()).toBe(t.clock.now().getTime())
    expect(firstReadings['24h']!.fetchedAt).toBeNull()
    const variant = (await getVariant(t.db, t.owner.id, variants[0]!.id))!
    expect(variant.metrics).toEqual({ likes: 12, shares: 3, replies: 2, quotes: null, views: 250 })
    expect(variant.metricsAt!.getTime()).toBe(t.clock.now().getTime())
    expect((await getVariant(t.db, t.owner.id, variants[1]!.id))!.metrics).toMatchObject({ likes: 0 })
    expect(second).toBeTruthy()

    // A second run in the same minute finds nothing to read; the day's reading takes the newer counts.
    expect((await collect(t)).read).toBe(0)
    await addSandboxPostAttention(t.db, t.owner.id, first!, { likes: 8, shares: 0, views: 50, round: 2 })
    t.clock.advance(23 * HOUR)
    expect((await collect(t)).read).toBe(2)
    expect((await readings(t, variants[0]!.id))['24h']!.metrics).toMatchObject({ likes: 20, views: 300 })
    expect((await getVariant(t.db, t.owner.id, variants[0]!.id))!.metrics).toMatchObject({ likes: 20 })
  })

  it('asks for at most a batch of posts per call', async () => {
    const t = await setup(METRICS_BATCH_SIZE + 1)
    await publishAll(t)
    t.clock.advance(HOUR)
    const callsBefore = await sandboxCalls(t)
    expect(await collect(t)).toMatchObject({ read: METRICS_BATCH_SIZE + 1 })
    expect(await sandboxCalls(t)).toBe(callsBefore + 2)
  })

  it('waits for the rate-limit window without counting an attempt', async () => {
    const t = await setup()
    const [variant] = await publishAll(t)
    t.clock.advance(HOUR)
    const limited = { ...NO_SANDBOX_FAULTS, rateLimitCalls: 0, rateLimitWindowSeconds: 600 }
    expect(await collect(t, limited)).toMatchObject({ read: 0, postponed: 1 })
    const row = (await readings(t, variant!.id))['1h']!
    expect(row).toMatchObject({ attempts: 0, fetchedAt: null })
    expect(row.lastError).toContain('rate_limited')
    expect(row.dueAt.getTime()).toBeGreaterThan(t.clock.now().getTime())
    expect(row.dueAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime() + 600_000)
    // Once the window has passed, it is read.
    t.clock.set(row.dueAt)
    expect((await collect(t)).read).toBe(1)
  })

  it('marks the readings of a post deleted on the platform and asks no more', async () => {
    const t = await setup()
    const [variant] = await publishAll(t)
    await t.db
      .update(sandboxPosts)
      .set({ deletedAt: t.clock.now() })
      .where(eq(sandboxPosts.id, variant!.platformPostId!))
    t.clock.advance(HOUR)
    expect(await collect(t)).toMatchObject({ read: 0, deleted: 1 })
    const rows = await readings(t, variant!.id)
    for (const checkpoint of ['1h', '24h', '7d']) {
      expect(rows[checkpoint]!.lastError).toBe(POST_DELETED)
      expect(rows[checkpoint]!.fetchedAt).not.toBeNull()
      expect(rows[checkpoint]!.metrics).toBeNull()
    }
    t.clock.advance(7 * 24 * HOUR)
    expect(await collect(t)).toMatchObject({ read: 0, deleted: 0, postponed: 0 })
  })

  it("records an expired access as the account's health and waits for a reconnect", async () => {
    const t = await setup()
    const [variant] = await publishAll(t)
    await revokeSandboxToken(t.db, t.owner.id, t.account.sandboxAccountId)
    t.clock.advance(HOUR)
    expect(await collect(t)).toMatchObject({ read: 0, postponed: 1 })
    const row = (await readings(t, variant!.id))['1h']!
    expect(row.attempts).toBe(1)
    expect(row.lastError).toContain('auth_expired')
    expect(row.dueAt.getTime()).toBeGreaterThanOrEqual(t.clock.now().getTime() + HOUR)
    expect((await getAccountConnection(t.db, t.owner.id, t.account.id))!.state).toBe('needs_reconnect')
  })

  it('backs off while the platform is unavailable and gives the reading up after the last attempt', async () => {
    const t = await setup()
    const [variant] = await publishAll(t)
    t.clock.advance(HOUR)
    const down = { ...NO_SANDBOX_FAULTS, unavailableRate: 1 }
    let previous = 0
    for (let attempt = 1; attempt < MAX_METRIC_ATTEMPTS; attempt++) {
      expect(await collect(t, down)).toMatchObject({ postponed: 1 })
      const row = (await readings(t, variant!.id))['1h']!
      expect(row.attempts).toBe(attempt)
      const wait = row.dueAt.getTime() - t.clock.now().getTime()
      expect(wait).toBeGreaterThan(previous)
      previous = wait
      t.clock.set(row.dueAt)
    }
    expect(await collect(t, down)).toMatchObject({ givenUp: 1 })
    const row = (await readings(t, variant!.id))['1h']!
    expect(row).toMatchObject({ attempts: MAX_METRIC_ATTEMPTS, metrics: null })
    expect(row.fetchedAt).not.toBeNull()
    expect(row.lastError).toContain('unavailable')
  })
})
