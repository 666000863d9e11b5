import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  type TestInstansi,
} from '../../../../tests/support/fixtures.ts'
import { loginAs, type LoginHeaders } from '../../../../tests/support/auth.ts'
import { createInboxAccount, seedInboxItems } from '../../../../tests/support/inbox-fixtures.ts'
import { insertNewItems } from '../../../db/inbox-repository.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { insertReply } from '../../../db/inbox-work-repository.ts'
import { inboxItems, inboxReplies, sandboxInteractions, users } from '../../../db/schema/index.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { pollInboxEvents, startCursor } from '../../../features/inbox/work-events.ts'
import type { Actor } from '../../../features/access/policy.ts'

interface Item {
  id: string
  threadId: string
  status: string
  body: string
  unitId: string
  assignedUserId: string | null
  slaDueAt: string | null
  priority: number
  labels: string[]
  firstResponseAt: string | null
  hiddenAt: string | null
}
interface Page {
  items: Item[]
  next: string | null
}
interface Thread {
  item: Item
  thread: Item[]
  replies: { id: string; status: string; body: string; author: { id: string | null } }[]
  notes: { kind: string; body: string }[]
  history: Item[]
  others: { userId: string; name: string; typing: boolean }[]
  openedAt: string
  actions: { reply: boolean; hide: boolean; delete: boolean; work: boolean; approve: boolean }
  capabilities: { maxTextLength: number } | null
}

const HOUR = 3_600_000

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unitA = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const unitB = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const pjSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
    totpSecret: pjSecret,
  })
  const pengelolaA = await createTestUser(ctx.db, owner, [{ unitId: unitA.id, role: 'pengelola' }])
  const pengelolaA2 = await createTestUser(ctx.db, owner, [{ unitId: unitA.id, role: 'pengelola' }])
  const pengelolaB = await createTestUser(ctx.db, owner, [{ unitId: unitB.id, role: 'pengelola' }])
  const keyring = { secret: ctx.secret, previousSecrets: ctx.previousSecrets }
  const accountA = await createInboxAccount(ctx.db, owner, unitA, pj.id, keyring)
  const accountB = await createInboxAccount(ctx.db, owner, unitB, pj.id, keyring)
  const now = Date.now()
  const itemsA = await seedInboxItems(ctx.db, owner, accountA, [
    {
      text: 'Kapan jadwal vaksinasi di puskesmas?',
      author: 'budi',
      slaDueAt: new Date(now + 5 * HOUR),
      priority: 10,
    },
    {
      text: 'Jalan rusak di depan pasar belum diperbaiki',
      author: 'sari',
      slaDueAt: new Date(now + HOUR),
      priority: 5,
    },
    { text: 'Terima kasih infonya', author: 'tono', slaDueAt: null, priority: 90 },
    { text: 'Mohon info syarat KTP', author: 'rina', slaDueAt: new Date(now + HOUR), priority: 50 },
  ])
  const itemsB = await seedInboxItems(ctx.db, owner, accountB, [
    { text: 'Pertanyaan untuk unit B', author: 'budi', slaDueAt: new Date(now + HOUR), priority: 1 },
  ])
  const session = {
    pj: await loginAs(app, { ...pj, totpSecret: pjSecret }),
    a: await loginAs(app, pengelolaA),
    a2: await loginAs(app, pengelolaA2),
    b: await loginAs(app, pengelolaB),
  }
  return {
    ctx,
    app,
    owner,
    unitA,
    unitB,
    pj,
    pengelolaA,
    pengelolaA2,
    pengelolaB,
    accountA,
    accountB,
    itemsA,
    itemsB,
    session,
  }
}

function get<T>(app: Awaited<ReturnType<typeof buildApp>>, session: LoginHeaders, url: string) {
  return app.inject({ method: 'GET', url, headers: session.headers }).then((response) => ({
    status: response.statusCode,
    body: response.json<T>(),
    raw: response.body,
  }))
}

function post<T>(
  app: Awaited<ReturnType<typeof buildApp>>,
  session: LoginHeaders,
  url: string,
  payload?: unknown,
) {
  return app
    .inject({
      method: 'POST',
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    .then((response) => ({ status: response.statusCode, body: response.json<T>(), raw: response.body }))
}

describe('the inbox list', () => {
  it('orders by SLA due then priority, pages by keyset, and keeps to the caller’s units', async () => {
    const { app, itemsA, itemsB, session } = await setup()
    const first = await get<Page>(app, session.a, '/api/inbox/items?limit=2')
    expect(first.status, first.raw).toBe(200)
    // Due in an hour: priority 50 then 5; then due in five hours; no deadline last.
    expect(first.body.items.map((item) => item.id)).toEqual([itemsA[3]!.id, itemsA[1]!.id])
    expect(first.body.next).not.toBeNull()
    const second = await get<Page>(app, session.a, `/api/inbox/items?limit=2&after=${first.body.next}`)
    expect(second.body.items.map((item) => item.id)).toEqual([itemsA[0]!.id, itemsA[2]!.id])
    expect(second.body.next).toBeNull()

    // One at a time, across the deadline ties and into the items without a deadline: the same order, none twice.
    const walked: string[] = []
    let next: string | null = ''
    while (next !== null && walked.length < 10) {
      const page: { body: Page } = await get<Page>(
        app,
        session.a,
        `/api/inbox/items?limit=1${next ? `&after=${next}` : ''}`,
      )
      walked.push(...page.body.items.map((item) => item.id))
      next = page.body.next
    }
    expect(walked).toEqual([itemsA[3]!.id, itemsA[1]!.id, itemsA[0]!.id, itemsA[2]!.id])

    const b = await get<Page>(app, session.b, '/api/inbox/items')
    expect(b.body.items.map((item) => item.id)).toEqual([itemsB[0]!.id])
    const pj = await get<Page>(app, session.pj, '/api/inbox/items?limit=200')
    expect(pj.status, pj.raw).toBe(200)
    expect(pj.body.items).toHaveLength(5)
  })

  it('filters by text, assignment, hoax match and status, and counts the tabs without the status', async () => {
    const { app, itemsA, session, pengelolaA } = await setup()
    const search = await get<Page>(app, session.a, '/api/inbox/items?q=KTP')
    expect(search.body.items.map((item) => item.id)).toEqual([itemsA[3]!.id])
    expect((await get<Page>(app, session.a, '/api/inbox/items?hoax=true')).body.items).toHaveLength(0)

    await post(app, session.a, `/api/inbox/items/${itemsA[0]!.id}/assign`, { userId: pengelolaA.id })
    await post(app, session.a, `/api/inbox/items/${itemsA[1]!.id}/close`)
    const mine = await get<Page>(app, session.a, '/api/inbox/items?assigned=me')
    expect(mine.body.items.map((item) => item.id)).toEqual([itemsA[0]!.id])
    const closed = await get<Page>(app, session.a, '/api/inbox/items?status=closed')
    expect(closed.body.items.map((item) => item.id)).toEqual([itemsA[1]!.id])
    const unassigned = await get<Page>(app, session.a, '/api/inbox/items?assigned=unassigned')
    expect(unassigned.body.items).toHaveLength(2)

    const counts = await get<{ byStatus: Record<string, number>; mine: number; unassigned: number }>(
      app,
      session.a,
      '/api/inbox/counts?status=closed',
    )
    expect(counts.body).toMatchObject({
      byStatus: { new: 2, open: 1, answered: 0, closed: 1 },
      mine: 1,
      unassigned: 2,
    })
  })

  it('refuses a unit filter outside the caller’s units and a forged page marker', async () => {
    const { app, unitB, session } = await setup()
    expect((await get(app, session.a, `/api/inbox/items?unitId=${unitB.id}`)).status).toBe(403)
    expect((await get(app, session.a, '/api/inbox/items?after=bm9wZQ')).status).toBe(400)
  })
})

describe('a thread', () => {
  it('shows the thread, the citizen’s history on other threads, and who else has it open', async () => {
    const { ctx, owner, app, accountA, itemsA, session, pengelolaA } = await setup()
    // The same citizen commented on another post of the account: another thread.
    await insertNewItems(
      ctx.db,
      {
        instansiId: owner.id,
        accountId: accountA.id,
        platform: 'sandbox',
        unitId: accountA.unit.id,
        unitPath: accountA.unit.path,
      },
      [
        {
          externalId: `lain-${itemsA[0]!.id}`,
          kind: 'comment',
          authorExternalId: 'budi',
          authorHandle: 'budi',
          authorName: null,
          body: 'Pertanyaan lama',
          createdAt: new Date(Date.now() - 48 * HOUR),
          url: null,
          parentExternalId: 'post-lain',
          rootExternalId: 'post-lain',
        },
      ],
      new Date(),
    )
    const view = await get<Thread>(app, session.a, `/api/inbox/items/${itemsA[0]!.id}`)
    expect(view.status, view.raw).toBe(200)
    expect(view.body.thread.map((item) => item.id)).toEqual(itemsA.map((item) => item.id))
    expect(view.body.history.map((item) => item.body)).toEqual(['Pertanyaan lama'])
    expect(view.body.actions).toMatchObject({
      reply: true,
      hide: true,
      delete: true,
      work: true,
      approve: false,
    })
    expect(view.body.capabilities?.maxTextLength).toBeGreaterThan(0)

    const other = await get<Thread>(app, session.a2, `/api/inbox/items/${itemsA[1]!.id}`)
    expect(other.body.others.map((row) => row.userId)).toEqual([pengelolaA.id])
    const typing = await post<{ others: { userId: string }[] }>(
      app,
      session.a,
      `/api/inbox/items/${itemsA[0]!.id}/presence`,
      { typing: true },
    )
    expect(typing.body.others).toHaveLength(1)
    const again = await get<Thread>(app, session.a2, `/api/inbox/items/${itemsA[1]!.id}`)
    expect(again.body.others[0]!.typing).toBe(true)
  })

  it('is not found for a pengelola of another unit, and nothing of it can be done from there', async () => {
    const { app, itemsA, session, pengelolaB } = await setup()
    const id = itemsA[0]!.id
    expect((await get(app, session.b, `/api/inbox/items/${id}`)).status).toBe(404)
    for (const [url, body] of [
      [`/api/inbox/items/${id}/replies`, { text: 'Halo' }],
      [`/api/inbox/items/${id}/notes`, { text: 'Catatan' }],
      [`/api/inbox/items/${id}/assign`, { userId: pengelolaB.id }],
      [`/api/inbox/items/${id}/close`, undefined],
      [`/api/inbox/items/${id}/reopen`, undefined],
      [`/api/inbox/items/${id}/hide`, undefined],
      [`/api/inbox/items/${id}/delete`, undefined],
      [`/api/inbox/items/${id}/presence`, { typing: true }],
      ['/api/inbox/bulk', { action: 'close', ids: [id] }],
    ] as const) {
      const response = await post(app, session.b, url, body)
      expect(response.status, url).toBe(404)
    }
  })
})

describe('replying', () => {
  it('sends through the connector: stored with its platform id, first response set, answered, audited', async () => {
    const { ctx, app, owner, itemsA, session } = await setup()
    const opened = await get<Thread>(app, session.a, `/api/inbox/items/${itemsA[0]!.id}`)
    const sent = await post<{ id: string; status: string; url: string | null }>(
      app,
      session.a,
      `/api/inbox/items/${itemsA[0]!.id}/replies`,
      { text: 'Jadwal vaksinasi setiap Senin, pukul 08.00 WIB.', openedAt: opened.body.openedAt },
    )
    expect(sent.status, sent.raw).toBe(200)
    expect(sent.body.status).toBe('sent')
    const onNetwork = await ctx.db
      .select()
      .from(sandboxInteractions)
      .where(and(eq(sandboxInteractions.parentId, itemsA[0]!.externalId), eq(sandboxInteractions.own, true)))
    expect(onNetwork.map((row) => row.text)).toEqual(['Jadwal vaksinasi setiap Senin, pukul 08.00 WIB.'])
    const view = await get<Thread>(app, session.a, `/api/inbox/items/${itemsA[0]!.id}`)
    expect(view.body.item.status).toBe('answered')
    expect(view.body.item.firstResponseAt).not.toBeNull()
    expect(view.body.replies.map((reply) => reply.status)).toEqual(['sent'])
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'inbox.replied', limit: 5 })
    expect(audit).toHaveLength(1)
  })

  it('asks first when someone else replied since the thread was opened (409 with who and when)', async () => {
    const { app, itemsA, session } = await setup()
    const mine = await get<Thread>(app, session.a2, `/api/inbox/items/${itemsA[0]!.id}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const first = await post(app, session.a, `/api/inbox/items/${itemsA[0]!.id}/replies`, {
      text: 'Balasan pertama',
    })
    expect(first.status, first.raw).toBe(200)
    const second = await post<{ error: { key: string; params: { name: string; at: string } } }>(
      app,
      session.a2,
      `/api/inbox/items/${itemsA[0]!.id}/replies`,
      { text: 'Balasan kedua', openedAt: mine.body.openedAt },
    )
    expect(second.status, second.raw).toBe(409)
    expect(second.body.error.key).toBe('inbox.replied_since_opened')
    expect(second.body.error.params.name).toContain('Pengguna')
    const confirmed = await post(app, session.a2, `/api/inbox/items/${itemsA[0]!.id}/replies`, {
      text: 'Balasan kedua',
      openedAt: mine.body.openedAt,
      confirm: true,
    })
    expect(confirmed.status, confirmed.raw).toBe(200)
  })

  it('refuses an empty or too long reply with what to fix', async () => {
    const { app, itemsA, session } = await setup()
    const empty = await post<{ error: { key: string } }>(
      app,
      session.a,
      `/api/inbox/items/${itemsA[0]!.id}/replies`,
      {
        text: '  ',
      },
    )
    expect(empty.status).toBe(400)
    expect(empty.body.error.key).toBe('inbox.reply_empty')
    const long = await post<{ error: { key: string } }>(
      app,
      session.a,
      `/api/inbox/items/${itemsA[0]!.id}/replies`,
      {
        text: 'a'.repeat(5000),
      },
    )
    expect(long.status).toBe(400)
    expect(long.body.error.key).toBe('inbox.reply_too_long')
  })

  it('sends a trainee’s reply through the penanggung jawab’s approval', async () => {
    const { ctx, app, itemsA, session, pengelolaA } = await setup()
    await ctx.db.update(users).set({ trainingMode: true }).where(eq(users.id, pengelolaA.id))
    const pending = await post<{ id: string; status: string }>(
      app,
      session.a,
      `/api/inbox/items/${itemsA[0]!.id}/replies`,
      { text: 'Balasan peserta latihan' },
    )
    expect(pending.status, pending.raw).toBe(200)
    expect(pending.body.status).toBe('pending')
    // Nothing on the network yet, and the trainee may not approve their own.
    const before = await ctx.db
      .select()
      .from(sandboxInteractions)
      .where(eq(sandboxInteractions.parentId, itemsA[0]!.externalId))
    expect(before).toHaveLength(0)
    // The penanggung jawab finds what waits for them.
    const waiting = await get<Page>(app, session.pj, '/api/inbox/items?pendingReply=true')
    expect(waiting.body.items.map((row) => row.id)).toEqual([itemsA[0]!.id])
    expect((await post(app, session.a, `/api/inbox/replies/${pending.body.id}/approve`)).status).toBe(403)
    const approved = await post<{ status: string }>(
      app,
      session.pj,
      `/api/inbox/replies/${pending.body.id}/approve`,
    )
    expect(approved.status, approved.raw).toBe(200)
    expect(approved.body.status).toBe('sent')
    const after = await ctx.db
      .select()
      .from(sandboxInteractions)
      .where(eq(sandboxInteractions.parentId, itemsA[0]!.externalId))
    expect(after.map((row) => row.text)).toEqual(['Balasan peserta latihan'])
    expect((await post(app, session.pj, `/api/inbox/replies/${pending.body.id}/reject`)).status).toBe(409)
  })

  it('retries a failed reply from the thread: shown with its reason, sent again, audited, refused elsewhere', async () => {
    const { ctx, app, owner, itemsA, session, pengelolaA } = await setup()
    const item = itemsA[0]!
    const failed = await insertReply(
      ctx.db,
      {
        instansiId: owner.id,
        itemId: item.id,
        threadId: item.threadId,
        authorUserId: pengelolaA.id,
        body: 'Jadwal vaksinasi Senin pukul 08.00.',
        status: 'failed',
      },
      new Date(),
    )
    await ctx.db
      .update(inboxReplies)
      .set({ errorKind: 'unavailable', errorKey: 'inbox.reply_failed_unavailable', errorParams: {} })
      .where(eq(inboxReplies.id, failed.id))
    const shown = await get<{
      replies: { id: string; status: string; errorKind: string; reason: unknown }[]
    }>(app, session.a, `/api/inbox/items/${item.id}`)
    expect(shown.body.replies[0]).toMatchObject({
      status: 'failed',
      errorKind: 'unavailable',
      reason: { key: 'inbox.reply_failed_unavailable', params: {} },
    })
    // A pengelola of another unit cannot see it, so cannot retry it.
    expect((await post(app, session.b, `/api/inbox/replies/${failed.id}/retry`, {})).status).toBe(404)
    const retried = await post<{ status: string; attempts: number }>(
      app,
      session.a,
      `/api/inbox/replies/${failed.id}/retry`,
      {},
    )
    expect(retried.status, retried.raw).toBe(200)
    expect(retried.body).toMatchObject({ status: 'sent', attempts: 1 })
    const onNetwork = await ctx.db
      .select()
      .from(sandboxInteractions)
      .where(and(eq(sandboxInteractions.parentId, item.externalId), eq(sandboxInteractions.own, true)))
    expect(onNetwork.map((row) => row.id)).toEqual([failed.id])
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'inbox.reply_retried', limit: 5 })
    expect(audit).toHaveLength(1)
    const again = await post<{ error: { key: string } }>(
      app,
      session.a,
      `/api/inbox/replies/${failed.id}/retry`,
      {},
    )
    expect(again.status).toBe(409)
    expect(again.body.error.key).toBe('inbox.reply_not_retriable')
  })
})

describe('moderation, notes, assignment, closing and bulk', () => {
  it('hides where the platform allows it and refuses with a clear code where it does not', async () => {
    const { ctx, app, owner, itemsA, unitA, accountA, session } = await setup()
    const hidden = await post<Item>(app, session.a, `/api/inbox/items/${itemsA[2]!.id}/hide`)
    expect(hidden.status, hidden.raw).toBe(200)
    expect(hidden.body.hiddenAt).not.toBeNull()
    const onNetwork = await ctx.db
      .select()
      .from(sandboxInteractions)
      .where(eq(sandboxInteractions.id, itemsA[2]!.externalId))
    expect(onNetwork[0]!.hiddenAt).not.toBeNull()
    // A Bluesky item: Bluesky cannot delete someone else's reply.
    const [bluesky] = await insertNewItems(
      ctx.db,
      {
        instansiId: owner.id,
        accountId: accountA.id,
        platform: 'bluesky',
        unitId: unitA.id,
        unitPath: unitA.path,
      },
      [
        {
          externalId: 'at://did:plc:warga/app.bsky.feed.post/1',
          kind: 'reply',
          authorExternalId: 'did:plc:warga',
          authorHandle: 'warga.bsky.social',
          authorName: null,
          body: 'Komentar kasar',
          createdAt: new Date(),
          url: null,
          parentExternalId: null,
          rootExternalId: null,
        },
      ],
      new Date(),
    )
    const refused = await post<{ error: { key: string } }>(
      app,
      session.a,
      `/api/inbox/items/${bluesky!.id}/delete`,
    )
    expect(refused.status).toBe(409)
    expect(refused.body.error.key).toBe('inbox.action_not_supported')
    const view = await get<Thread>(app, session.a, `/api/inbox/items/${bluesky!.id}`)
    expect(view.body.actions).toMatchObject({ delete: false, hide: true })
  })

  it('assigns within scope with a hand-over note, refuses someone who cannot see the unit, closes and reopens', async () => {
    const { app, itemsA, session, pengelolaA2, pengelolaB, unitB } = await setup()
    const id = itemsA[0]!.id
    const outside = await post<{ error: { key: string } }>(app, session.a, `/api/inbox/items/${id}/assign`, {
      userId: pengelolaB.id,
    })
    expect(outside.status).toBe(409)
    expect(outside.body.error.key).toBe('inbox.assignee_out_of_scope')
    // A pengelola of A cannot hand it to unit B (not one of theirs).
    expect((await post(app, session.a, `/api/inbox/items/${id}/assign`, { unitId: unitB.id })).status).toBe(
      403,
    )
    const assigned = await post<Item>(app, session.a, `/api/inbox/items/${id}/assign`, {
      userId: pengelolaA2.id,
      note: 'Tolong dijawab, saya cuti besok.',
    })
    expect(assigned.status, assigned.raw).toBe(200)
    expect(assigned.body).toMatchObject({ assignedUserId: pengelolaA2.id, status: 'open' })
    await post(app, session.a, `/api/inbox/items/${id}/notes`, { text: 'Sudah dicek ke puskesmas.' })
    const view = await get<Thread>(app, session.a, `/api/inbox/items/${id}`)
    expect(view.body.notes.map((note) => [note.kind, note.body])).toEqual([
      ['handover', 'Tolong dijawab, saya cuti besok.'],
      ['note', 'Sudah dicek ke puskesmas.'],
    ])
    expect((await post<Item>(app, session.a, `/api/inbox/items/${id}/close`)).body.status).toBe('closed')
    expect((await post<Item>(app, session.a, `/api/inbox/items/${id}/reopen`)).body.status).toBe('open')

    // The penanggung jawab hands it to unit B: the assignee of A cannot see it there, so it is nobody's.
    const handed = await post<Item>(app, session.pj, `/api/inbox/items/${id}/assign`, { unitId: unitB.id })
    expect(handed.body).toMatchObject({ unitId: unitB.id, assignedUserId: null })
    expect((await get(app, session.a, `/api/inbox/items/${id}`)).status).toBe(404)
    expect((await get(app, session.b, `/api/inbox/items/${id}`)).status).toBe(200)
  })

  it('labels and closes in bulk, all or nothing', async () => {
    const { app, itemsA, itemsB, session } = await setup()
    const ids = [itemsA[0]!.id, itemsA[1]!.id]
    const labelled = await post<{ count: number }>(app, session.a, '/api/inbox/bulk', {
      action: 'label',
      ids,
      add: ['vaksin'],
    })
    expect(labelled.body.count).toBe(2)
    expect((await get<Page>(app, session.a, '/api/inbox/items?label=vaksin')).body.items).toHaveLength(2)
    // One item of another unit refuses the whole batch.
    const mixed = await post(app, session.a, '/api/inbox/bulk', {
      action: 'close',
      ids: [...ids, itemsB[0]!.id],
    })
    expect(mixed.status).toBe(404)
    expect((await get<Page>(app, session.a, '/api/inbox/items?status=closed')).body.items).toHaveLength(0)
    const closed = await post<{ count: number }>(app, session.a, '/api/inbox/bulk', { action: 'close', ids })
    expect(closed.body.count).toBe(2)
    expect((await get<Page>(app, session.a, '/api/inbox/items?status=closed')).body.items).toHaveLength(2)
  })

  it('saves views per user', async () => {
    const { app, session } = await setup()
    const saved = await post<{ id: string }>(app, session.a, '/api/inbox/views', {
      name: 'Vaksin saya',
      query: 'assigned=me&q=vaksin',
    })
    expect(saved.status, saved.raw).toBe(200)
    expect((await get<{ items: unknown[] }>(app, session.a, '/api/inbox/views')).body.items).toHaveLength(1)
    expect((await get<{ items: unknown[] }>(app, session.a2, '/api/inbox/views')).body.items).toHaveLength(0)
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/inbox/views/${saved.body.id}`,
      headers: session.a2.headers,
    })
    expect(gone.statusCode).toBe(404)
  })
})

describe('live updates', () => {
  function actorOf(owner: TestInstansi, userId: string, unit: { id: string; path: string }): Actor {
    return {
      userId,
      instansiId: owner.id,
      label: 'uji',
      via: 'session',
      grants: [{ unitId: unit.id, unitPath: unit.path, role: 'pengelola' }],
    }
  }

  it('a pengelola of unit A receives A’s changes and presence, never unit B’s', async () => {
    const { ctx, app, owner, unitA, unitB, itemsA, itemsB, session, pengelolaA, pengelolaB } = await setup()
    const deps = { db: ctx.db, clock: ctx.clock }
    const since = new Date(Date.now() - 1000)
    const cursorA = startCursor(since)
    const cursorB = startCursor(since)
    const actorA = actorOf(owner, pengelolaA.id, unitA)
    const actorB = actorOf(owner, pengelolaB.id, unitB)
    // The first look after connecting sees what was seeded in the last second (the overlap window).
    await pollInboxEvents(deps, actorA, cursorA)
    await pollInboxEvents(deps, actorB, cursorB)
    await post(app, session.pj, `/api/inbox/items/${itemsB[0]!.id}/close`)
    await post(app, session.a2, `/api/inbox/items/${itemsA[1]!.id}/close`)
    await get(app, session.pj, `/api/inbox/items/${itemsB[0]!.id}`)
    const eventsA = await pollInboxEvents(deps, actorA, cursorA)
    const eventsB = await pollInboxEvents(deps, actorB, cursorB)
    const itemIds = (events: typeof eventsA) =>
      events.flatMap((event) => (event.type === 'item' ? [event.item.id] : []))
    expect(itemIds(eventsA)).toEqual([itemsA[1]!.id])
    expect(
      eventsA.some((event) => event.type === 'presence' && event.presence.itemId === itemsB[0]!.id),
    ).toBe(false)
    expect(itemIds(eventsB)).toEqual([itemsB[0]!.id])
    expect(
      eventsB.some((event) => event.type === 'presence' && event.presence.itemId === itemsB[0]!.id),
    ).toBe(true)
    // Nothing twice.
    expect(itemIds(await pollInboxEvents(deps, actorA, cursorA))).toEqual([])
    void (await ctx.db.select().from(inboxItems).where(eq(inboxItems.id, itemsA[0]!.id)))
  })

  it('streams over HTTP as text/event-stream, and a pengelola of unit B never hears of unit A', async () => {
    const { ctx, itemsA, itemsB, session } = await setup()
    const app = await buildApp(ctx, { platforms: { inboxEvents: { pollMs: 50, lifetimeMs: 5000 } } })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const listen = async (cookie: string) => {
      const controller = new AbortController()
      const response = await fetch(`${address}/api/inbox/events`, {
        headers: { cookie },
        signal: controller.signal,
      })
      expect(response.headers.get('content-type')).toContain('text/event-stream')
      return { controller, reader: response.body!.getReader(), text: '' }
    }
    const readUntil = async (stream: Awaited<ReturnType<typeof listen>>, needle: string) => {
      const deadline = Date.now() + 4000
      while (!stream.text.includes(needle) && Date.now() < deadline) {
        const chunk = await stream.reader.read()
        if (chunk.done) break
        stream.text += new TextDecoder().decode(chunk.value)
      }
      stream.controller.abort()
      return stream.text
    }
    try {
      const a = await listen(session.a2.cookie)
      const b = await listen(session.b.cookie)
      // A's change first, then B's: were A's to leak to B, it would come before B's own.
      await app.inject({
        method: 'POST',
        url: `/api/inbox/items/${itemsA[0]!.id}/close`,
        headers: session.a.headers,
      })
      await app.inject({
        method: 'POST',
        url: `/api/inbox/items/${itemsA[1]!.id}/presence`,
        headers: session.a.headers,
        payload: { typing: true },
      })
      await new Promise((resolve) => setTimeout(resolve, 20))
      await app.inject({
        method: 'POST',
        url: `/api/inbox/items/${itemsB[0]!.id}/close`,
        headers: session.b.headers,
      })
      const heardByA = await readUntil(a, itemsA[0]!.id)
      const heardByB = await readUntil(b, itemsB[0]!.id)
      expect(heardByA).toContain('event: item')
      expect(heardByA).toContain(itemsA[0]!.id)
      expect(heardByB).toContain(itemsB[0]!.id)
      expect(heardByB).not.toContain(itemsA[0]!.id)
      expect(heardByB).not.toContain(itemsA[1]!.id)
      expect(heardByB).not.toContain('event: presence')
    } finally {
      await app.close()
    }
  })
})
