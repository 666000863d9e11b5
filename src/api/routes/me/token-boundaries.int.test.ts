// What a personal API token may not do (finding 4.3), and when tokens stop working (finding 4.11): a token never
// reaches its owner's security settings, and it dies with the password it was made under and with the account's
// disabling, never to come back when the account is enabled again.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs, type LoginHeaders } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  await app.ready()
  const owner = await createTestInstansi(ctx.db)
  const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
  return { ctx, app, owner, unit }
}

async function newToken(app: FastifyInstance, session: LoginHeaders, name = 'otomasi'): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: session.headers,
    payload: { name },
  })
  expect(created.statusCode, created.body).toBe(200)
  return created.json<{ token: string }>().token
}

async function tokenWorks(app: FastifyInstance, token: string): Promise<boolean> {
  const me = await app.inject({
    method: 'GET',
    url: '/api/auth/me',
    headers: { authorization: `Bearer ${token}` },
  })
  return me.statusCode === 200
}

/** Every route under /api/me/ in the OpenAPI document, with its path parameters filled in. */
function securitySettingsRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const document = app.swagger() as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/me/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase(),
        url: path.replace(/\{[^}]+\}/g, randomUUID()),
      })),
    )
}

describe('API tokens and the security settings', () => {
  it('refuse a token on every route under /api/me/ with a key that says why, and change nothing', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(app, user)
    const token = await newToken(app, session)
    const routes = securitySettingsRoutes(app)
    expect(routes.map((r) => `${r.method} ${r.url.replace(/[0-9a-f-]{36}/, '{id}')}`).sort()).toEqual(
      expect.arrayContaining([
        'DELETE /api/me/sessions/{id}',
        'DELETE /api/me/tokens/{id}',
        'GET /api/me/sessions',
        'GET /api/me/tokens',
        'GET /api/me/two-factor',
        'POST /api/me/password',
        'POST /api/me/tokens',
        'POST /api/me/two-factor/confirm',
        'POST /api/me/two-factor/disable',
        'POST /api/me/two-factor/enrol',
        'POST /api/me/two-factor/recovery-codes',
      ]),
    )
    const answers = []
    for (const route of routes) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: route.url,
        headers: { authorization: `Bearer ${token}` },
        ...(route.method === 'POST'
          ? {
              payload: { currentPassword: user.password, newPassword: 'batik-kopi-sawah-77', code: '123456' },
            }
          : {}),
      })
      answers.push(`${route.method} ${route.url} → ${response.statusCode} ${response.json().error?.key}`)
      expect(response.statusCode, route.url).toBe(403)
      expect(response.json().error).toMatchObject({
        code: 'forbidden',
        key: 'auth.token_not_for_security_settings',
      })
    }
    expect(answers.length).toBeGreaterThanOrEqual(11)
    // Nothing changed: the password is the old one, 2FA is off, the session and the token still live.
    await loginAs(app, user)
    const status = await app.inject({ method: 'GET', url: '/api/me/two-factor', headers: session.headers })
    expect(status.json()).toMatchObject({ enabled: false })
    expect(await tokenWorks(app, token)).toBe(true)
  })

  it('still let a token read who it is and set the language of its owner', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'analis' }])
    const token = await newToken(app, await loginAs(app, user))
    const bearer = { authorization: `Bearer ${token}` }
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200)
    const locale = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer,
      payload: { locale: 'en' },
    })
    expect(locale.statusCode).toBe(200)
  })
})

describe('when API tokens stop working', () => {
  it('revoke every token of the owner when they change their own password', async () => {
    const { ctx, app, owner, unit } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(app, user)
    const first = await newToken(app, session, 'satu')
    const second = await newToken(app, session, 'dua')
    const change = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: session.headers,
      payload: { currentPassword: user.password, newPassword: 'batik-kopi-sawah-77' },
    })
    expect(change.statusCode, change.body).toBe(200)
    expect(change.json()).toMatchObject({ revokedTokens: 2 })
    expect(await tokenWorks(app, first)).toBe(false)
    expect(await tokenWorks(app, second)).toBe(false)
    // The session the change was made in stays.
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode,
    ).toBe(200)
    const [entry] = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.password_change' })
    expect(entry!.after).toMatchObject({ revokedTokens: 2 })
  })

  it('revoke the tokens of a disabled user, so enabling the user again does not revive them', async () => {
    const { ctx, app, owner, unit } = await setup()
    const secret = generateTotpSecret()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret: secret,
    })
    const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const token = await newToken(app, await loginAs(app, user))
    expect(await tokenWorks(app, token)).toBe(true)

    const disable = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { disabled: true },
    })
    expect(disable.statusCode).toBe(200)
    const enable = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { disabled: false },
    })
    expect(enable.statusCode).toBe(200)
    expect(await tokenWorks(app, token)).toBe(false)
    const [disabled] = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.disable' })
    expect(disabled!.after).toMatchObject({ disabled: true, revokedTokens: 1 })
    // The user signs in again and makes new tokens, which work.
    const fresh = await newToken(app, await loginAs(app, user), 'baru')
    expect(await tokenWorks(app, fresh)).toBe(true)
  })
})
