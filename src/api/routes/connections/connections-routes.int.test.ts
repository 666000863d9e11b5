import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { getAccountConnection } from '../../../db/account-connections-repository.ts'
import { revokeSandboxToken } from '../../../db/sandbox-accounts-repository.ts'
import { runForAccount } from '../../../features/connections/account-connector.ts'
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit, `HUMAS${uniqueSuffix()}`)
  // A penanggung jawab must use two-step verification.
  const totpSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
  const pjSession = await loginAs(app, { ...pj, totpSecret })
  return { ctx, app, owner, unit, pj, pengelola, headers: pjSession.headers }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function createAccount(s: Setup, platform = 'sandbox') {
  // A WhatsApp account's handle is its phone number.
  const handle =
    platform === 'whatsapp'
      ? `+62812${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
      : `humas.${uniqueSuffix()}`
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: s.headers,
    payload: {
      unitId: s.unit.id,
      platform,
      handle,
      penanggungJawabUserId: s.pj.id,
      pengelola: [],
    },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ id: string; handle: string }>()
}

interface Health {
  state: string
  platformHandle: string | null
  lastSuccessAt: string | null
  lastError: { kind: string; message: string; explanation: { message: string } } | null
  capabilities: { reply: boolean } | null
  connectable: boolean
}

describe('account connections', () => {
  it('connects a sandbox account without credentials, stores its token sealed, and audits it', async () => {
    const s = await setup()
    const account = await createAccount(s)
    const before = await s.app.inject({ url: `/api/accounts/${account.id}/connection`, headers: s.headers })
    expect(before.json<Health>()).toMatchObject({ state: 'not_connected', connectable: true })

    const connected = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: {},
    })
    expect(connected.statusCode, connected.body).toBe(200)
    expect(connected.json<Health>()).toMatchObject({
      state: 'connected',
      platformHandle: account.handle,
      lastError: null,
      capabilities: { reply: true },
    })
    expect(connected.json<Health>().lastSuccessAt).not.toBeNull()

    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    expect(row!.credentials).toMatch(/^v1\.[0-9a-f]{12}\./)
    expect(row!.credentials).not.toContain('sbx_')
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.connect' })
    expect(entry).toMatchObject({ objectId: account.id, actorUserId: s.pj.id, after: { state: 'connected' } })
    expect(JSON.stringify(entry)).not.toContain('sbx_')
    expect((await verifyAuditLog(s.ctx.db, { instansiId: s.owner.id })).breaks).toEqual([])
  })

  it('records auth_expired as needs_reconnect with the last error in words, and a reconnect clears it', async () => {
    const s = await setup()
    const account = await createAccount(s)
    await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: {},
    })
    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    await revokeSandboxToken(s.ctx.db, s.owner.id, row!.platformAccountId!)

    await expect(
      runForAccount(s.ctx, s.owner.id, account.id, (connector) => connector.fetchInteractions(null)),
    ).rejects.toMatchObject({ kind: 'auth_expired' })
    const health = await s.app.inject({
      url: `/api/accounts/${account.id}/connection`,
      headers: { ...s.headers, 'accept-language': 'id' },
    })
    expect(health.json<Health>()).toMatchObject({
      state: 'needs_reconnect',
      lastError: {
        kind: 'auth_expired',
        explanation: { message: expect.stringContaining('hubungkan ulang') },
      },
    })

    const again = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: {},
    })
    expect(again.json<Health>()).toMatchObject({ state: 'connected', lastError: null })
  })

  it('records a success of runForAccount as the last success', async () => {
    const s = await setup()
    const account = await createAccount(s)
    await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: {},
    })
    const published = await runForAccount(s.ctx, s.owner.id, account.id, (connector) =>
      connector.publish({
        idempotencyKey: `post-${uniqueSuffix()}`,
        text: 'Info layanan hari ini.',
        media: [],
      }),
    )
    expect(published.url).toContain(account.handle)
    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    expect(row!.lastSuccessAt).not.toBeNull()
  })

  it('disconnects: the credentials are erased and calls for the account refuse to run', async () => {
    const s = await setup()
    const account = await createAccount(s)
    await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: {},
    })
    const response = await s.app.inject({
      method: 'DELETE',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<Health>().state).toBe('disconnected')
    const row = await getAccountConnection(s.ctx.db, s.owner.id, account.id)
    expect(row!.credentials).toBeNull()
    const check = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection/check`,
      headers: s.headers,
    })
    expect(check.statusCode).toBe(409)
    expect(check.json<{ error: { key: string } }>().error.key).toBe('connections.not_connected')
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.disconnect' })
    expect(entry).toMatchObject({ objectId: account.id, after: { state: 'disconnected' } })
  })

  it('says a platform without a connector cannot be connected yet, and asks other platforms for credentials', async () => {
    const s = await setup()
    // WhatsApp is a contact channel: Warta has no connector for it.
    const account = await createAccount(s, 'whatsapp')
    const health = await s.app.inject({ url: `/api/accounts/${account.id}/connection`, headers: s.headers })
    expect(health.json<Health>()).toMatchObject({ connectable: false, capabilities: null })
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: { credentials: { token: 'x' } },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json<{ error: { key: string } }>().error.key).toBe('connections.platform_unsupported')
  })

  it('refuses credentials the platform does not accept with a 400 on the credentials field', async () => {
    const s = await setup()
    const account = await createAccount(s)
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: { credentials: { token: 'sbx_not-a-real-token' } },
    })
    expect(response.statusCode, response.body).toBe(400)
    const body = response.json<{ error: { key: string; details: Record<string, unknown> } }>()
    expect(body.error.key).toBe('connections.credentials_refused')
    expect(Object.keys(body.error.details)).toEqual(['credentials'])
  })

  it('refuses a malformed body with a 400 per field', async () => {
    const s = await setup()
    const account = await createAccount(s)
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: s.headers,
      payload: { credentials: { token: 42 } },
    })
    expect(response.statusCode).toBe(400)
  })

  it('lets a pengelola read the health but not connect, and hides another instansi’s account', async () => {
    const s = await setup()
    const account = await createAccount(s)
    const pengelola = await loginAs(s.app, s.pengelola)
    const read = await s.app.inject({
      url: `/api/accounts/${account.id}/connection`,
      headers: pengelola.headers,
    })
    expect(read.statusCode).toBe(200)
    const connect = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/connection`,
      headers: pengelola.headers,
      payload: {},
    })
    expect(connect.statusCode).toBe(403)

    const stranger = await setup()
    const foreign = await s.app.inject({
      url: `/api/accounts/${account.id}/connection`,
      headers: stranger.headers,
    })
    expect(foreign.statusCode).toBe(404)
  })
})
