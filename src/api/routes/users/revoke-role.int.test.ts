import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

describe('revoking a role', () => {
  it('answers 200 with user null when the revoke takes the user out of the actor’s units', async () => {
    const ctx = await getTestContext()
    const app = await buildApp(ctx)
    const owner = await createTestInstansi(ctx.db)
    const bidang = await createTestUnit(ctx.db, owner, owner.rootUnit)
    const secret = generateTotpSecret()
    // An admin of one bidang sees only the users holding roles there.
    const bidangAdmin = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'admin' }], {
      totpSecret: secret,
    })
    const session = await loginAs(app, { ...bidangAdmin, totpSecret: secret })
    const user = await createTestUser(ctx.db, owner, [{ unitId: bidang.id, role: 'pengelola' }])
    const before = await app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: session.headers })
    const grantId = before.json().grants[0].id as string

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}/grants/${grantId}`,
      headers: session.headers,
    })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toEqual({ revoked: true, user: null })

    // The grant is gone: the user left the bidang, and with it the admin's sight.
    const after = await app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: session.headers })
    expect(after.statusCode).toBe(404)
    expect(await searchAudit(ctx.db, { instansiId: owner.id, action: 'role.revoke' })).toMatchObject([
      { objectId: grantId, actorUserId: bidangAdmin.id, before: { userId: user.id, role: 'pengelola' } },
    ])
  })
})
