import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

async function setup(role: 'analis' | 'admin' = 'analis') {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role }])
  return { ctx, app, owner, user, session: await loginAs(app, user) }
}

describe('PATCH /api/me', () => {
  it('saves the language to the profile, audits it, and answers the same view as GET /api/auth/me', async () => {
    const { ctx, app, owner, user, session } = await setup()
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { locale: 'en' },
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json().user.locale).toBe('en')

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })
    expect(patched.json()).toEqual(me.json())
    // A new sign-in (another device) finds the choice saved.
    const elsewhere = await loginAs(app, user, { ip: '10.7.7.7' })
    expect(elsewhere.me.user).toMatchObject({ locale: 'en' })
    expect(await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.update' })).toMatchObject([
      { objectId: user.id, actorUserId: user.id, before: { locale: 'id' }, after: { locale: 'en' } },
    ])
  })

  it('refuses a language the app does not speak', async () => {
    const { app, session } = await setup()
    const refused = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { locale: 'fr' },
    })
    expect(refused.statusCode).toBe(400)
  })

  it('lets an admin still held at two-factor enrolment switch the language of that screen', async () => {
    const { app, session } = await setup('admin')
    expect(session.me.mustEnrolTwoFactor).toBe(true)
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { locale: 'en' },
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({ user: { locale: 'en' }, mustEnrolTwoFactor: true })
  })
})
