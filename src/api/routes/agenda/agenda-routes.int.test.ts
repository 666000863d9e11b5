// The digital agenda end to end through the API: issuing an item with its fan-out to a subtree and a unit,
// notifying the pengelola, each unit seeing its own rows, adapting a prefilled draft that goes through the unit's
// approval chain, reposting the central post, and the board's done / late / not started and reach.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import sharp from 'sharp'
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
import type { Db } from '../../../db/client.ts'
import { accounts, agendaItems, notifications, postVariants, posts } from '../../../db/schema/index.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

async function createAccount(db: Db, instansiId: string, unitId: string, pjId: string) {
  const id = randomUUID()
  const handle = `humas${uniqueSuffix()}`
  await db.insert(accounts).values({
    id,
    instansiId,
    unitId,
    platform: 'sandbox',
    handle,
    url: `https://sandbox.warta.local/@${handle}`,
    penanggungJawabUserId: pjId,
  })
  return id
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES${uniqueSuffix()}`)
  const puskesmas = await createTestUnit(ctx.db, owner, dinkes, `PKM${uniqueSuffix()}`)
  const dishub = await createTestUnit(ctx.db, owner, owner.rootUnit, `DISHUB${uniqueSuffix()}`)
  const secret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
      totpSecret: secret,
    })),
    totpSecret: secret,
  }
  const pengelolaDinkes = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const pengelolaDishub = await createTestUser(ctx.db, owner, [{ unitId: dishub.id, role: 'pengelola' }])
  const dinkesAccount = await createAccount(ctx.db, owner.id, dinkes.id, pj.id)
  const dishubAccount = await createAccount(ctx.db, owner.id, dishub.id, pj.id)
  const rootAccount = await createAccount(ctx.db, owner.id, owner.rootUnit.id, pj.id)
  return {
    ctx,
    app,
    owner,
    dinkes,
    puskesmas,
    dishub,
    pj,
    pengelolaDinkes,
    pengelolaDishub,
    dinkesAccount,
    dishubAccount,
    rootAccount,
    pjHeaders: (await loginAs(app, pj)).headers,
    dinkesHeaders: (await loginAs(app, pengelolaDinkes)).headers,
    dishubHeaders: (await loginAs(app, pengelolaDishub)).headers,
  }
}
type Setup = Awaited<ReturnType<typeof setup>>

interface BoardAnswer {
  id: string
  status: string
  canManage: boolean
  media: Array<{ mediaId: string }>
  centralPost: { id: string; url: string | null } | null
  totals: { tasks: number; done: number; late: number; inProgress: number; notStarted: number; reach: number }
  rows: Array<{
    taskId: string
    unit: { id: string }
    account: { id: string } | null
    state: string
    boardStatus: string
    reach: number
    canWork: boolean
    posts: Array<{ id: string; mode: string }>
  }>
  assigned?: { added: number; skipped: number }
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

async function issue(s: Setup, payload: Record<string, unknown> = {}) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/agenda',
    headers: s.pjHeaders,
    payload: {
      unitId: s.owner.rootUnit.id,
      title: `Gerakan imunisasi ${uniqueSuffix()}`,
      keyMessages: ['Imunisasi campak gratis di puskesmas.', 'Bawa buku KIA anak Anda.'],
      source: 'Siaran pers Dinas Kesehatan',
      deadline: inDays(2),
      targets: { subtreeUnitIds: [s.dinkes.id], unitIds: [s.dishub.id] },
      ...payload,
    },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<BoardAnswer>()
}

async function board(s: Setup, id: string, headers = s.pjHeaders) {
  const response = await s.app.inject({ method: 'GET', url: `/api/agenda/${id}`, headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<BoardAnswer>()
}

function rowOf(answer: BoardAnswer, unitId: string) {
  const row = answer.rows.find((found) => found.unit.id === unitId && !found.account)
  expect(row, `a row for unit ${unitId}`).toBeDefined()
  return row!
}

async function start(s: Setup, taskId: string, mode: 'adapt' | 'repost', headers = s.dinkesHeaders) {
  return s.app.inject({
    method: 'POST',
    url: `/api/agenda/tasks/${taskId}/start`,
    headers,
    payload: { mode },
  })
}

async function publishVariants(
  s: Setup,
  postId: string,
  publishedAt: Date,
  metrics: Record<string, number | null>,
) {
  await s.ctx.db
    .update(postVariants)
    .set({
      status: 'published',
      publishedAt,
      platformPostUrl: `https://sandbox.warta.local/p/${postId}`,
      metrics: { likes: null, shares: null, replies: null, quotes: null, views: null, ...metrics },
      metricsAt: publishedAt,
    })
    .where(and(eq(postVariants.instansiId, s.owner.id), eq(postVariants.postId, postId)))
  await s.ctx.db
    .update(posts)
    .set({ status: 'published' })
    .where(and(eq(posts.instansiId, s.owner.id), eq(posts.id, postId)))
}

describe('agenda routes', () => {
  it('fans an item out to a subtree and a unit, audits it, notifies the pengelola and skips units handed out twice', async () => {
    const s = await setup()
    const item = await issue(s)
    expect(item.assigned).toEqual({ added: 3, skipped: 0 })
    expect(item.rows.map((row) => row.unit.id).sort()).toEqual(
      [s.dinkes.id, s.puskesmas.id, s.dishub.id].sort(),
    )
    expect(item.totals).toMatchObject({ tasks: 3, notStarted: 3, done: 0, late: 0, reach: 0 })
    expect(item.rows.every((row) => row.state === 'not_started')).toBe(true)

    const again = await s.app.inject({
      method: 'POST',
      url: `/api/agenda/${item.id}/tasks`,
      headers: s.pjHeaders,
      payload: { unitIds: [s.dishub.id], accountIds: [s.dishubAccount] },
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json<BoardAnswer>().assigned).toEqual({ added: 1, skipped: 1 })

    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'agenda_item' })
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'agenda_item.assign',
      'agenda_item.assign',
      'agenda_item.create',
    ])

    const notified = await s.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.instansiId, s.owner.id), eq(notifications.recipientId, s.pengelolaDinkes.id)),
      )
    // DINKES and the puskesmas below it: the pengelola's role covers both.
    expect(notified).toHaveLength(2)
    expect(notified[0]).toMatchObject({ kind: 'agenda.task_assigned', link: `/agenda/${item.id}` })
  })

  it("refuses issuing to a pengelola and handing out beyond the manager's units", async () => {
    const s = await setup()
    const byPengelola = await s.app.inject({
      method: 'POST',
      url: '/api/agenda',
      headers: s.dinkesHeaders,
      payload: { unitId: s.dinkes.id, title: 'Tidak boleh', keyMessages: ['x'], deadline: inDays(1) },
    })
    expect(byPengelola.statusCode).toBe(403)

    const secret = generateTotpSecret()
    const unitPj = await createTestUser(
      s.ctx.db,
      s.owner,
      [{ unitId: s.dinkes.id, role: 'penanggung_jawab' }],
      {
        totpSecret: secret,
      },
    )
    const unitPjHeaders = (await loginAs(s.app, { ...unitPj, totpSecret: secret })).headers
    const outside = await s.app.inject({
      method: 'POST',
      url: '/api/agenda',
      headers: unitPjHeaders,
      payload: {
        unitId: s.dinkes.id,
        title: 'Agenda dinas',
        keyMessages: ['Pesan'],
        deadline: inDays(1),
        targets: { unitIds: [s.puskesmas.id, s.dishub.id] },
      },
    })
    expect(outside.statusCode, outside.body).toBe(400)
    expect(outside.json<{ error: { details: Record<string, { key: string }> } }>().error.details).toEqual({
      'targets.unitIds.1': expect.objectContaining({ key: 'agenda.target_not_allowed' }),
    })
    const past = await s.app.inject({
      method: 'POST',
      url: '/api/agenda',
      headers: s.pjHeaders,
      payload: { unitId: s.owner.rootUnit.id, title: 'Lewat', keyMessages: [' '], deadline: inDays(-1) },
    })
    expect(past.statusCode).toBe(400)
    expect(Object.keys(past.json<{ error: { details: object } }>().error.details).sort()).toEqual([
      'deadline',
      'keyMessages',
    ])
  })

  it('shows a unit only its own rows, and adapting makes a prefilled draft whose approval moves the task on', async () => {
    const s = await setup()
    const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a6' } })
      .png()
      .toBuffer()
    const media = await s.app.inject({
      method: 'POST',
      url: '/api/media?name=poster.png',
      headers: { ...s.pjHeaders, 'content-type': 'image/png' },
      payload: image,
    })
    expect(media.statusCode, media.body).toBe(200)
    const mediaId = media.json<{ id: string }>().id
    const item = await issue(s, { mediaIds: [mediaId] })
    expect(item.media.map((found) => found.mediaId)).toEqual([mediaId])

    const list = await s.app.inject({ method: 'GET', url: '/api/agenda', headers: s.dishubHeaders })
    expect(list.json<{ items: Array<{ id: string }>; canCreate: boolean }>()).toMatchObject({
      items: [{ id: item.id }],
      canCreate: false,
    })
    const seenByDishub = await board(s, item.id, s.dishubHeaders)
    expect(seenByDishub.rows.map((row) => row.unit.id)).toEqual([s.dishub.id])
    expect(seenByDishub.canManage).toBe(false)

    const seenByDinkes = await board(s, item.id, s.dinkesHeaders)
    expect(seenByDinkes.rows.map((row) => row.unit.id).sort()).toEqual([s.dinkes.id, s.puskesmas.id].sort())
    const task = rowOf(seenByDinkes, s.dinkes.id)
    expect(task.canWork).toBe(true)

    const notTheirs = await start(s, task.taskId, 'adapt', s.dishubHeaders)
    expect(notTheirs.statusCode).toBe(403)

    const started = await start(s, task.taskId, 'adapt')
    expect(started.statusCode, started.body).toBe(200)
    const { postId } = started.json<{ postId: string }>()
    const twice = await start(s, task.taskId, 'adapt')
    expect(twice.statusCode).toBe(409)

    const draft = await s.app.inject({ method: 'GET', url: `/api/posts/${postId}`, headers: s.dinkesHeaders })
    expect(draft.json()).toMatchObject({
      status: 'draft',
      unit: { id: s.dinkes.id },
      baseText: 'Imunisasi campak gratis di puskesmas.\n\nBawa buku KIA anak Anda.',
      source: 'Siaran pers Dinas Kesehatan',
      variants: [{ accountId: s.dinkesAccount, media: [{ mediaId }] }],
    })
    expect(rowOf(await board(s, item.id), s.dinkes.id)).toMatchObject({
      state: 'drafting',
      boardStatus: 'in_progress',
      posts: [{ id: postId, mode: 'adapt' }],
      canWork: false,
    })

    // The author writes the image's alt text, then submits through the unit's approval chain.
    const version = draft.json<{ version: number }>().version
    const edited = await s.app.inject({
      method: 'PUT',
      url: `/api/posts/${postId}`,
      headers: s.dinkesHeaders,
      payload: {
        version,
        unitId: s.dinkes.id,
        title: 'Imunisasi campak gratis',
        baseText: 'Imunisasi campak gratis di puskesmas Kecamatan. Bawa buku KIA anak Anda.',
        targets: [s.dinkesAccount],
        variants: [{ accountId: s.dinkesAccount, media: [{ mediaId, altText: 'Poster imunisasi campak' }] }],
      },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const submitted = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${postId}/submit`,
      headers: s.dinkesHeaders,
      payload: { version: edited.json<{ version: number }>().version },
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(rowOf(await board(s, item.id), s.dinkes.id).state).toBe('in_review')

    const approved = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${postId}/approve`,
      headers: s.pjHeaders,
      payload: {},
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(rowOf(await board(s, item.id), s.dinkes.id)).toMatchObject({
      state: 'in_review',
      boardStatus: 'in_progress',
    })

    await publishVariants(s, postId, new Date(), { views: 1200, likes: 40 })
    const done = await board(s, item.id)
    expect(rowOf(done, s.dinkes.id)).toMatchObject({ state: 'done', boardStatus: 'done', reach: 1200 })
    expect(done.totals).toMatchObject({ tasks: 3, done: 1, notStarted: 2, reach: 1200 })

    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'agenda_task' })
    expect(audit.map((entry) => [entry.action, entry.objectId])).toEqual([['agenda_task.start', task.taskId]])
  })

  it('lets the manager change the narrative, audited, and refuses it to a pengelola', async () => {
    const s = await setup()
    const item = await issue(s)
    const change = {
      unitId: s.owner.rootUnit.id,
      title: 'Gerakan imunisasi campak serentak',
      keyMessages: ['Imunisasi campak gratis 1–14 Desember.'],
      deadline: inDays(3),
    }
    const byPengelola = await s.app.inject({
      method: 'PUT',
      url: `/api/agenda/${item.id}`,
      headers: s.dinkesHeaders,
      payload: change,
    })
    expect(byPengelola.statusCode).toBe(403)
    const changed = await s.app.inject({
      method: 'PUT',
      url: `/api/agenda/${item.id}`,
      headers: s.pjHeaders,
      payload: change,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ title: change.title, keyMessages: change.keyMessages, source: '' })
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'agenda_item.update' })
    expect(audit.map((entry) => entry.objectId)).toEqual([item.id])
  })

  it('frees a task again when its draft is deleted, so the unit can start over', async () => {
    const s = await setup()
    const item = await issue(s, { targets: { unitIds: [s.dinkes.id] } })
    const task = rowOf(item, s.dinkes.id)
    const started = await start(s, task.taskId, 'adapt')
    expect(started.statusCode, started.body).toBe(200)
    const deleted = await s.app.inject({
      method: 'DELETE',
      url: `/api/posts/${started.json<{ postId: string }>().postId}`,
      headers: s.dinkesHeaders,
    })
    expect(deleted.statusCode, deleted.body).toBe(200)
    expect(rowOf(await board(s, item.id, s.dinkesHeaders), s.dinkes.id)).toMatchObject({
      state: 'not_started',
      posts: [],
      canWork: true,
    })
    expect((await start(s, task.taskId, 'adapt')).statusCode).toBe(200)
  })

  it('reposts the central post with its link, and counts a late unit and interactions where there are no views', async () => {
    const s = await setup()
    const central = await s.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: s.pjHeaders,
      payload: {
        unitId: s.owner.rootUnit.id,
        title: 'Imunisasi campak',
        baseText: 'Ayo imunisasi campak gratis bulan ini.',
        targets: [s.rootAccount],
      },
    })
    expect(central.statusCode, central.body).toBe(200)
    const centralId = central.json<{ id: string }>().id
    const item = await issue(s, { centralPostId: centralId })
    expect(item.centralPost).toEqual({ id: centralId, title: 'Imunisasi campak', url: null })

    const dishubTask = rowOf(item, s.dishub.id)
    const tooEarly = await start(s, dishubTask.taskId, 'repost', s.dishubHeaders)
    expect(tooEarly.statusCode).toBe(409)
    expect(tooEarly.json<{ error: { key: string } }>().error.key).toBe('agenda.no_central_post')

    await publishVariants(s, centralId, new Date(), { views: 5000 })
    const reposted = await start(s, dishubTask.taskId, 'repost', s.dishubHeaders)
    expect(reposted.statusCode, reposted.body).toBe(200)
    const repostId = reposted.json<{ postId: string }>().postId
    const draft = await s.app.inject({
      method: 'GET',
      url: `/api/posts/${repostId}`,
      headers: s.dishubHeaders,
    })
    expect(draft.json()).toMatchObject({
      baseText: `Ayo imunisasi campak gratis bulan ini.\n\nhttps://sandbox.warta.local/p/${centralId}`,
      variants: [{ accountId: s.dishubAccount }],
    })

    // Published three days after a deadline of two days: late; a platform without views counts interactions.
    await publishVariants(s, repostId, new Date(Date.now() + 3 * 86_400_000), {
      likes: 7,
      shares: 2,
      replies: 1,
    })
    // The deadline passes for the units that never started.
    await s.ctx.db
      .update(agendaItems)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(and(eq(agendaItems.instansiId, s.owner.id), eq(agendaItems.id, item.id)))
    const after = await board(s, item.id)
    expect(rowOf(after, s.dishub.id)).toMatchObject({ state: 'done', boardStatus: 'late', reach: 10 })
    expect(rowOf(after, s.dinkes.id)).toMatchObject({ state: 'not_started', boardStatus: 'late' })
    expect(after.totals).toMatchObject({ tasks: 3, done: 0, late: 3, reach: 10 })

    const closed = await s.app.inject({
      method: 'POST',
      url: `/api/agenda/${item.id}/close`,
      headers: s.pjHeaders,
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json<BoardAnswer>().rows.every((row) => !row.canWork)).toBe(true)
    const afterClose = await start(s, rowOf(after, s.dinkes.id).taskId, 'adapt')
    expect(afterClose.statusCode).toBe(409)
  })
})
