import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const totpSecret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret,
  })
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  return {
    ctx,
    app,
    owner,
    admin: await loginAs(app, { ...admin, totpSecret }),
    pengelola: await loginAs(app, pengelola),
  }
}

describe('sandbox settings', () => {
  it('starts from the defaults (100–400 ms, some failures) and an admin changes them, audited', async () => {
    const s = await setup()
    const before = await s.app.inject({ url: '/api/sandbox/settings', headers: s.pengelola.headers })
    expect(before.json()).toMatchObject({ latencyMinMs: 100, latencyMaxMs: 400 })
    expect(before.json<{ unknownOutcomeRate: number }>().unknownOutcomeRate).toBeGreaterThan(0)

    const changed = await s.app.inject({
      method: 'PUT',
      url: '/api/sandbox/settings',
      headers: s.admin.headers,
      payload: { unavailableRate: 0, unknownOutcomeRate: 0, latencyMinMs: 0, latencyMaxMs: 0 },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ unavailableRate: 0, latencyMaxMs: 0, rateLimitCalls: 300 })
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'sandbox.settings' })
    expect(entry).toMatchObject({ before: { latencyMaxMs: 400 }, after: { latencyMaxMs: 0 } })
  })

  it('refuses rates over 1, a smallest latency over the largest, and a pengelola', async () => {
    const s = await setup()
    const put = (headers: Record<string, string>, payload: object) =>
      s.app.inject({ method: 'PUT', url: '/api/sandbox/settings', headers, payload })
    expect((await put(s.admin.headers, { unavailableRate: 2 })).statusCode).toBe(400)
    const order = await put(s.admin.headers, { latencyMinMs: 500, latencyMaxMs: 100 })
    expect(order.statusCode).toBe(400)
    expect(order.json<{ error: { key: string } }>().error.key).toBe('sandbox.latency_order')
    expect((await put(s.admin.headers, { unavailableRate: 0.6, unknownOutcomeRate: 0.6 })).statusCode).toBe(
      400,
    )
    expect((await put(s.pengelola.headers, { seed: 3 })).statusCode).toBe(403)
  })
})
