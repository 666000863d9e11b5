import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const child = await createTestUnit(ctx.db, owner, unit)
  return { ctx, app, owner, unit, child }
}

describe('own sessions', () => {
  it('list the live sessions, mark the current one, and revoke another', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const laptop = await loginAs(app, user)
    const phone = await loginAs(app, user, { ip: '10.9.9.9' })
    const list = await app.inject({ method: 'GET', url: '/api/me/sessions', headers: laptop.headers })
    expect(list.statusCode).toBe(200)
    const items = list.json().items as { id: string; current: boolean; ip: string }[]
    expect(items).toHaveLength(2)
    expect(items.filter((s) => s.current)).toHaveLength(1)
    const other = items.find((s) => !s.current)!
    expect(other.ip).toBe('10.9.9.9')

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${other.id}`,
      headers: laptop.headers,
    })
    expect(revoke.statusCode).toBe(200)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: phone.headers })).statusCode,
    ).toBe(401)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: laptop.headers })).statusCode,
    ).toBe(200)
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/me/sessions/${other.id}`, headers: laptop.headers }))
        .statusCode,
    ).toBe(404)
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'session.revoke' })
    expect(audit.map((e) => e.objectId)).toEqual([other.id])
  })

  it('never reveal or revoke a session of another user', async () => {
    const { ctx, app, owner, unit } = await setup()
    const alice = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const bob = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const aliceSession = await loginAs(app, alice)
    const bobSession = await loginAs(app, bob)
    const bobSessions = (
      await app.inject({ method: 'GET', url: '/api/me/sessions', headers: bobSession.headers })
    ).json().items
    const attempt = await app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${bobSessions[0].id}`,
      headers: aliceSession.headers,
    })
    expect(attempt.statusCode).toBe(404)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bobSession.headers })).statusCode,
    ).toBe(200)
  })
})

describe('password change and admin reset', () => {
  it('change the password only with the current one, reject weak ones, and end the other sessions', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const current = await loginAs(app, user)
    const other = await loginAs(app, user)
    const wrongCurrent = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: current.headers,
      payload: { currentPassword: 'bukan-yang-ini-xx', newPassword: 'kata-sandi-baru-panjang' },
    })
    expect(wrongCurrent.statusCode).toBe(400)
    const weak = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: current.headers,
      payload: { currentPassword: user.password, newPassword: 'pendek' },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.details.newPassword.message).toMatch(/minimal 12/)
    const asEmail = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: current.headers,
      payload: { currentPassword: user.password, newPassword: user.email },
    })
    expect(asEmail.statusCode).toBe(400)

    const ok = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: current.headers,
      payload: { currentPassword: user.password, newPassword: 'kata-sandi-baru-panjang' },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().revokedSessions).toBe(1)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: other.headers })).statusCode,
    ).toBe(401)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: current.headers })).statusCode,
    ).toBe(200)
    await expect(loginAs(app, user)).rejects.toThrow(/401/)
    await loginAs(app, { ...user, password: 'kata-sandi-baru-panjang' })
  })

  it('let an admin reset a password to a temporary one that must be changed before anything else, ending sessions and tokens', async () => {
    const { ctx, app, owner, unit } = await setup()
    const secret = generateTotpSecret()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret: secret,
    })
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
    const userSession = await loginAs(app, user)
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: userSession.headers,
        payload: { name: 'otomasi' },
      })
    ).json().token
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: adminSession.headers,
    })
    expect(reset.statusCode).toBe(200)
    const temporary: string = reset.json().temporaryPassword
    expect(temporary).toHaveLength(20)
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: userSession.headers })).statusCode,
    ).toBe(401)
    // The reset assumes the account may be compromised: its API tokens stop working too.
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401)

    const limited = await loginAs(app, { ...user, password: temporary })
    expect((limited.me.user as { mustChangePassword: boolean }).mustChangePassword).toBe(true)
    const blocked = await app.inject({ method: 'GET', url: '/api/me/sessions', headers: limited.headers })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('password_change_required')
    const change = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: limited.headers,
      payload: { currentPassword: temporary, newPassword: 'pilihan-saya-sendiri' },
    })
    expect(change.statusCode).toBe(200)
    expect(
      (await app.inject({ method: 'GET', url: '/api/me/sessions', headers: limited.headers })).statusCode,
    ).toBe(200)
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.password_reset' })
    expect(audit[0]).toMatchObject({ actorUserId: admin.id, objectId: user.id })
  })
})

describe('personal API tokens', () => {
  it('authenticate with a token shown once, need no CSRF header, and stop working when revoked', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(app, user)
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: session.headers,
      payload: { name: 'skrip laporan' },
    })
    expect(created.statusCode).toBe(200)
    const { token, apiToken } = created.json()
    expect(token).toMatch(/^wrt_/)
    expect(apiToken.hint).toBe(`${token.slice(0, 10)}…`)

    const list = await app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers })
    expect(JSON.stringify(list.json())).not.toContain(token)

    const bearer = { authorization: `Bearer ${token}` }
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ via: 'token', csrfToken: null })
    // A mutation with a token needs no CSRF header, but a token may not mint more tokens.
    const mint = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: bearer,
      payload: { name: 'lagi' },
    })
    expect(mint.statusCode).toBe(403)
    expect(mint.json().error.code).toBe('forbidden')

    const usedList = (
      await app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers })
    ).json().items
    expect(usedList[0].lastUsedAt).not.toBeNull()

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/me/tokens/${apiToken.id}`, headers: session.headers }))
        .statusCode,
    ).toBe(200)
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })
    expect(after.statusCode).toBe(401)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: 'Bearer wrt_tidak-ada' },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('narrow a token to the chosen roles and refuse roles the user does not hold', async () => {
    const { ctx, app, owner, unit, child } = await setup()
    const secret = generateTotpSecret()
    const user = await createTestUser(
      ctx.db,
      owner,
      [
        { unitId: owner.rootUnit.id, role: 'admin' },
        { unitId: child.id, role: 'analis' },
      ],
      { totpSecret: secret },
    )
    const session = await loginAs(app, { ...user, totpSecret: secret })
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: session.headers,
      payload: { name: 'terlalu luas', grants: [{ unitId: unit.id, role: 'pengelola' }] },
    })
    expect(foreign.statusCode).toBe(400)

    const narrow = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: session.headers,
      payload: {
        name: 'hanya analis',
        grants: [{ unitId: child.id, role: 'analis' }],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    expect(narrow.statusCode).toBe(200)
    const bearer = { authorization: `Bearer ${narrow.json().token}` }
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).json()
    expect(me.grants.map((r: { role: string }) => r.role)).toEqual(['analis'])
    expect(me.allowedActions).not.toContain('user.manage')
    // The user is an admin, the token is not.
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: session.headers })).statusCode,
    ).toBe(200)
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: bearer })
    expect(users.statusCode).toBe(403)
    const create = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer,
      payload: {
        email: `via-token-${Date.now()}@uji.go.id`,
        name: 'X',
        grants: [{ unitId: child.id, role: 'analis' }],
      },
    })
    expect(create.statusCode).toBe(403)

    const expired = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: session.headers,
      payload: { name: 'kedaluwarsa', expiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect(expired.statusCode).toBe(400)
  })
})
