// Issue #8: the account's health shows the platform's publishing quota — the one a platform reports for the
// account (Instagram's content_publishing_limit), kept at connect, at "Periksa sekarang" and after publishing, and
// the one Warta meters per call (YouTube's daily units, per deployment) — and the engine respects a reported quota.
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../api/app.ts'
import { getAccountConnection, saveReportedQuota } from '../../db/account-connections-repository.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { ConnectorError } from '../../connectors/connector.ts'
import { quotaDayOf } from '../../connectors/youtube/youtube-quota.ts'
import { meteredUnitsOn } from '../../db/metered-quota-usage-repository.ts'
import { generateTotpSecret } from '../identity/totp.ts'
import { publishVariant, type PublishDeps } from '../publishing/publish-variant.ts'
import { REPORTED_QUOTA_HOLD_MS } from '../publishing/publish-slots.ts'
import { runForAccount } from './account-connector.ts'
import { QUOTA_REREAD_MS } from './reported-quota.ts'
import { loginAs } from '../../../tests/support/auth.ts'
import { fakeQuotaPlatforms, fakeQuotaState } from '../../../tests/support/fake-quota-platforms.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../tests/support/fixtures.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import { createScheduledPost } from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'

interface Health {
  state: string
  lastError: unknown
  publishingQuota: { used: number; total: number; windowSeconds: number; checkedAt: string } | null
  dailyUnits: { used: number; total: number; resetsAt: string } | null
}

async function setup(quota: ReturnType<typeof fakeQuotaState>['quota'] = null) {
  const ctx = await getTestContext()
  const state = fakeQuotaState(quota)
  const connectors = fakeQuotaPlatforms(state)
  const app = await buildApp(ctx, { platforms: { connectors } })
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
  const totpSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const { headers } = await loginAs(app, { ...pj, totpSecret })
  const clock = handClock()
  const deps: PublishDeps = {
    db: ctx.db,
    clock,
    secret: ctx.secret,
    previousSecrets: ctx.previousSecrets,
    config: { sandboxFaults: false },
    connectors,
    random: () => 0.5,
  }

  const connectedAccount = async (platform: 'instagram' | 'youtube') => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers,
      payload: {
        unitId: unit.id,
        platform,
        handle: `humas.${uniqueSuffix()}`,
        penanggungJawabUserId: pj.id,
        pengelola: [],
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    const account = created.json<{ id: string }>()
    const connected = await app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers,
      payload: { credentials: { accessToken: 'token-of-the-test' } },
    })
    expect(connected.statusCode, connected.body).toBe(200)
    return { id: account.id, health: connected.json<Health>() }
  }
  const health = async (accountId: string) =>
    (await app.inject({ url: `/api/accounts/${accountId}/connection`, headers })).json<Health>()
  const check = async (accountId: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/accounts/${accountId}/connection/check`,
      headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<Health>()
  }
  /** One post per variant (a post has one variant per account). */
  const scheduled = async (accountId: string, count: number) => {
    const ids: string[] = []
    for (let index = 0; index < count; index += 1)
      ids.push(...(await createScheduledPost(ctx.db, owner, pj, [accountId], clock.now())).variantIds)
    return ids
  }
  return { ctx, state, app, owner, pj, deps, clock, connectedAccount, health, check, scheduled }
}

describe('a publishing quota the platform reports (Instagram)', () => {
  it('is kept at connect and at "Periksa sekarang", shown in the health, and kept when a read fails', async () => {
    const t = await setup({ used: 12, total: 100, windowSeconds: 86_400 })
    const account = await t.connectedAccount('instagram')
    expect(account.health.publishingQuota).toMatchObject({ used: 12, total: 100, windowSeconds: 86_400 })
    expect(account.health.dailyUnits).toBeNull()
    // verify() carried the quota: no second read.
    expect(t.state.quotaReads).toBe(1)

    t.state.quota = { used: 30, total: 100, windowSeconds: 86_400 }
    expect((await t.check(account.id)).publishingQuota).toMatchObject({ used: 30, total: 100 })

    // The read fails (inside Instagram's verify): the check answers the health with that error, the account
    // stays connected and the last answer stays.
    t.state.quota = new ConnectorError('unavailable', 'Graph is down')
    const after = await t.check(account.id)
    expect(after).toMatchObject({ state: 'connected', lastError: { kind: 'unavailable' } })
    expect(after.publishingQuota).toMatchObject({ used: 30, total: 100 })

    // The platform says it has none: the numbers go.
    t.state.quota = null
    expect((await t.check(account.id)).publishingQuota).toBeNull()
  })

  it('is read again after a publish at most once per interval, and a failing read never fails the publish', async () => {
    const t = await setup({ used: 5, total: 100, windowSeconds: 86_400 })
    const account = await t.connectedAccount('instagram')
    const readsAtConnect = t.state.quotaReads
    // The connect's reading (on the app's clock) is older than the interval by the time the first post goes.
    t.clock.advance(QUOTA_REREAD_MS + 60_000)
    const variantIds = await t.scheduled(account.id, 3)
    t.state.quota = { used: 6, total: 100, windowSeconds: 86_400 }
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('published')
    expect(t.state.quotaReads).toBe(readsAtConnect + 1)
    const kept = await getAccountConnection(t.ctx.db, t.owner.id, account.id)
    expect([kept!.quotaUsed, kept!.quotaTotal, kept!.quotaCheckedAt]).toEqual([6, 100, t.clock.now()])

    // A minute later: no second read.
    t.clock.advance(60_000)
    expect(await publishVariant(t.deps, t.owner.id, variantIds[1]!)).toBe('published')
    expect(t.state.quotaReads).toBe(readsAtConnect + 1)

    // After the interval the read fails: the post is published all the same, the last answer stays.
    t.clock.advance(QUOTA_REREAD_MS)
    t.state.quota = new Error('content_publishing_limit timed out')
    expect(await publishVariant(t.deps, t.owner.id, variantIds[2]!)).toBe('published')
    expect(t.state.quotaReads).toBe(readsAtConnect + 2)
    expect((await getAccountConnection(t.ctx.db, t.owner.id, account.id))!.quotaUsed).toBe(6)
    expect(t.state.published).toHaveLength(3)
  })

  it('defers a publish while the kept answer says nothing is left, without calling the platform', async () => {
    const t = await setup({ used: 100, total: 100, windowSeconds: 86_400 })
    const account = await t.connectedAccount('instagram')
    await saveReportedQuota(
      t.ctx.db,
      t.owner.id,
      account.id,
      { used: 100, total: 100, windowSeconds: 86_400 },
      t.clock.now(),
    )
    const checkedAt = t.clock.now()
    const variantIds = await t.scheduled(account.id, 1)
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('deferred')
    expect(t.state.published).toEqual([])
    const variant = await getVariant(t.ctx.db, t.owner.id, variantIds[0]!)
    expect(variant).toMatchObject({ status: 'scheduled', attempts: 0 })
    expect(variant!.nextAttemptAt).toEqual(new Date(checkedAt.getTime() + REPORTED_QUOTA_HOLD_MS))

    // An hour on, the platform has room again: the publish goes, and the new count is kept.
    t.clock.set(variant!.nextAttemptAt!)
    t.state.quota = { used: 99, total: 100, windowSeconds: 86_400 }
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('published')
    expect((await t.health(account.id)).publishingQuota).toMatchObject({ used: 99, total: 100 })
  })

  it('budgets the account by the reported total instead of the documented lowest figure', async () => {
    // The platform allows only 2 in 24 hours and reports nothing used (a fresh window): the third waits.
    const t = await setup({ used: 0, total: 2, windowSeconds: 86_400 })
    const account = await t.connectedAccount('instagram')
    const variantIds = await t.scheduled(account.id, 3)
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('published')
    expect(await publishVariant(t.deps, t.owner.id, variantIds[1]!)).toBe('published')
    expect(await publishVariant(t.deps, t.owner.id, variantIds[2]!)).toBe('deferred')
    const third = await getVariant(t.ctx.db, t.owner.id, variantIds[2]!)
    expect(third!.nextAttemptAt!.getTime()).toBeGreaterThan(t.clock.now().getTime() + 23 * 3600_000)
  })
})

describe('a metered quota (YouTube units, per deployment)', () => {
  it('adds each call’s units per Pacific day, failed calls too, and shows the deployment’s total in every YouTube account’s health', async () => {
    const t = await setup()
    const day = () => quotaDayOf(new Date())
    const before = await meteredUnitsOn(t.ctx.db, 'youtube', day())
    const first = await t.connectedAccount('youtube')
    // channels.list at connect: 1 unit.
    expect(await meteredUnitsOn(t.ctx.db, 'youtube', day())).toBe(before + 1)
    expect(first.health.dailyUnits).toMatchObject({ total: 10_000 })
    expect(first.health.publishingQuota).toBeNull()

    await t.check(first.id)
    await runForAccount(t.deps, t.owner.id, first.id, (connector) => connector.fetchMetrics(['a', 'b']))
    t.state.failNextPublish = new ConnectorError('rejected', 'uploadLimitExceeded')
    const request = { idempotencyKey: 'k-1', text: 'Video', media: [] }
    await expect(
      runForAccount(t.deps, t.owner.id, first.id, (connector) => connector.publish(request)),
    ).rejects.toMatchObject({ kind: 'rejected' })
    // 1 (connect) + 1 (check) + 1 (videos.list) + 100 (a failed videos.insert still costs).
    expect(await meteredUnitsOn(t.ctx.db, 'youtube', day())).toBe(before + 103)

    // Another instansi's YouTube account sees the same deployment-wide count.
    const other = await setup()
    const second = await other.connectedAccount('youtube')
    const shown = (await other.health(second.id)).dailyUnits!
    expect(shown.used).toBeGreaterThanOrEqual(before + 104)
    expect(shown.used).toBe(await meteredUnitsOn(t.ctx.db, 'youtube', day()))
    expect(new Date(shown.resetsAt).getTime()).toBeGreaterThan(Date.now())
    expect((await t.health(first.id)).dailyUnits!.used).toBe(shown.used)
  })
})
