// The app side of OAuth connecting (issue #8) against a fake platform (tests/support/fake-oauth-platform.ts: a
// local HTTP server with authorize, token and "me" endpoints, and the OAuthProvider a platform folder would write),
// registered through the registry's overrides under the name 'mastodon'. Also the refresh job's work and the
// expiry warnings.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { handClock, type HandClock } from '../../../../tests/support/hand-clock.ts'
import {
  fakeDefinitions,
  startFakePlatform,
  type FakePlatform,
} from '../../../../tests/support/fake-oauth-platform.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { getAccountConnection } from '../../../db/account-connections-repository.ts'
import { notifications, oauthStates } from '../../../db/schema/index.ts'
import { hashState } from '../../../features/connections/oauth-connect.ts'
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'
import { openCredentials } from '../../../features/connections/credential-cipher.ts'
import { splitCredentials } from '../../../features/connections/oauth-tokens.ts'
import {
  refreshExpiringTokens,
  warnExpiringConnections,
} from '../../../features/connections/refresh-tokens.ts'

const OAUTH_ENV = {
  WARTA_OAUTH_MASTODON_CLIENT_ID: 'fake-client',
  WARTA_OAUTH_MASTODON_CLIENT_SECRET: 'fake-secret',
}

let fake: FakePlatform
let clock: HandClock
beforeAll(async () => {
  // Each test gets its own clock (setup); the fake platform reads the current one.
  fake = await startFakePlatform({ now: () => clock.now() })
})
afterAll(async () => {
  await fake.close()
})

async function setup(env: Record<string, string> = OAUTH_ENV) {
  const shared = await getTestContext()
  clock = handClock()
  const ctx = { ...shared, clock, config: testConfig(env) }
  const connectors = fakeDefinitions('mastodon', fake)
  const app = await buildApp(ctx, { platforms: { connectors } })
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
  const totpSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
  const { headers } = await loginAs(app, { ...pj, totpSecret })
  const created = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers,
    payload: {
      unitId: unit.id,
      platform: 'mastodon',
      handle: `humas${uniqueSuffix()}@mastodon.social`,
      penanggungJawabUserId: pj.id,
      pengelola: [],
    },
  })
  expect(created.statusCode, created.body).toBe(200)
  const account = created.json<{ id: string }>()
  const refreshDeps = { ...ctx, connectors, mailEnabled: false }
  return { ctx, app, owner, unit, pj, pengelola, headers, account, refreshDeps }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** Start → the platform's authorize page (which consents at once) → the callback URL it redirects to. */
async function authorizeAtPlatform(s: Setup): Promise<URL> {
  const start = await s.app.inject({
    method: 'POST',
    url: `/api/accounts/${s.account.id}/oauth/start`,
    headers: s.headers,
  })
  expect(start.statusCode, start.body).toBe(200)
  const { authorizationUrl } = start.json<{ authorizationUrl: string }>()
  const consent = await fetch(authorizationUrl, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  return new URL(consent.headers.get('location')!)
}

async function callback(s: Setup, url: URL) {
  return s.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` })
}

interface Health {
  state: string
  platformHandle: string | null
  tokenExpiresAt: string | null
  refreshExpiresAt: string | null
  reconnectBy: string | null
  grantedScopes: string[] | null
  missingFeatures: string[]
  oauth: { offered: boolean; unavailableReason: string | null }
  lastError: { kind: string } | null
}

async function health(s: Setup): Promise<Health> {
  const response = await s.app.inject({ url: `/api/accounts/${s.account.id}/connection`, headers: s.headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<Health>()
}

describe('OAuth connect', () => {
  it('connects through the platform: state and PKCE checked, tokens sealed, expiry and scopes in the health, audited', async () => {
    const s = await setup()
    expect((await health(s)).oauth).toEqual({ offered: true, unavailableReason: null })
    const back = await authorizeAtPlatform(s)
    expect(back.origin + back.pathname).toBe('http://localhost:8080/api/oauth/callback')
    const done = await callback(s, back)
    expect(done.statusCode, done.body).toBe(302)
    expect(done.headers.location).toBe(`/accounts?connection=${s.account.id}&oauth=connected`)
    // The code went to the token endpoint with the verifier whose challenge went to authorize.
    expect(fake.tokenRequests.at(-1)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'fake-client',
    })
    expect(fake.tokenRequests.at(-1)!.code_verifier!.length).toBeGreaterThan(40)

    const view = await health(s)
    expect(view).toMatchObject({ state: 'connected', platformHandle: 'humas.fake', missingFeatures: [] })
    expect(new Date(view.tokenExpiresAt!).getTime()).toBe(clock.now().getTime() + 3600_000)
    expect(view.reconnectBy).toBe(view.refreshExpiresAt)
    expect(view.grantedScopes).toEqual(
      expect.arrayContaining(['post.write', 'post.read', 'comment.moderate', 'stats.read', 'dm.read']),
    )

    const row = await getAccountConnection(s.ctx.db, s.owner.id, s.account.id)
    expect(row!.credentials).toMatch(/^v1\./)
    expect(row!.credentials).not.toContain('at-')
    const opened = splitCredentials(
      openCredentials({ current: s.ctx.secret, previous: [] }, s.account.id, row!.credentials!),
    )
    expect(opened.credentials.accessToken).toMatch(/^at-/)
    expect(opened.tokens!.refreshToken).toMatch(/^rt-/)

    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.connect' })
    expect(entry).toMatchObject({ objectId: s.account.id, actorUserId: s.pj.id, after: { via: 'oauth' } })
    expect(JSON.stringify(entry)).not.toContain('at-')
    expect((await verifyAuditLog(s.ctx.db, { instansiId: s.owner.id })).breaks).toEqual([])
  })

  it('uses a state once, refuses an unknown or expired one, and says when the person declined', async () => {
    const s = await setup()
    const back = await authorizeAtPlatform(s)
    expect((await callback(s, back)).headers.location).toBe(
      `/accounts?connection=${s.account.id}&oauth=connected`,
    )
    const again = await callback(s, back)
    expect(again.statusCode).toBe(302)
    expect(again.headers.location).toBe('/accounts?oauth=state_invalid')

    const forged = new URL(back)
    forged.searchParams.set('state', 'x'.repeat(43))
    expect((await callback(s, forged)).headers.location).toBe('/accounts?oauth=state_invalid')

    const late = await authorizeAtPlatform(s)
    clock.advance(11 * 60_000)
    expect((await callback(s, late)).headers.location).toBe('/accounts?oauth=state_invalid')

    const declined = await authorizeAtPlatform(s)
    declined.searchParams.delete('code')
    declined.searchParams.set('error', 'access_denied')
    expect((await callback(s, declined)).headers.location).toBe(
      `/accounts?connection=${s.account.id}&oauth=denied`,
    )
  })

  it('refuses a pengelola (no account.manage) at start, and re-checks the right at the callback', async () => {
    const s = await setup()
    const { headers } = await loginAs(s.app, s.pengelola)
    const start = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${s.account.id}/oauth/start`,
      headers,
    })
    expect(start.statusCode).toBe(403)

    // A state started by the penanggung jawab but carried by someone who may not connect: refused at the callback.
    const back = await authorizeAtPlatform(s)
    await s.ctx.db
      .update(oauthStates)
      .set({ userId: s.pengelola.id })
      .where(eq(oauthStates.stateHash, hashState(back.searchParams.get('state')!)))
    expect((await callback(s, back)).headers.location).toBe(
      `/accounts?connection=${s.account.id}&oauth=not_allowed`,
    )
    expect((await health(s)).state).toBe('not_connected')
  })

  it('does not offer OAuth when the deployment has no client for the platform, and says why', async () => {
    const s = await setup({})
    expect((await health(s)).oauth).toEqual({ offered: false, unavailableReason: 'not_configured' })
    const start = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${s.account.id}/oauth/start`,
      headers: s.headers,
    })
    expect(start.statusCode).toBe(400)
    expect(start.json<{ error: { key: string; message: string } }>().error).toMatchObject({
      key: 'connections.oauth.not_configured',
    })
    expect(start.json<{ error: { message: string } }>().error.message).toContain(
      'WARTA_OAUTH_MASTODON_CLIENT_ID',
    )
  })

  it("computes the challenge in the provider's declared encoding: hex SHA-256, or no PKCE at all", async () => {
    const s = await setup()
    const before = fake.options.pkce
    try {
      // The fake platform checks the verifier against the challenge itself, in the encoding it documents.
      fake.options.pkce = 'S256-hex'
      const hex = await authorizeAtPlatform(s)
      expect((await callback(s, hex)).headers.location).toBe(
        `/accounts?connection=${s.account.id}&oauth=connected`,
      )
      expect(fake.tokenRequests.at(-1)!.code_verifier!.length).toBeGreaterThan(40)

      // No PKCE (TikTok's Login Kit for Web): no challenge to authorize, no verifier to the token endpoint.
      fake.options.pkce = false
      const start = await s.app.inject({
        method: 'POST',
        url: `/api/accounts/${s.account.id}/oauth/start`,
        headers: s.headers,
      })
      const { authorizationUrl } = start.json<{ authorizationUrl: string }>()
      expect(new URL(authorizationUrl).searchParams.has('code_challenge')).toBe(false)
      const plain = await authorizeAtPlatform(s)
      expect((await callback(s, plain)).headers.location).toBe(
        `/accounts?connection=${s.account.id}&oauth=connected`,
      )
      expect(fake.tokenRequests.at(-1)).not.toHaveProperty('code_verifier')
    } finally {
      fake.options.pkce = before
    }
  })

  it('records the features a missing scope disables', async () => {
    const s = await setup()
    const before = fake.options.grant
    fake.options.grant = ['post.write', 'post.read']
    try {
      await callback(s, await authorizeAtPlatform(s))
    } finally {
      fake.options.grant = before
    }
    expect((await health(s)).missingFeatures.sort()).toEqual(['direct_messages', 'metrics', 'moderate'])
  })
})

describe('token refresh and expiry warnings', () => {
  it('refreshes a token expiring within 15 minutes with compare-and-set; the rotated refresh token is kept', async () => {
    const s = await setup()
    await callback(s, await authorizeAtPlatform(s))
    const first = await getAccountConnection(s.ctx.db, s.owner.id, s.account.id)
    // Not yet due: an hour left.
    let result = await refreshExpiringTokens(s.refreshDeps)
    expect(result.failed.filter((f) => f.accountId === s.account.id)).toEqual([])
    expect((await getAccountConnection(s.ctx.db, s.owner.id, s.account.id))!.credentials).toBe(
      first!.credentials,
    )

    clock.advance(50 * 60_000)
    result = await refreshExpiringTokens(s.refreshDeps)
    expect(result.failed.filter((f) => f.accountId === s.account.id)).toEqual([])
    const after = await getAccountConnection(s.ctx.db, s.owner.id, s.account.id)
    expect(after!.credentials).not.toBe(first!.credentials)
    expect(after!.tokenExpiresAt!.getTime()).toBe(clock.now().getTime() + 3600_000)
    const keyring = { current: s.ctx.secret, previous: [] }
    const oldTokens = splitCredentials(openCredentials(keyring, s.account.id, first!.credentials!)).tokens!
    const newTokens = splitCredentials(openCredentials(keyring, s.account.id, after!.credentials!)).tokens!
    expect(newTokens.refreshToken).not.toBe(oldTokens.refreshToken)
    expect(fake.liveRefreshTokens.has(oldTokens.refreshToken!)).toBe(false)
    expect(fake.liveRefreshTokens.has(newTokens.refreshToken!)).toBe(true)
    expect((await health(s)).state).toBe('connected')
  })

  it('two refreshes at once: one wins, the other stands back without marking the account needs_reconnect', async () => {
    const s = await setup()
    await callback(s, await authorizeAtPlatform(s))
    clock.advance(50 * 60_000)
    const results = await Promise.all([
      refreshExpiringTokens(s.refreshDeps),
      refreshExpiringTokens(s.refreshDeps),
    ])
    const mine = results.flatMap((r) => r.failed).filter((f) => f.accountId === s.account.id)
    expect(mine).toEqual([])
    expect(await health(s)).toMatchObject({ state: 'connected', lastError: null })
  })

  it('leaves the account needs_reconnect when the platform refuses the refresh token (auth_expired)', async () => {
    const s = await setup()
    await callback(s, await authorizeAtPlatform(s))
    const row = await getAccountConnection(s.ctx.db, s.owner.id, s.account.id)
    const tokens = splitCredentials(
      openCredentials({ current: s.ctx.secret, previous: [] }, s.account.id, row!.credentials!),
    ).tokens!
    fake.liveRefreshTokens.delete(tokens.refreshToken!)
    clock.advance(50 * 60_000)
    const result = await refreshExpiringTokens(s.refreshDeps)
    expect(result.failed).toContainEqual({ accountId: s.account.id, kind: 'auth_expired' })
    expect(await health(s)).toMatchObject({ state: 'needs_reconnect', lastError: { kind: 'auth_expired' } })
    // Its penanggung jawab is told at once, in the refresh's transaction, with nothing scheduled waiting.
    const told = await s.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.recipientId, s.pj.id), eq(notifications.kind, 'connections.reconnect_needed')),
      )
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({
      bodyKey: 'connections.notice.reconnect_body',
      link: `/accounts?connection=${s.account.id}`,
    })
  })

  it('warns the penanggung jawab 7 days and 1 day before the account must be reconnected, once each', async () => {
    const s = await setup()
    await callback(s, await authorizeAtPlatform(s))
    const reconnectBy = new Date((await health(s)).reconnectBy!)
    const notices = async () =>
      s.ctx.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.recipientId, s.pj.id), eq(notifications.kind, 'connections.token_expiring')),
        )

    clock.set(new Date(reconnectBy.getTime() - 8 * 86400_000))
    await warnExpiringConnections(s.refreshDeps)
    expect(await notices()).toHaveLength(0)

    clock.set(new Date(reconnectBy.getTime() - 6 * 86400_000))
    await warnExpiringConnections(s.refreshDeps)
    await warnExpiringConnections(s.refreshDeps)
    expect((await notices()).map((n) => n.bodyKey)).toEqual(['connections.notice.expiring_body_7d'])

    clock.set(new Date(reconnectBy.getTime() - 20 * 3600_000))
    await warnExpiringConnections(s.refreshDeps)
    await warnExpiringConnections(s.refreshDeps)
    expect((await notices()).map((n) => n.bodyKey).sort()).toEqual([
      'connections.notice.expiring_body_1d',
      'connections.notice.expiring_body_7d',
    ])
    expect((await notices())[0]).toMatchObject({ link: `/accounts?connection=${s.account.id}` })
  })
})
