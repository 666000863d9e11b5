// Approval chains through the API: who may set them, what is refused, the audit entry, inheritance account →
// unit → units above → default, and isolation between instansi. Then the approval step the post flow will call:
// the author refused, a crisis fast-track approval flagged in the audit log, the approvers and author notified.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { insertAccount } from '../../../db/accounts-repository.ts'
import { notifications } from '../../../db/schema/index.ts'
import type { Role } from '../../../shared/roles.ts'
import { loadActor } from '../../../features/identity/load-actor.ts'
import {
  decideApproval,
  startApproval,
  type PostUnderApproval,
} from '../../../features/approvals/decide-approval.ts'
import { isAppError } from '../../../features/app-error.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const bidang = await createTestUnit(ctx.db, owner, owner.rootUnit, 'BIDANG')
  const seksi = await createTestUnit(ctx.db, owner, bidang, 'SEKSI')
  const lain = await createTestUnit(ctx.db, owner, owner.rootUnit, 'LAIN')
  const person = async (role: Role, unitId: string) => {
    const totpSecret = generateTotpSecret()
    const user = await createTestUser(ctx.db, owner, [{ unitId, role }], { totpSecret })
    return { ...user, totpSecret }
  }
  const admin = await person('admin', owner.rootUnit.id)
  const pjBidang = await person('penanggung_jawab', bidang.id)
  const pjLain = await person('penanggung_jawab', lain.id)
  const pengelola = await person('pengelola', seksi.id)
  const accountId = await insertAccount(
    ctx.db,
    owner.id,
    {
      unitId: seksi.id,
      platform: 'instagram',
      handle: `seksi_uji_${owner.slug.slice(-6)}`,
      handleDisplay: null,
      displayName: null,
      url: 'https://www.instagram.com/seksi_uji',
      penanggungJawabUserId: pjBidang.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
  const headersOf = async (user: typeof admin) => (await loginAs(app, user)).headers
  return { ctx, app, owner, bidang, seksi, lain, admin, pjBidang, pjLain, pengelola, accountId, headersOf }
}

const twoSteps = (userId: string) => ({
  steps: [
    { kind: 'role', role: 'penanggung_jawab', mode: 'any' },
    { kind: 'users', userIds: [userId], mode: 'all' },
  ],
  rescheduleRequiresApproval: false,
  crisisApproverIds: [],
})

describe('approval chain routes', () => {
  it('resolve a post unit chain from the account, then its unit, then the nearest unit above, then the default', async () => {
    const s = await setup()
    const admin = await s.headersOf(s.admin)
    const effective = async (url: string) => {
      const response = await s.app.inject({ method: 'GET', url, headers: admin })
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{
        own: unknown
        effective: { source: Record<string, unknown>; steps: unknown[] }
      }>()
    }
    const forAccount = `/api/approval-chains/accounts/${s.accountId}`
    expect((await effective(forAccount)).effective).toEqual({
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
      rescheduleRequiresApproval: true,
      crisisApproverIds: [],
      source: { kind: 'default' },
    })

    const onTop = await s.app.inject({
      method: 'PUT',
      url: `/api/approval-chains/units/${s.owner.rootUnit.id}`,
      headers: admin,
      payload: { steps: [{ kind: 'role', role: 'admin', mode: 'any' }] },
    })
    expect(onTop.statusCode, onTop.body).toBe(200)
    expect((await effective(forAccount)).effective.source).toMatchObject({
      kind: 'unit',
      unitId: s.owner.rootUnit.id,
      inherited: true,
    })

    await s.app.inject({
      method: 'PUT',
      url: `/api/approval-chains/units/${s.bidang.id}`,
      headers: admin,
      payload: twoSteps(s.admin.id),
    })
    const viaBidang = await effective(forAccount)
    expect(viaBidang.effective.source).toMatchObject({ kind: 'unit', unitId: s.bidang.id, inherited: true })
    expect(viaBidang.effective.steps).toHaveLength(2)
    expect((await effective(`/api/approval-chains/units/${s.bidang.id}`)).effective.source).toMatchObject({
      inherited: false,
    })

    await s.app.inject({
      method: 'PUT',
      url: forAccount,
      headers: admin,
      payload: { steps: [{ kind: 'users', userIds: [s.pjBidang.id], mode: 'any' }] },
    })
    const own = await effective(forAccount)
    expect(own.effective.source).toMatchObject({ kind: 'account', accountId: s.accountId })
    expect(own.own).not.toBeNull()

    const removed = await s.app.inject({ method: 'DELETE', url: forAccount, headers: admin })
    expect(removed.json()).toEqual({ removed: true })
    expect((await effective(forAccount)).effective.source).toMatchObject({ unitId: s.bidang.id })
    const again = await s.app.inject({ method: 'DELETE', url: forAccount, headers: admin })
    expect(again.statusCode).toBe(404)
  })

  it('let the admin and a penanggung jawab over the unit set a chain, audited, and nobody else', async () => {
    const s = await setup()
    const url = `/api/approval-chains/units/${s.seksi.id}`
    const put = async (user: typeof s.admin) =>
      s.app.inject({ method: 'PUT', url, headers: await s.headersOf(user), payload: twoSteps(s.admin.id) })
    expect((await put(s.pjBidang)).statusCode).toBe(200)
    expect((await put(s.admin)).statusCode).toBe(200)
    expect((await put(s.pjLain)).statusCode).toBe(403)
    expect((await put(s.pengelola)).statusCode).toBe(403)

    const entries = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'approval_chain.set' })
    expect(entries).toHaveLength(2)
    expect(entries.map((e) => e.actorUserId).sort()).toEqual([s.admin.id, s.pjBidang.id].sort())
    expect(entries[0]!.after).toMatchObject({ unitId: s.seksi.id, steps: twoSteps(s.admin.id).steps })

    const list = await s.app.inject({
      method: 'GET',
      url: '/api/approval-chains',
      headers: await s.headersOf(s.pjLain),
    })
    expect(list.json()).toEqual({ chains: [], people: [] })
    const mine = await s.app.inject({
      method: 'GET',
      url: '/api/approval-chains',
      headers: await s.headersOf(s.pjBidang),
    })
    expect(mine.json<{ chains: Array<{ ownerUnitId: string }> }>().chains.map((c) => c.ownerUnitId)).toEqual([
      s.seksi.id,
    ])
    const forbidden = await s.app.inject({
      method: 'GET',
      url: '/api/approval-chains',
      headers: await s.headersOf(s.pengelola),
    })
    expect(forbidden.statusCode).toBe(403)
  })

  it('refuse a chain with a role that cannot approve, an unknown user, or too many steps, saying which field', async () => {
    const s = await setup()
    const admin = await s.headersOf(s.admin)
    const put = (payload: Record<string, unknown>) =>
      s.app.inject({
        method: 'PUT',
        url: `/api/approval-chains/units/${s.bidang.id}`,
        headers: admin,
        payload,
      })
    const badRole = await put({ steps: [{ kind: 'role', role: 'pengelola', mode: 'any' }] })
    expect(badRole.statusCode).toBe(400)
    expect(badRole.json().error.details['steps.0.role'].key).toBe('approvals.role_cannot_approve')
    const stranger = await put({
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
      crisisApproverIds: [randomUUID()],
    })
    expect(stranger.statusCode).toBe(400)
    expect(stranger.json().error.details['crisisApproverIds.0'].key).toBe('approvals.unknown_approver')
    const step = { kind: 'role', role: 'penanggung_jawab', mode: 'any' }
    const tooMany = await put({ steps: [step, step, step, step] })
    expect(tooMany.statusCode).toBe(400)
    expect(Object.keys(tooMany.json().error.details)).toContain('steps')
    const none = await put({ steps: [] })
    expect(none.statusCode).toBe(400)
  })

  it('answer 404 for a unit of another instansi', async () => {
    const s = await setup()
    const other = await createTestInstansi(s.ctx.db, 'Instansi Lain')
    const response = await s.app.inject({
      method: 'PUT',
      url: `/api/approval-chains/units/${other.rootUnit.id}`,
      headers: await s.headersOf(s.admin),
      payload: twoSteps(s.admin.id),
    })
    expect(response.statusCode).toBe(404)
  })
})

describe('the approval step of the post flow', () => {
  it('refuses the author, lets a crisis approver approve alone in crisis mode with the audit flag, and notifies', async () => {
    const s = await setup()
    const admin = await s.headersOf(s.admin)
    const juruBicara = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.owner.rootUnit.id, role: 'pimpinan' },
    ])
    const set = await s.app.inject({
      method: 'PUT',
      url: `/api/approval-chains/units/${s.bidang.id}`,
      headers: admin,
      payload: { ...twoSteps(s.admin.id), crisisApproverIds: [juruBicara.id] },
    })
    expect(set.statusCode, set.body).toBe(200)
    // The new crisis approver was told, in the app.
    const told = await s.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.recipientId, juruBicara.id), eq(notifications.kind, 'approval.crisis_approver')),
      )
    expect(told).toHaveLength(1)

    const post: PostUnderApproval = {
      id: randomUUID(),
      instansiId: s.owner.id,
      title: 'Jadwal vaksinasi',
      authorId: s.pengelola.id,
      authorName: 'Pengelola Seksi',
      unitPath: s.seksi.path,
      accountId: s.accountId,
      accountLabel: 'instagram: seksi_uji',
      scheduledAt: new Date('2026-12-10T02:00:00Z'),
      link: '/posts/1',
    }
    const options = { mailEnabled: false, crisisMode: true, now: new Date() }
    const outcome = await s.ctx.db.transaction((tx) => startApproval(tx, post, options))
    expect(outcome).toEqual({ state: 'pending', step: 0, waitingFor: [s.pjBidang.id] })
    const requested = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pjBidang.id), eq(notifications.kind, 'approval.requested')))
    expect(requested).toHaveLength(1)

    const actorOf = async (user: { id: string; email: string }) =>
      (await loadActor(s.ctx.db, { ...user, instansiId: s.owner.id }, 'session')).actor
    const meta = { ip: '127.0.0.1' }
    // Loaded before the transactions: PGlite has one connection, which the transaction holds.
    const authorActor = await actorOf(s.pengelola)
    const crisisActor = await actorOf(juruBicara)
    const byAuthor = await s.ctx.db
      .transaction((tx) => decideApproval(tx, authorActor, meta, post, [], { verdict: 'approve' }, options))
      .catch((error: unknown) => error)
    expect(isAppError(byAuthor) && byAuthor.key).toBe('approvals.refused.own_post')

    const fast = await s.ctx.db.transaction((tx) =>
      decideApproval(tx, crisisActor, meta, post, [], { verdict: 'approve' }, options),
    )
    expect(fast.outcome).toEqual({ state: 'approved', viaCrisis: true })
    const [flagged] = await searchAudit(s.ctx.db, {
      instansiId: s.owner.id,
      action: 'approval.crisis_fast_track',
    })
    expect(flagged).toMatchObject({ objectType: 'post', objectId: post.id, actorUserId: juruBicara.id })
    expect(flagged!.after).toMatchObject({ crisis: true, outcome: 'approved' })
    const toAuthor = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pengelola.id), eq(notifications.kind, 'approval.approved')))
    expect(toAuthor).toHaveLength(1)
  })
})
