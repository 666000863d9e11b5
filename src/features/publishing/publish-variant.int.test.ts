import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { getAccountConnection } from '../../db/account-connections-repository.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { jobOutbox, notifications, posts, sandboxPosts } from '../../db/schema/index.ts'
import { revokeSandboxToken } from '../../db/sandbox-accounts-repository.ts'
import { runForAccount } from '../connections/account-connector.ts'
import { NO_SANDBOX_FAULTS, type SandboxFaultSettings } from '../sandbox/sandbox-faults.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import {
  publishVariant,
  reconcileVariant,
  scheduleVariantsNow,
  sweepVariants,
  type PublishDeps,
} from './publish-variant.ts'
import { MAX_PUBLISH_ATTEMPTS, PUBLISH_LEASE_MS } from './variant-transitions.ts'

/** A clock the test moves by hand. */
function handClock(start = new Date()) {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
    set(at: Date) {
      now = at.getTime()
    },
  }
}

async function setup(faults: 'off' | SandboxFaultSettings = 'off') {
  const context = await getTestContext()
  const clock = handClock()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const account = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const network = (settings: 'off' | SandboxFaultSettings) =>
    createSandboxNetwork({ db: context.db, clock }, { faults: settings, wait: () => Promise.resolve() })
  const deps = (settings: 'off' | SandboxFaultSettings = faults): PublishDeps => ({
    db: context.db,
    clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: network(settings),
    random: () => 0.5,
  })
  const { postId, variantIds } = await createScheduledPost(context.db, owner, pj, [account.id], clock.now())
  return { db: context.db, clock, owner, pj, account, deps, postId, variantId: variantIds[0]! }
}

async function sandboxPostsFor(db: PublishDeps['db'], sandboxAccountId: string, key: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(sandboxPosts)
    .where(and(eq(sandboxPosts.sandboxAccountId, sandboxAccountId), eq(sandboxPosts.idempotencyKey, key)))
  return row!.count
}

async function jobsFor(db: PublishDeps['db'], name: string, variantId: string) {
  return db
    .select()
    .from(jobOutbox)
    .where(and(eq(jobOutbox.name, name), sql`${jobOutbox.payload}->>'variantId' = ${variantId}`))
}

describe('the publishing engine', () => {
  it('publishes a due variant once, records the platform post, and marks the post published', async () => {
    const t = await setup()
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('published')
    const variant = await getVariant(t.db, t.owner.id, t.variantId)
    expect(variant).toMatchObject({ status: 'published', lastErrorKind: null })
    expect(variant!.platformPostId).toBeTruthy()
    expect(variant!.platformPostUrl).toContain(t.account.handle)
    const [post] = await t.db.select().from(posts).where(eq(posts.id, t.postId))
    expect(post!.status).toBe('published')
    // A second delivery of the same job finds nothing to do.
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('not_due')
    expect(await sandboxPostsFor(t.db, t.account.sandboxAccountId, t.variantId)).toBe(1)
  })

  it('does not publish a variant that is not yet due', async () => {
    const t = await setup()
    t.clock.advance(-60_000)
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('not_due')
    expect((await getVariant(t.db, t.owner.id, t.variantId))!.status).toBe('scheduled')
  })

  it('sets the next run time to the rate-limit window end on rate_limited, without counting an attempt', async () => {
    const t = await setup({ ...NO_SANDBOX_FAULTS, rateLimitCalls: 0, rateLimitWindowSeconds: 120 })
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('rate_limited')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    expect(variant.status).toBe('scheduled')
    expect(variant.attempts).toBe(0)
    expect(variant.lastErrorKind).toBe('rate_limited')
    expect(variant.nextAttemptAt!.getTime()).toBeGreaterThan(t.clock.now().getTime())
    expect(variant.nextAttemptAt!.getTime()).toBeLessThanOrEqual(t.clock.now().getTime() + 120_000)
    const [job] = await jobsFor(t.db, 'publish-variant', t.variantId)
    expect(job!.startAfter!.getTime()).toBe(variant.nextAttemptAt!.getTime())
  })

  it('backs off on unavailable and fails after the last attempt', async () => {
    const t = await setup({ ...NO_SANDBOX_FAULTS, unavailableRate: 1 })
    let previousWait = 0
    for (let attempt = 1; attempt < MAX_PUBLISH_ATTEMPTS; attempt++) {
      expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('retry_later')
      const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
      expect(variant).toMatchObject({ status: 'scheduled', attempts: attempt, lastErrorKind: 'unavailable' })
      const wait = variant.nextAttemptAt!.getTime() - t.clock.now().getTime()
      expect(wait).toBeGreaterThan(previousWait)
      previousWait = wait
      // Not due before its backoff ends.
      expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('not_due')
      t.clock.set(variant.nextAttemptAt!)
    }
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('failed')
    expect(await getVariant(t.db, t.owner.id, t.variantId)).toMatchObject({
      status: 'failed',
      attempts: MAX_PUBLISH_ATTEMPTS,
      lastErrorKind: 'unavailable',
    })
    const [post] = await t.db.select().from(posts).where(eq(posts.id, t.postId))
    expect(post!.status).toBe('failed')
  })

  it('takes unknown_outcome to unconfirmed, and the reconcile publishes it exactly once', async () => {
    const t = await setup({ ...NO_SANDBOX_FAULTS, unknownOutcomeRate: 1 })
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('unconfirmed')
    expect((await getVariant(t.db, t.owner.id, t.variantId))!.status).toBe('unconfirmed')
    expect(await jobsFor(t.db, 'reconcile-variant', t.variantId)).toHaveLength(1)
    // The sweeper does not send an unconfirmed variant again.
    await sweepVariants(t.deps())
    expect(await jobsFor(t.db, 'publish-variant', t.variantId)).toHaveLength(0)
    expect(await reconcileVariant(t.deps('off'), t.owner.id, t.variantId)).toBe('published')
    expect(await reconcileVariant(t.deps('off'), t.owner.id, t.variantId)).toBe('not_unconfirmed')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    expect(variant.status).toBe('published')
    expect(variant.platformPostId).toBeTruthy()
    expect(await sandboxPostsFor(t.db, t.account.sandboxAccountId, t.variantId)).toBe(1)
  })

  it('asks the reconcile again later when the platform cannot say, and reschedules when the post is surely absent', async () => {
    const t = await setup()
    // Made unconfirmed by a lease that ran out before the call reached the platform.
    await t.db.execute(
      sql`update post_variants set status = 'publishing', updated_at = ${new Date(t.clock.now().getTime() - PUBLISH_LEASE_MS - 1000)} where id = ${t.variantId}`,
    )
    expect((await sweepVariants(t.deps())).leaseExpired).toBe(1)
    expect(
      await reconcileVariant(t.deps({ ...NO_SANDBOX_FAULTS, unavailableRate: 1 }), t.owner.id, t.variantId),
    ).toBe('still_unknown')
    expect(await jobsFor(t.db, 'reconcile-variant', t.variantId)).toHaveLength(2)
    expect(await reconcileVariant(t.deps(), t.owner.id, t.variantId)).toBe('rescheduled')
    expect((await getVariant(t.db, t.owner.id, t.variantId))!.status).toBe('scheduled')
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('published')
    expect(await sandboxPostsFor(t.db, t.account.sandboxAccountId, t.variantId)).toBe(1)
  })

  it('fails on auth_expired, marks the account needs_reconnect and tells its penanggung jawab', async () => {
    const t = await setup()
    await revokeSandboxToken(t.db, t.owner.id, t.account.sandboxAccountId)
    expect(await publishVariant(t.deps(), t.owner.id, t.variantId)).toBe('failed')
    expect(await getVariant(t.db, t.owner.id, t.variantId)).toMatchObject({
      status: 'failed',
      lastErrorKind: 'auth_expired',
    })
    const connection = await getAccountConnection(t.db, t.owner.id, t.account.id)
    expect(connection!.state).toBe('needs_reconnect')
    const notices = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.recipientId, t.pj.id), eq(notifications.kind, 'publishing.reconnect_needed')),
      )
    expect(notices).toHaveLength(1)
  })

  it('sweeps up variants that fell due while no worker ran', async () => {
    const t = await setup()
    const due = await createScheduledPost(
      t.db,
      t.owner,
      t.pj,
      [t.account.id],
      new Date(t.clock.now().getTime() - 3_600_000),
    )
    const later = await createScheduledPost(
      t.db,
      t.owner,
      t.pj,
      [t.account.id],
      new Date(t.clock.now().getTime() + 3_600_000),
    )
    await sweepVariants(t.deps())
    expect(await jobsFor(t.db, 'publish-variant', due.variantIds[0]!)).toHaveLength(1)
    expect(await jobsFor(t.db, 'publish-variant', t.variantId)).toHaveLength(1)
    expect(await jobsFor(t.db, 'publish-variant', later.variantIds[0]!)).toHaveLength(0)
  })

  it('hands out a variant due before the next sweep once, its job to start when it is due', async () => {
    const t = await setup()
    const dueAt = new Date(t.clock.now().getTime() + 30_000)
    const soon = await createScheduledPost(t.db, t.owner, t.pj, [t.account.id], dueAt)
    const variantId = soon.variantIds[0]!
    await sweepVariants(t.deps())
    t.clock.advance(10_000)
    await sweepVariants(t.deps())
    const jobs = await jobsFor(t.db, 'publish-variant', variantId)
    expect(jobs.map((job) => job.startAfter?.getTime())).toEqual([dueAt.getTime()])
    expect(jobs[0]!.singletonKey).toBe(variantId)
    // Delivered on time, it publishes.
    t.clock.set(dueAt)
    expect(await publishVariant(t.deps(), t.owner.id, variantId)).toBe('published')
  })

  it('reconciles a variant whose worker was killed after the platform took it, without a second post', async () => {
    const t = await setup()
    // The worker claimed it, the platform made the post, then the worker died before recording it.
    await t.db.execute(sql`update post_variants set status = 'publishing' where id = ${t.variantId}`)
    await runForAccount(t.deps(), t.owner.id, t.account.id, (connector) =>
      connector.publish({ idempotencyKey: t.variantId, text: 'Jadwal vaksinasi', media: [] }),
    )
    // A restarted worker's sweep, once the lease ran out.
    t.clock.advance(PUBLISH_LEASE_MS + 1000)
    expect((await sweepVariants(t.deps())).leaseExpired).toBe(1)
    expect(await jobsFor(t.db, 'publish-variant', t.variantId)).toHaveLength(0)
    expect(await reconcileVariant(t.deps(), t.owner.id, t.variantId)).toBe('published')
    expect(await sandboxPostsFor(t.db, t.account.sandboxAccountId, t.variantId)).toBe(1)
  })

  it('schedules a pending post now and enqueues its publish jobs', async () => {
    const t = await setup()
    const { postId, variantIds } = await createScheduledPost(
      t.db,
      t.owner,
      t.pj,
      [t.account.id],
      t.clock.now(),
    )
    await t.db.execute(
      sql`update post_variants set status = 'pending', next_attempt_at = null where post_id = ${postId}`,
    )
    const ids = await t.db.transaction((tx) => scheduleVariantsNow(tx, t.owner.id, postId, t.clock.now()))
    expect(ids).toEqual(variantIds)
    expect(await jobsFor(t.db, 'publish-variant', variantIds[0]!)).toHaveLength(1)
  })
})
