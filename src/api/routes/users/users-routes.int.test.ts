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
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const bidang = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const seksi = await createTestUnit(ctx.db, owner, bidang)
  const other = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
  return { ctx, app, owner, bidang, seksi, other, admin, adminSession }
}

describe('users routes', () => {
  it('create a user with a role, list and read them, and audit it', async () => {
    const { ctx, app, owner, bidang, admin, adminSession } = await setup()
    const email = `pengelola-${uniqueSuffix()}@uji.go.id`
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { email, name: 'Siti Pengelola', grants: [{ unitId: bidang.id, role: 'pengelola' }] },
    })
    expect(created.statusCode).toBe(200)
    const body = created.json()
    expect(body.temporaryPassword).toHaveLength(20)
    expect(body.user).toMatchObject({
      email,
      name: 'Siti Pengelola',
      mustChangePassword: true,
      disabled: false,
    })
    expect(body.user.grants).toEqual([
      expect.objectContaining({ unitId: bidang.id, role: 'pengelola', unitCode: bidang.code }),
    ])

    const list = await app.inject({ method: 'GET', url: '/api/users', headers: adminSession.headers })
    expect(list.json().items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([email, admin.email]),
    )
    const search = await app.inject({
      method: 'GET',
      url: '/api/users?q=siti',
      headers: adminSession.headers,
    })
    expect(search.json().items.map((u: { email: string }) => u.email)).toEqual([email])
    const one = await app.inject({
      method: 'GET',
      url: `/api/users/${body.user.id}`,
      headers: adminSession.headers,
    })
    expect(one.json().id).toBe(body.user.id)

    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { email: email.toUpperCase(), name: 'Lagi', grants: [] },
    })
    expect(duplicate.statusCode).toBe(409)
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { email: 'bukan-email', name: '' },
    })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error.details).toHaveProperty('email')

    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.create' })
    expect(audit[0]).toMatchObject({ actorUserId: admin.id, objectId: body.user.id })
    expect(JSON.stringify(audit[0]!.after)).not.toContain(body.temporaryPassword)
  })

  it('grant and revoke roles on units, disable and enable a user, every change audited', async () => {
    const { ctx, app, owner, seksi, other, adminSession } = await setup()
    const user = await createTestUser(ctx.db, owner, [{ unitId: seksi.id, role: 'analis' }])
    const userSession = await loginAs(app, user)
    const granted = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: other.id, role: 'ppid' },
    })
    expect(granted.statusCode).toBe(200)
    const ppid = granted.json().grants.find((g: { role: string }) => g.role === 'ppid')
    expect(ppid.unitId).toBe(other.id)
    const again = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: other.id, role: 'ppid' },
    })
    expect(again.statusCode).toBe(409)
    const badRole = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/grants`,
      headers: adminSession.headers,
      payload: { unitId: other.id, role: 'raja' },
    })
    expect(badRole.statusCode).toBe(400)

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}/grants/${ppid.id}`,
      headers: adminSession.headers,
    })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().user.grants.map((g: { role: string }) => g.role)).toEqual(['analis'])

    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { disabled: true, name: 'Nama Baru' },
    })
    expect(disabled.statusCode).toBe(200)
    expect(disabled.json()).toMatchObject({ disabled: true, name: 'Nama Baru' })
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: userSession.headers })).statusCode,
    ).toBe(401)
    await expect(loginAs(app, user)).rejects.toThrow(/401/)
    const enabled = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: adminSession.headers,
      payload: { disabled: false },
    })
    expect(enabled.json().disabled).toBe(false)
    await loginAs(app, user)

    const actions = (await searchAudit(ctx.db, { instansiId: owner.id })).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['role.grant', 'role.revoke', 'user.disable', 'user.enable']),
    )
    const verified = await verifyAuditLog(ctx.db, { instansiId: owner.id })
    expect(verified.breaks).toEqual([])
    expect(verified.entries).toBeGreaterThan(5)
  })

  it('refuse user administration to roles without user.manage, and to admins outside their subtree', async () => {
    const { ctx, app, owner, bidang, seksi, other, admin } = await setup()
    const pengelola = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'pengelola' }])
    const pengelolaSession = await loginAs(app, pengelola)
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: pengelolaSession.headers })).statusCode,
    ).toBe(403)
    const create = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: pengelolaSession.headers,
      payload: {
        email: `x-${uniqueSuffix()}@uji.go.id`,
        name: 'X',
        grants: [{ unitId: seksi.id, role: 'pengelola' }],
      },
    })
    expect(create.statusCode).toBe(403)
    const read = await app.inject({
      method: 'GET',
      url: `/api/users/${admin.id}`,
      headers: pengelolaSession.headers,
    })
    expect(read.statusCode).toBe(404)

    // An admin of the bidang manages below it, but not the other unit nor the instansi admin.
    const secret = generateTotpSecret()
    const subAdmin = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'admin' }], {
      totpSecret: secret,
    })
    const subSession = await loginAs(app, { ...subAdmin, totpSecret: secret })
    const inside = await app.inject({
      method: 'POST',
      url: `/api/users/${pengelola.id}/grants`,
      headers: subSession.headers,
      payload: { unitId: seksi.id, role: 'analis' },
    })
    expect(inside.statusCode).toBe(200)
    const outside = await app.inject({
      method: 'POST',
      url: `/api/users/${pengelola.id}/grants`,
      headers: subSession.headers,
      payload: { unitId: other.id, role: 'analis' },
    })
    expect(outside.statusCode).toBe(403)
    const listed = (await app.inject({ method: 'GET', url: '/api/users', headers: subSession.headers }))
      .json()
      .items.map((u: { id: string }) => u.id)
    expect(listed).toContain(pengelola.id)
    expect(listed).not.toContain(admin.id)
    const resetRoot = await app.inject({
      method: 'POST',
      url: `/api/users/${admin.id}/reset-password`,
      headers: subSession.headers,
    })
    expect(resetRoot.statusCode).toBe(404)
  })

  it('answer 404 for every user route aimed at another instansi', async () => {
    const { ctx, app, owner, adminSession } = await setup()
    const foreignOwner = await createTestInstansi(ctx.db)
    const foreignUnit = await createTestUnit(ctx.db, foreignOwner, foreignOwner.rootUnit)
    const foreign = await createTestUser(ctx.db, foreignOwner, [
      { unitId: foreignUnit.id, role: 'pengelola' },
    ])
    const h = adminSession.headers
    const grantId = '00000000-0000-4000-8000-000000000000'
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: `/api/users/${foreign.id}`, headers: h }),
      app.inject({
        method: 'PATCH',
        url: `/api/users/${foreign.id}`,
        headers: h,
        payload: { disabled: true },
      }),
      app.inject({ method: 'POST', url: `/api/users/${foreign.id}/reset-password`, headers: h }),
      app.inject({ method: 'POST', url: `/api/users/${foreign.id}/reset-two-factor`, headers: h }),
      app.inject({
        method: 'POST',
        url: `/api/users/${foreign.id}/grants`,
        headers: h,
        payload: { unitId: foreignUnit.id, role: 'admin' },
      }),
      app.inject({ method: 'DELETE', url: `/api/users/${foreign.id}/grants/${grantId}`, headers: h }),
    ])
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404])
    const list = (await app.inject({ method: 'GET', url: '/api/users', headers: h }))
      .json()
      .items.map((u: { id: string }) => u.id)
    expect(list).not.toContain(foreign.id)
    // A grant on another instansi's unit, for a user of one's own instansi, is refused as not found too.
    const mine = await createTestUser(ctx.db, owner, [])
    const crossUnit = await app.inject({
      method: 'POST',
      url: `/api/users/${mine.id}/grants`,
      headers: h,
      payload: { unitId: foreignUnit.id, role: 'admin' },
    })
    expect(crossUnit.statusCode).toBe(404)
  })

  it('reset the 2FA of a user who lost their phone, so they must enrol again', async () => {
    const { ctx, app, owner, bidang, adminSession } = await setup()
    const secret = generateTotpSecret()
    const pj = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${pj.id}/reset-two-factor`,
      headers: adminSession.headers,
    })
    expect(reset.statusCode).toBe(200)
    const session = await loginAs(app, pj)
    expect(session.me.mustEnrolTwoFactor).toBe(true)
  })
})
