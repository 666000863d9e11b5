import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  return { ctx, app, owner, unit }
}

describe('auth routes', () => {
  it('log a user in with an httpOnly SameSite=Lax cookie and describe them at /api/auth/me', async () => {
    const { app, owner, unit } = await setup()
    const user = await createTestUser((await getTestContext()).db, owner, [
      { unitId: unit.id, role: 'pengelola' },
    ])
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    })
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'warta_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    expect(cookie.path).toBe('/')
    const session = await loginAs(app, user)
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })
    expect(me.statusCode).toBe(200)
    const body = me.json()
    expect(body.user.email).toBe(user.email)
    expect(body.instansi.id).toBe(owner.id)
    expect(body.grants).toEqual([
      expect.objectContaining({ role: 'pengelola', unitId: unit.id, unitCode: unit.code }),
    ])
    expect(body.allowedActions).toContain('post.create')
    expect(body.allowedActions).not.toContain('user.manage')
    expect(body.csrfToken).toBe(session.csrfToken)
    expect(body.mustEnrolTwoFactor).toBe(false)
  })

  it('refuse a wrong password and an unknown e-mail with the same message', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'salah-salah-salah' },
    })
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `x${user.email}`, password: 'salah-salah-salah' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error.message).toBe(unknown.json().error.message)
    expect(wrong.cookies).toHaveLength(0)
  })

  it('answer /api/auth/me without a session with 401', async () => {
    const { app } = await setup()
    const response = await app.inject({ method: 'GET', url: '/api/auth/me' })
    expect(response.statusCode).toBe(401)
    const forged = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'warta_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    })
    expect(forged.statusCode).toBe(401)
  })

  it('refuse a cookie-authenticated mutation without the CSRF header, and accept it with the header', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const session = await loginAs(app, user)
    const missing = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error.code).toBe('csrf_failed')
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
    })
    expect(wrong.statusCode).toBe(403)
    const ok = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })
    expect(ok.statusCode).toBe(200)
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    })
    expect(after.statusCode).toBe(401)
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, actorUserId: user.id })
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']))
  })
})
