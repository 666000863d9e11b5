import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { createTestInstansi, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { systemClock } from '../../clock.ts'
import { sandboxInteractions } from '../../db/schema/index.ts'
import { writeSetting } from '../../db/settings-repository.ts'
import { NO_SANDBOX_FAULTS, type SandboxFaultSettings } from '../../features/sandbox/sandbox-faults.ts'
import {
  commentAsCitizen,
  createSandboxNetwork,
  provisionSandboxAccount,
} from '../../features/sandbox/sandbox-network-store.ts'
import { SANDBOX_FAULTS_SETTING } from '../../features/sandbox/sandbox-settings.ts'
import { isConnectorError, type ConnectorContext, type ConnectorErrorKind } from '../connector.ts'
import { connectorContract } from '../connector-contract.ts'
import { createSandboxConnectorFactory } from './sandbox-connector.ts'

const instansiOf = new WeakMap<ConnectorContext, string>()

async function connectedContext(): Promise<ConnectorContext> {
  const { db } = await getTestContext()
  const owner = await createTestInstansi(db)
  const handle = `humas.${uniqueSuffix()}`
  const { token } = await provisionSandboxAccount(db, owner.id, { handle, displayName: 'Humas Uji' })
  const context: ConnectorContext = {
    account: { handle, platformAccountId: null },
    credentials: { token },
    saveCredentials: () => Promise.resolve(),
    now: () => new Date(),
  }
  instansiOf.set(context, owner.id)
  return context
}

async function network(faults: 'off' | SandboxFaultSettings = 'off') {
  const { db } = await getTestContext()
  return createSandboxNetwork({ db, clock: systemClock }, { faults, wait: () => Promise.resolve() })
}

// Pages of two interactions, so the contract's paging runs through several pages.
const lazyFactory = createSandboxConnectorFactory(await network(), { pageSize: 2 })

connectorContract('sandbox', lazyFactory, {
  connectedContext,
  async commentOn(context, platformPostId, text) {
    const { db } = await getTestContext()
    await commentAsCitizen({ db, clock: systemClock }, instansiOf.get(context)!, platformPostId, { text })
  },
})

async function kindOf(work: () => Promise<unknown>): Promise<ConnectorErrorKind | 'none'> {
  try {
    await work()
    return 'none'
  } catch (error) {
    if (isConnectorError(error)) return error.kind
    throw error
  }
}

const request = (key: string) => ({ idempotencyKey: key, text: 'Jadwal vaksinasi hari ini.', media: [] })

describe('the sandbox network', () => {
  it('makes one post for the same idempotency key sent twice', async () => {
    const context = await connectedContext()
    const connector = createSandboxConnectorFactory(await network())(context)
    const first = await connector.publish(request('post-1:account-1'))
    const second = await connector.publish(request('post-1:account-1'))
    expect(second.platformPostId).toBe(first.platformPostId)
    const posts = await (
      await network()
    ).listPosts(context.credentials.token!, { since: new Date(0), limit: 10 })
    expect(posts).toHaveLength(1)
  })

  it('leaves a post that timed out after acceptance findable by findPublished, and sending again makes no second one', async () => {
    const context = await connectedContext()
    const since = new Date(Date.now() - 60_000)
    const timingOut = createSandboxConnectorFactory(
      await network({ ...NO_SANDBOX_FAULTS, unknownOutcomeRate: 1 }),
    )(context)
    expect(await kindOf(() => timingOut.publish(request('post-2:account-1')))).toBe('unknown_outcome')
    const healthy = createSandboxConnectorFactory(await network())(context)
    const found = await healthy.findPublished(request('post-2:account-1'), since)
    expect(found).not.toBeNull()
    expect((await healthy.publish(request('post-2:account-1'))).platformPostId).toBe(found!.platformPostId)
  })

  it('leaves a reply that timed out after acceptance findable by findReply, and the same key makes no second one', async () => {
    const context = await connectedContext()
    const healthy = createSandboxConnectorFactory(await network())(context)
    const post = await healthy.publish(request(`post-r:${uniqueSuffix()}`))
    const target = { externalId: post.platformPostId, rootExternalId: post.platformPostId }
    const key = randomUUID()
    const since = new Date(Date.now() - 60_000)
    expect(await healthy.findReply!(target, { idempotencyKey: key, text: 'Terima kasih.' }, since)).toBeNull()
    const timingOut = createSandboxConnectorFactory(
      await network({ ...NO_SANDBOX_FAULTS, unknownOutcomeRate: 1 }),
    )(context)
    expect(await kindOf(() => timingOut.reply(target, 'Terima kasih.', { idempotencyKey: key }))).toBe(
      'unknown_outcome',
    )
    const found = await healthy.findReply!(target, { idempotencyKey: key, text: 'Terima kasih.' }, since)
    expect(found?.platformPostId).toBe(key)
    const again = await healthy.reply(target, 'Terima kasih.', { idempotencyKey: key })
    expect(again.platformPostId).toBe(key)
    const { db } = await getTestContext()
    const own = await db
      .select()
      .from(sandboxInteractions)
      .where(and(eq(sandboxInteractions.parentId, post.platformPostId), eq(sandboxInteractions.own, true)))
    expect(own).toHaveLength(1)
  })

  it('fails before acceptance with unavailable and then has no post', async () => {
    const context = await connectedContext()
    const failing = createSandboxConnectorFactory(
      await network({ ...NO_SANDBOX_FAULTS, unavailableRate: 1 }),
    )(context)
    expect(await kindOf(() => failing.publish(request('post-3:account-1')))).toBe('unavailable')
    const healthy = createSandboxConnectorFactory(await network())(context)
    expect(await healthy.findPublished(request('post-3:account-1'), new Date(0))).toBeNull()
  })

  it('answers rate_limited with the time the window opens again', async () => {
    const context = await connectedContext()
    const limited = createSandboxConnectorFactory(
      await network({ ...NO_SANDBOX_FAULTS, rateLimitCalls: 2, rateLimitWindowSeconds: 60 }),
    )(context)
    await limited.verify()
    await limited.verify()
    const before = Date.now()
    try {
      await limited.verify()
      expect.fail('the third call should be limited')
    } catch (error) {
      expect(isConnectorError(error) && error.kind).toBe('rate_limited')
      const retryAt = isConnectorError(error) ? error.retryAt : undefined
      expect(retryAt!.getTime()).toBeGreaterThan(before)
      expect(retryAt!.getTime()).toBeLessThanOrEqual(before + 61_000)
    }
  })

  it('takes its faults from the instansi settings', async () => {
    const { db } = await getTestContext()
    const outcomes: string[][] = []
    for (let run = 0; run < 2; run++) {
      const context = await connectedContext()
      const owner = instansiOf.get(context)!
      await writeSetting(
        db,
        owner,
        SANDBOX_FAULTS_SETTING,
        {
          seed: 42,
          latencyMinMs: 0,
          latencyMaxMs: 0,
          unavailableRate: 0.3,
          unknownOutcomeRate: 0.3,
        },
        new Date(),
      )
      const connector = createSandboxConnectorFactory(
        createSandboxNetwork(
          { db, clock: systemClock },
          { faults: 'settings', wait: () => Promise.resolve() },
        ),
      )(context)
      const kinds: string[] = []
      for (let index = 0; index < 12; index++)
        kinds.push(await kindOf(() => connector.publish(request(`seeded-${index}`))))
      outcomes.push(kinds)
    }
    expect(outcomes.flat()).toContain('none')
    expect(outcomes.flat().some((kind) => kind !== 'none')).toBe(true)
  })

  it('refuses a token that was replaced by a new connect with auth_expired', async () => {
    const { db } = await getTestContext()
    const context = await connectedContext()
    const owner = instansiOf.get(context)!
    await provisionSandboxAccount(db, owner, { handle: context.account.handle, displayName: null })
    const connector = createSandboxConnectorFactory(await network())(context)
    expect(await kindOf(() => connector.verify())).toBe('auth_expired')
  })
})
