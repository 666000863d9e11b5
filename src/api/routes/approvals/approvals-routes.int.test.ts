// The approval flow on posts end to end through the API: who may decide (never the author), all-of steps, reject,
// request changes and resubmission, the crisis fast track, expiry, rescheduling back to review, the queue and the
// history, and the contract with the publishing engine (a completed chain leaves the post and its variants
// `scheduled` with next_attempt_at set).
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
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
import { searchAudit } from '../../../db/audit-repository.ts'
import {
  accounts,
  approvalChains,
  hoaxClaims,
  notifications,
  postVariants,
} from '../../../db/schema/index.ts'
import type { Db } from '../../../db/client.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { expireOverduePosts } from '../../../features/posts/expire-posts.ts'

async function createAccount(db: Db, instansiId: string, unitId: string, pjId: string, platform: string) {
  const id = randomUUID()
  const handle = `humas${uniqueSuffix()}`
  await db.insert(accounts).values({
    id,
    instansiId,
    unitId,
    platform,
    handle,
    url: `https://example.org/${handle}`,
    penanggungJawabUserId: pjId,
  })
  return id
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES${uniqueSuffix()}`)
  const secret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })),
    totpSecret: secret,
  }
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const pimpinanA = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pimpinan' }])
  const pimpinanB = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pimpinan' }])
  const x = await createAccount(ctx.db, owner.id, dinkes.id, pj.id, 'x')
  const bluesky = await createAccount(ctx.db, owner.id, dinkes.id, pj.id, 'bluesky')
  const headersOf = async (user: Parameters<typeof loginAs>[1]) => (await loginAs(app, user)).headers
  return {
    ctx,
    app,
    owner,
    dinkes,
    pj,
    pengelola,
    pimpinanA,
    pimpinanB,
    x,
    bluesky,
    author: await headersOf(pengelola),
    pjHeaders: await headersOf(pj),
    headersOf,
  }
}
type Setup = Awaited<ReturnType<typeof setup>>

type PostAnswer = { id: string; version: number; status: string; variants: Array<{ status: string }> }

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()

async function submitted(s: Setup, headers = s.author, overrides: Record<string, unknown> = {}) {
  const created = await s.app.inject({
    method: 'POST',
    url: '/api/posts',
    headers,
    payload: {
      title: `Vaksinasi gratis ${uniqueSuffix()}`,
      kind: 'informasi',
      baseText: 'Vaksinasi gratis di Puskesmas Kecamatan pada Sabtu pukul 08.00 WIB. #SehatBersama',
      targets: [s.x, s.bluesky],
      scheduledAt: inAnHour(),
      ...overrides,
    },
  })
  expect(created.statusCode, created.body).toBe(200)
  const post = created.json<PostAnswer>()
  const submit = await s.app.inject({
    method: 'POST',
    url: `/api/posts/${post.id}/submit`,
    headers,
    payload: { version: post.version },
  })
  expect(submit.statusCode, submit.body).toBe(200)
  return submit.json<PostAnswer>()
}

function decide(s: Setup, headers: Record<string, string>, id: string, path: string, payload = {}) {
  return s.app.inject({ method: 'POST', url: `/api/posts/${id}/${path}`, headers, payload })
}

async function setChain(s: Setup, steps: unknown[], extra: Partial<typeof approvalChains.$inferInsert> = {}) {
  await s.ctx.db.insert(approvalChains).values({
    id: randomUUID(),
    instansiId: s.owner.id,
    unitId: s.dinkes.id,
    steps: steps as never,
    ...extra,
  })
}

async function variantRows(s: Setup, postId: string) {
  return s.ctx.db
    .select()
    .from(postVariants)
    .where(and(eq(postVariants.instansiId, s.owner.id), eq(postVariants.postId, postId)))
}

describe('approval flow on posts', () => {
  it('refuses the author approving their own post with a clear 403, even holding the approving role', async () => {
    const s = await setup()
    const post = await submitted(s, s.pjHeaders)
    const own = await decide(s, s.pjHeaders, post.id, 'approve')
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toMatch(/sendiri|yourself/)
  })

  it('tells the waiting approvers at submission, lists the post in their queue, and schedules it once approved', async () => {
    const s = await setup()
    const post = await submitted(s)
    const told = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pj.id), eq(notifications.kind, 'approval.requested')))
    expect(told).toHaveLength(1)

    const queue = await s.app.inject({ method: 'GET', url: '/api/approvals/queue', headers: s.pjHeaders })
    expect(queue.statusCode, queue.body).toBe(200)
    const item = queue.json().items.find((i: { post: { id: string } }) => i.post.id === post.id)
    expect(item.step).toBe(0)
    expect(item.waitingFor.map((w: { id: string }) => w.id)).toEqual([s.pj.id])
    const authorQueue = await s.app.inject({ method: 'GET', url: '/api/approvals/queue', headers: s.author })
    expect(authorQueue.json().items).toEqual([])

    const approved = await decide(s, s.pjHeaders, post.id, 'approve', { version: post.version })
    expect(approved.statusCode, approved.body).toBe(200)
    const after = approved.json<PostAnswer & { scheduledAt: string }>()
    expect(after.status).toBe('scheduled')
    const variants = await variantRows(s, post.id)
    expect(variants.map((v) => v.status)).toEqual(['scheduled', 'scheduled'])
    expect(variants.every((v) => v.nextAttemptAt?.toISOString() === after.scheduledAt)).toBe(true)
    const authorTold = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pengelola.id), eq(notifications.kind, 'approval.approved')))
    expect(authorTold).toHaveLength(1)

    const history = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${post.id}/decisions`,
      headers: s.author,
    })
    expect(history.json().items).toMatchObject([
      { round: 1, step: 0, userId: s.pj.id, verdict: 'approve', crisis: false },
    ])
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'approval.decide' })
    expect(audit.some((entry) => entry.objectId === post.id)).toBe(true)
  })

  it('waits for every named user of an all-of step, and moves to the next step only then', async () => {
    const s = await setup()
    await setChain(s, [
      { kind: 'users', userIds: [s.pimpinanA.id, s.pimpinanB.id], mode: 'all' },
      { kind: 'role', role: 'penanggung_jawab', mode: 'any' },
    ])
    const post = await submitted(s)
    const a = await s.headersOf(s.pimpinanA)
    const b = await s.headersOf(s.pimpinanB)
    const early = await decide(s, s.pjHeaders, post.id, 'approve')
    expect(early.statusCode).toBe(403)
    expect((await decide(s, a, post.id, 'approve')).json().status).toBe('in_review')
    expect((await decide(s, a, post.id, 'approve')).statusCode).toBe(403)
    expect((await decide(s, b, post.id, 'approve')).json().status).toBe('in_review')
    const told = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pj.id), eq(notifications.kind, 'approval.requested')))
    expect(told).toHaveLength(1)
    expect((await decide(s, s.pjHeaders, post.id, 'approve')).json().status).toBe('scheduled')
  })

  it('tells the author and who may change the chain when nobody can approve a step, instead of no one', async () => {
    const s = await setup()
    // A step whose role nobody holds over the unit: the post cannot move until someone changes the chain.
    await setChain(s, [
      { kind: 'role', role: 'pimpinan', mode: 'any' },
      { kind: 'role', role: 'ppid', mode: 'any' },
    ])
    const post = await submitted(s)
    const blockedFor = async (userId: string) =>
      s.ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, userId), eq(notifications.kind, 'approval.blocked')))
    expect(await blockedFor(s.pengelola.id)).toHaveLength(0)
    // Step 1 has two pimpinan; once one approves, step 2 (ppid, held by nobody) blocks.
    const a = await s.headersOf(s.pimpinanA)
    expect((await decide(s, a, post.id, 'approve')).json().status).toBe('in_review')
    const toAuthor = await blockedFor(s.pengelola.id)
    expect(toAuthor).toHaveLength(1)
    expect(toAuthor[0]).toMatchObject({ link: '/approval-chains', params: { step: 2 } })
    expect(await blockedFor(s.pj.id)).toHaveLength(1)
    expect(await blockedFor(s.pimpinanA.id)).toHaveLength(0)

    // A chain blocked at its first step says so at submission.
    await s.ctx.db
      .update(approvalChains)
      .set({ steps: [{ kind: 'role', role: 'ppid', mode: 'any' }] as never })
      .where(eq(approvalChains.unitId, s.dinkes.id))
    const blockedAtOnce = await submitted(s, s.author, { title: `Tanpa penyetuju ${uniqueSuffix()}` })
    expect(blockedAtOnce.status).toBe('in_review')
    const second = await blockedFor(s.pengelola.id)
    expect(second).toHaveLength(2)
    expect(second.map((row) => (row.params as { step: number }).step).sort()).toEqual([1, 2])
  })

  it('checks again at approval: a hoax learned since submission blocks it until a penanggung jawab overrides, audited', async () => {
    const s = await setup()
    const post = await submitted(s, s.author, {
      baseText: 'Info: pendaftaran vaksin di puskesmas dipungut biaya Rp 75.000 per orang.',
    })
    // The knowledge base learns the hoax after the submission.
    await s.ctx.db.insert(hoaxClaims).values({
      id: randomUUID(),
      instansiId: s.owner.id,
      label: 'hoaks',
      claim: 'Pendaftaran vaksin di puskesmas dipungut biaya Rp 75.000 per orang',
      facts: 'Vaksinasi di puskesmas gratis, tanpa biaya pendaftaran.',
    })
    const refused = await decide(s, s.pjHeaders, post.id, 'approve')
    expect(refused.statusCode, refused.body).toBe(400)
    expect(refused.json().error.key).toBe('posts.blocked_by_findings')
    const empty = await decide(s, s.pjHeaders, post.id, 'approve', { overrideReason: '  ' })
    expect(empty.statusCode).toBe(400)
    const through = await decide(s, s.pjHeaders, post.id, 'approve', {
      overrideReason: 'Unggahan ini mengutip hoaks untuk meluruskannya; klarifikasi ada di utas.',
    })
    expect(through.statusCode, through.body).toBe(200)
    expect(through.json().status).toBe('scheduled')
    const [entry] = await searchAudit(s.ctx.db, {
      instansiId: s.owner.id,
      action: 'post.compliance_override',
    })
    expect(entry).toMatchObject({ objectId: post.id, actorUserId: s.pj.id })
  })

  it('ends the post on a rejection, which needs a comment', async () => {
    const s = await setup()
    const post = await submitted(s)
    const bare = await decide(s, s.pjHeaders, post.id, 'reject', { comment: ' ' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.details.comment).toBeDefined()
    const rejected = await decide(s, s.pjHeaders, post.id, 'reject', {
      comment: 'Bukan kewenangan dinas ini.',
    })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json().status).toBe('cancelled')
    expect((await variantRows(s, post.id)).map((v) => v.status)).toEqual(['cancelled', 'cancelled'])
    expect((await decide(s, s.pjHeaders, post.id, 'approve')).statusCode).toBe(409)
  })

  it('returns the post to its author on requested changes; the next submission is a new round', async () => {
    const s = await setup()
    const post = await submitted(s)
    const asked = await decide(s, s.pjHeaders, post.id, 'request-changes', { comment: 'Tambahkan lokasi.' })
    expect(asked.json().status).toBe('changes_requested')
    expect(asked.json().editable).toBe(false)
    const mine = await s.app.inject({ method: 'GET', url: `/api/posts/${post.id}`, headers: s.author })
    expect(mine.json().editable).toBe(true)
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.author,
      payload: { version: mine.json().version },
    })
    expect(again.json().status).toBe('in_review')
    const approved = await decide(s, s.pjHeaders, post.id, 'approve')
    expect(approved.json().status).toBe('scheduled')
    const history = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${post.id}/decisions`,
      headers: s.author,
    })
    expect(history.json().items.map((d: { round: number; verdict: string }) => [d.round, d.verdict])).toEqual(
      [
        [1, 'request_changes'],
        [2, 'approve'],
      ],
    )
  })

  it('lets a crisis approver approve a crisis post alone, flagged in the audit log', async () => {
    const s = await setup()
    await setChain(
      s,
      [
        { kind: 'role', role: 'penanggung_jawab', mode: 'any' },
        { kind: 'users', userIds: [s.pimpinanB.id], mode: 'any' },
      ],
      { crisisApproverIds: [s.pimpinanA.id] },
    )
    const normal = await submitted(s)
    const a = await s.headersOf(s.pimpinanA)
    expect((await decide(s, a, normal.id, 'approve')).statusCode).toBe(403)
    const crisis = await submitted(s, s.author, { crisis: true })
    const approved = await decide(s, a, crisis.id, 'approve')
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('scheduled')
    const audit = await searchAudit(s.ctx.db, {
      instansiId: s.owner.id,
      action: 'approval.crisis_fast_track',
    })
    expect(audit.map((entry) => entry.objectId)).toContain(crisis.id)
    const history = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${crisis.id}/decisions`,
      headers: s.author,
    })
    expect(history.json().items[0].crisis).toBe(true)
  })

  it('expires a post still in review when its time has come, with its variants, and tells the author', async () => {
    const s = await setup()
    const post = await submitted(s)
    const later = new Date(Date.now() + 2 * 3_600_000)
    const first = await expireOverduePosts({ db: s.ctx.db, mailEnabled: false }, later)
    expect(first.expired).toBeGreaterThanOrEqual(1)
    const view = await s.app.inject({ method: 'GET', url: `/api/posts/${post.id}`, headers: s.author })
    expect(view.json().status).toBe('expired')
    expect((await variantRows(s, post.id)).map((v) => v.status)).toEqual(['expired', 'expired'])
    const told = await s.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, s.pengelola.id), eq(notifications.kind, 'approval.expired')))
    expect(told).toHaveLength(1)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'post.expire' })
    expect(audit.map((entry) => entry.objectId)).toContain(post.id)
  })

  it('sends a rescheduled approved post back to review when the chain says so, its variants back to pending', async () => {
    const s = await setup()
    const post = await submitted(s)
    const approved = (await decide(s, s.pjHeaders, post.id, 'approve')).json<PostAnswer>()
    const moved = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/reschedule`,
      headers: s.author,
      payload: { version: approved.version, scheduledAt: new Date(Date.now() + 7_200_000).toISOString() },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().status).toBe('in_review')
    const variants = await variantRows(s, post.id)
    expect(variants.map((v) => [v.status, v.nextAttemptAt])).toEqual([
      ['pending', null],
      ['pending', null],
    ])
    // A new round: the earlier approval no longer counts, the approver decides again.
    expect((await decide(s, s.pjHeaders, post.id, 'approve')).json().status).toBe('scheduled')
  })

  it('moves a rescheduled approved post to its new time when the chain does not require approval again', async () => {
    const s = await setup()
    await setChain(s, [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }], {
      rescheduleRequiresApproval: false,
    })
    const post = await submitted(s)
    const approved = (await decide(s, s.pjHeaders, post.id, 'approve')).json<PostAnswer>()
    const at = new Date(Date.now() + 7_200_000).toISOString()
    const moved = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/reschedule`,
      headers: s.author,
      payload: { version: approved.version, scheduledAt: at },
    })
    expect(moved.json().status).toBe('scheduled')
    expect((await variantRows(s, post.id)).map((v) => v.nextAttemptAt?.toISOString())).toEqual([at, at])
  })
})
