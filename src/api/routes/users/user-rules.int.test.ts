// The rules on granting roles and on people's e-mail addresses (finding 4.15 and 4.10), a password typed by an
// admin, and editing a user's name and e-mail.
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

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const bidang = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
  return { ctx, app, owner, bidang, admin, adminSession }
}

describe('rules on granting roles', () => {
  it('refuse an admin granting a role to themselves, auditor included', async () => {
    const { ctx, app, owner, admin, adminSession } = await setup()
    for (const role of ['auditor', 'pengelola']) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/users/${admin.id}/grants`,
        headers: adminSession.headers,
        payload: { unitId: owner.rootUnit.id, role },
      })
      expect(response.statusCode, role).toBe(403)
      expect(response.json().error.key).toBe('access.no_self_grant')
    }
    expect(await searchAudit(ctx.db, { instansiId: owner.id, action: 'role.grant' })).toEqual([])
  })

  it('never let one person hold admin and auditor, whichever comes first', async () => {
    const { ctx, app, owner, bidang, adminSession } = await setup()
    const admin2 = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'admin' }])
    const toAuditor = await app.inject({
      method: 'POST',
      url: `/api/users/${admin2.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: owner.rootUnit.id, role: 'auditor' },
    })
    expect(toAuditor.statusCode).toBe(400)
    expect(toAuditor.json().error).toMatchObject({
      key: 'access.roles_exclusive',
      params: { role: 'auditor', other: 'admin' },
      details: { role: { key: 'access.roles_exclusive_field' } },
    })

    const auditor = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'auditor' }])
    const toAdmin = await app.inject({
      method: 'POST',
      url: `/api/users/${auditor.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: bidang.id, role: 'admin' },
    })
    expect(toAdmin.statusCode).toBe(400)
    expect(toAdmin.json().error.params).toEqual({ role: 'admin', other: 'auditor' })

    const both = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email: `ganda-${uniqueSuffix()}@uji.go.id`,
        name: 'Ganda',
        grants: [
          { unitId: owner.rootUnit.id, role: 'admin' },
          { unitId: owner.rootUnit.id, role: 'auditor' },
        ],
      },
    })
    expect(both.statusCode).toBe(400)
    expect(both.json().error.key).toBe('access.roles_exclusive')

    // Other roles combine freely.
    const ok = await app.inject({
      method: 'POST',
      url: `/api/users/${auditor.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: bidang.id, role: 'pimpinan' },
    })
    expect(ok.statusCode).toBe(200)
  })
})

describe('a password typed by an admin', () => {
  it('must be changed at first sign-in, and a weak one is refused', async () => {
    const { app, bidang, adminSession } = await setup()
    const email = `ketik-${uniqueSuffix()}@uji.go.id`
    const weak = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email,
        name: 'Rudi',
        password: 'password1234',
        grants: [{ unitId: bidang.id, role: 'analis' }],
      },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.details.password.key).toBe('auth.password_warning.similar_to_common')

    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email,
        name: 'Rudi',
        password: 'batik-kopi-sawah-77',
        grants: [{ unitId: bidang.id, role: 'analis' }],
      },
    })
    expect(created.statusCode).toBe(200)
    expect(created.json()).toMatchObject({ temporaryPassword: null, user: { mustChangePassword: true } })
    const session = await loginAs(app, { email, password: 'batik-kopi-sawah-77' })
    expect(session.me).toMatchObject({ user: { mustChangePassword: true } })
    const blocked = await app.inject({ method: 'GET', url: '/api/units', headers: session.headers })
    expect(blocked.json().error.code).toBe('password_change_required')
  })
})

describe("people's e-mail addresses", () => {
  it('refuse an address used in another instansi exactly as one used in this instansi, naming neither, and audit it', async () => {
    const { ctx, app, owner, bidang, adminSession } = await setup()
    const elsewhere = await createTestInstansi(ctx.db, 'Instansi Tetangga')
    const stranger = await createTestUser(ctx.db, elsewhere, [
      { unitId: elsewhere.rootUnit.id, role: 'analis' },
    ])
    const colleague = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'analis' }])
    const attempt = (email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/users',
        headers: adminSession.headers,
        payload: { email, name: 'Siapa', grants: [{ unitId: bidang.id, role: 'analis' }] },
      })
    const foreign = await attempt(stranger.email)
    const own = await attempt(colleague.email)
    expect(foreign.statusCode).toBe(409)
    const shape = (body: { error: { code: string; key: string; details: unknown } }) => ({
      code: body.error.code,
      key: body.error.key,
      details: body.error.details,
    })
    expect(shape(foreign.json())).toEqual(shape(own.json()))
    expect(foreign.json().error.key).toBe('users.email_unavailable')
    expect(foreign.body).not.toContain('Tetangga')
    expect(foreign.body).not.toContain(elsewhere.slug)
    const refused = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.email_refused' })
    expect(refused.map((entry) => (entry.after as { email: string }).email).sort()).toEqual(
      [stranger.email, colleague.email].sort(),
    )
    // Nothing was written in the other instansi's log.
    expect(await searchAudit(ctx.db, { instansiId: elsewhere.id, action: 'user.email_refused' })).toEqual([])
  })

  it("let an admin change a user's name and e-mail, audited, and refuse an address already in use", async () => {
    const { ctx, app, owner, bidang, admin, adminSession } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'pengelola' }])
    const email = `baru-${uniqueSuffix()}@uji.go.id`
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { name: 'Budi Santoso', email },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ name: 'Budi Santoso', email })
    const [entry] = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.update' })
    expect(entry).toMatchObject({ actorUserId: admin.id, objectId: user.id })
    expect(entry!.before).toMatchObject({ email: user.email })
    expect(entry!.after).toMatchObject({ email, name: 'Budi Santoso' })
    // The new address signs in; the old one no longer does.
    await loginAs(app, { email, password: user.password })

    const taken = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { email: admin.email.toUpperCase() },
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.details.email.key).toBe('users.email_unavailable_field')
    const invalid = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { email: 'bukan-email' },
    })
    expect(invalid.statusCode).toBe(400)
  })

  it("refuse a non-admin changing someone's e-mail", async () => {
    const { ctx, app, owner, bidang } = await setup()
    const secret = generateTotpSecret()
    const pj = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })
    const user = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'pengelola' }])
    const session = await loginAs(app, { ...pj, totpSecret: secret })
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: session.headers,
      payload: { email: `alih-${uniqueSuffix()}@uji.go.id` },
    })
    expect(response.statusCode).toBe(403)
  })
})
