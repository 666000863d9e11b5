import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
} from '../../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { insertAccount } from '../../../db/accounts-repository.ts'
import { auditLog } from '../../../db/schema/index.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { buildApp } from '../../app.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
  const pj = await createPenanggungJawab(ctx.db, owner)
  const trainee = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  const traineeSession = await loginAs(app, trainee)
  const sandbox = await createConnectedSandboxAccount(ctx.db, owner, pj, ctx)
  const handle = `humas-${uniqueSuffix()}.bsky.social`
  const real = await insertAccount(
    ctx.db,
    owner.id,
    {
      unitId: owner.rootUnit.id,
      platform: 'bluesky',
      handle,
      handleDisplay: null,
      displayName: 'Humas (akun sungguhan)',
      url: `https://bsky.app/profile/${handle}`,
      penanggungJawabUserId: pj.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
  const draft = (targets: string[]) => ({
    title: 'Latihan menulis',
    kind: 'informasi',
    baseText: 'Jadwal posyandu balita minggu ini di balai desa.',
    source: 'Puskesmas',
    verificationNote: 'Dicek dengan puskesmas.',
    fiveWOneH: {},
    tags: [],
    campaign: null,
    scheduledAt: null,
    crisis: false,
    targets,
    variants: [],
  })
  const setTraining = (enabled: boolean, session = adminSession) =>
    app.inject({
      method: 'PUT',
      url: `/api/users/${trainee.id}/training-mode`,
      headers: session.headers,
      payload: { enabled },
    })
  return { ctx, app, owner, admin, adminSession, trainee, traineeSession, sandbox, real, draft, setTraining }
}

describe('Mode Latihan per user', () => {
  it('is switched on by an admin, audited, and shown to the user on /api/auth/me', async () => {
    const t = await setup()
    const switched = await t.setTraining(true)
    expect(switched.statusCode).toBe(200)
    expect(switched.json()).toMatchObject({ id: t.trainee.id, trainingMode: true })
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: t.traineeSession.headers })
    expect(me.json().user.trainingMode).toBe(true)

    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.instansiId, t.owner.id), eq(auditLog.action, 'user.training_mode')))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ objectId: t.trainee.id, actorUserId: t.admin.id })
    expect(entries[0]!.after).toEqual({ trainingMode: true })
  })

  it('may not be switched by the user themself or another non-admin', async () => {
    const t = await setup()
    const refused = await t.setTraining(false, t.traineeSession)
    expect([403, 404]).toContain(refused.statusCode)
  })

  it('offers a trainee only sandbox accounts and refuses a draft to a real account in words', async () => {
    const t = await setup()
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/posts/targets',
      headers: t.traineeSession.headers,
    })
    expect(
      before
        .json()
        .items.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual([t.sandbox.id, t.real].sort())

    await t.setTraining(true)
    const targets = await t.app.inject({
      method: 'GET',
      url: '/api/posts/targets',
      headers: t.traineeSession.headers,
    })
    expect(targets.json().items.map((a: { id: string }) => a.id)).toEqual([t.sandbox.id])

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: t.traineeSession.headers,
      payload: t.draft([t.sandbox.id, t.real]),
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({ key: 'posts.training_sandbox_only' })
    expect(refused.json().error.message).toContain('Mode Latihan')
    expect(refused.json().error.details['targets.1']).toMatchObject({
      key: 'posts.training_sandbox_only_field',
    })

    const allowed = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: t.traineeSession.headers,
      payload: t.draft([t.sandbox.id]),
    })
    expect(allowed.statusCode).toBe(200)
  })

  it('refuses to submit a draft to a real account once Mode Latihan was switched on after it was saved', async () => {
    const t = await setup()
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: t.traineeSession.headers,
      payload: t.draft([t.real]),
    })
    expect(saved.statusCode).toBe(200)
    await t.setTraining(true)
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${saved.json().id}/submit`,
      headers: t.traineeSession.headers,
      payload: { version: saved.json().version },
    })
    expect(submitted.statusCode).toBe(400)
    expect(submitted.json().error).toMatchObject({ key: 'posts.training_sandbox_only' })
    const post = await t.app.inject({
      method: 'GET',
      url: `/api/posts/${saved.json().id}`,
      headers: t.traineeSession.headers,
    })
    expect(post.json().status).toBe('draft')
  })
})
