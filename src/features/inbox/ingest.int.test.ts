import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import type { Interaction } from '../../connectors/connector.ts'
import { SANDBOX_HOT_POLLING } from '../../connectors/sandbox/sandbox-connector.ts'
import type { WebhookEvent } from '../../connectors/webhook.ts'
import { duePolls } from '../../db/inbox-ingest-repository.ts'
import { getCursor, insertNewItems } from '../../db/inbox-repository.ts'
import { inboxItems } from '../../db/schema/index.ts'
import { insertAccount } from '../../db/accounts-repository.ts'
import { revokeSandboxToken } from '../../db/sandbox-accounts-repository.ts'
import { insertWebhookDelivery } from '../../db/webhook-deliveries-repository.ts'
import { rowsOf } from '../../db/sql-helpers.ts'
import { runForAccount } from '../connections/account-connector.ts'
import { connectAccount, getConnectionHealth } from '../connections/manage-connections.ts'
import { loadActor } from '../identity/load-actor.ts'
import { commentAsCitizen } from '../sandbox/sandbox-network-store.ts'
import { processWebhookDelivery } from '../webhooks/process-webhook-delivery.ts'
import { WAVE_AUTHORS, WAVE_LABEL } from './classify-items.ts'
import { publishVariant, type PublishDeps } from '../publishing/publish-variant.ts'
import {
  BACKFILL_HORIZON_MS,
  HOT_FALLBACK_MS,
  HOT_WITHIN_MS,
  nextPollAfterSuccess,
  pollAccount,
  POLL_INTERVALS,
  watchForReplies,
  type IngestDeps,
} from './ingest-poll.ts'
import { classifyLeftovers, schedulePolls } from './ingest-sweep.ts'

async function setup() {
  const ctx = await getTestContext()
  const clock = handClock(new Date())
  const deps: IngestDeps = { ...ctx, config: { sandboxFaults: false }, clock }
  const owner = await createTestInstansi(ctx.db)
  const pj = await createPenanggungJawab(ctx.db, owner)
  const account = await createConnectedSandboxAccount(ctx.db, owner, pj, ctx)
  const post = await runForAccount(deps, owner.id, account.id, (connector) =>
    connector.publish({ idempotencyKey: `inbox-${uniqueSuffix()}`, text: 'Jadwal vaksinasi.', media: [] }),
  )
  const comment = (text: string, authorHandle = `warga.${uniqueSuffix()}`) =>
    commentAsCitizen({ db: ctx.db, clock }, owner.id, post.platformPostId, { text, authorHandle })
  const items = () =>
    ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.instansiId, owner.id), eq(inboxItems.accountId, account.id)))
      .orderBy(inboxItems.createdAt, inboxItems.externalId)
  return { ctx, deps, clock, owner, pj, account, post, comment, items }
}

/** The poll-inbox jobs the account's runs asked for, oldest first (start_after null: at once). */
async function pollJobs(s: Awaited<ReturnType<typeof setup>>) {
  const rows = rowsOf<{ start_after: string | Date | null; created_at: string | Date }>(
    await s.ctx.db.execute(
      sql`select start_after, created_at from job_outbox where name = 'poll-inbox' and payload->>'accountId' = ${s.account.id} order by created_at`,
    ),
  )
  return rows.map((row) => ({ startAfter: row.start_after === null ? null : new Date(row.start_after) }))
}

describe('inbox ingestion from the sandbox network', () => {
  it('stores, classifies and threads what citizens wrote, once, and reads on from the cursor', async () => {
    const s = await setup()
    await s.comment('Kapan jadwal vaksinasi booster di puskesmas kecamatan?')
    s.clock.advance(1_000)
    await s.comment('Terima kasih infonya min, sangat membantu')
    s.clock.advance(1_000)

    const first = await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    expect(first).toMatchObject({ stored: 2, caughtUp: true })
    expect(first.failed).toBeUndefined()
    const stored = await s.items()
    expect(stored).toHaveLength(2)
    for (const item of stored) {
      expect(item.classifiedAt).not.toBeNull()
      expect(item.intent).not.toBeNull()
      expect(item.unitId).toBe(s.owner.rootUnit.id)
      expect(item.rootExternalId).toBe(s.post.platformPostId)
      expect(item.threadId).toBe(stored[0]!.threadId)
    }
    // The question outranks the thanks.
    expect(stored[0]!.priority).toBeGreaterThan(stored[1]!.priority)
    const cursor = await getCursor(s.ctx.db, s.account.id)
    expect(cursor?.backfilledAt).not.toBeNull()
    expect(cursor?.cursor).not.toBeNull()
    expect(cursor?.nextPollAt?.getTime()).toBeGreaterThan(s.clock.now().getTime())

    // Nothing new: nothing stored twice.
    expect(await pollAccount(s.deps, s.owner.id, s.account.id)).toMatchObject({ stored: 0, caughtUp: true })
    await s.comment('Lokasi vaksinnya di mana ya?')
    expect(await pollAccount(s.deps, s.owner.id, s.account.id)).toMatchObject({ stored: 1 })
    expect(await s.items()).toHaveLength(3)
  })

  it('reads page after page until it caught up, asking for no further run at once', async () => {
    const s = await setup()
    for (let i = 0; i < 120; i++) await s.comment(`Komentar warga nomor ${i} tentang jalan rusak`)
    // The sandbox connector reads 50 a page: three pages, then one empty read that says it caught up.
    const result = await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    expect(result).toMatchObject({ stored: 120, caughtUp: true, pages: 4 })
    // Citizens are writing, so the account is hot: its next poll comes in seconds, not at once.
    const jobs = await pollJobs(s)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.startAfter!.getTime()).toBeGreaterThan(s.clock.now().getTime())
  })

  it('leaves out what is older than the backfill horizon on the first read, and nothing later', async () => {
    const s = await setup()
    s.clock.advance(-BACKFILL_HORIZON_MS - 60_000)
    await s.comment('Komentar lama sekali dari bulan lalu')
    s.clock.advance(BACKFILL_HORIZON_MS + 60_000)
    await s.comment('Komentar baru hari ini')
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    expect((await s.items()).map((item) => item.body)).toEqual(['Komentar baru hari ini'])
  })

  it('folds the same text from one author as a duplicate and a wave from many authors into its first', async () => {
    const s = await setup()
    await s.comment('Pelayanan KTP di kecamatan lambat sekali, tolong diperbaiki', 'warga.sama')
    s.clock.advance(60_000)
    await s.comment('pelayanan ktp di kecamatan LAMBAT sekali!! tolong diperbaiki', 'warga.sama')
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    const [original, again] = await s.items()
    expect(again!.duplicateOf).toBe(original!.id)
    expect(original!.duplicateOf).toBeNull()

    // A copy-paste campaign: the first two arrive in one poll, the rest in the next.
    const wave = 'Bansos sembako dipotong oknum kelurahan, usut tuntas sekarang juga'
    for (let i = 0; i < 2; i++) {
      s.clock.advance(1_000)
      await s.comment(wave)
    }
    await pollAccount(s.deps, s.owner.id, s.account.id)
    for (let i = 2; i < WAVE_AUTHORS; i++) {
      s.clock.advance(1_000)
      await s.comment(`@humas ${wave}`)
    }
    await pollAccount(s.deps, s.owner.id, s.account.id)
    const waveItems = (await s.items()).filter((item) => item.body.includes('Bansos'))
    expect(waveItems).toHaveLength(WAVE_AUTHORS)
    const [head, ...rest] = waveItems
    expect(head!.labels).toContain(WAVE_LABEL)
    expect(head!.duplicateOf).toBeNull()
    for (const item of rest) expect(item.duplicateOf).toBe(head!.id)
  })

  it('raises a citizen who asks again', async () => {
    const s = await setup()
    await s.comment('Bagaimana cara mengurus akta kelahiran anak saya?', 'warga.bertanya')
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    s.clock.advance(60 * 60_000)
    await s.comment('Mohon info syarat pembuatan akta kelahiran, belum dijawab', 'warga.bertanya')
    s.clock.advance(1_000)
    await s.comment('Mohon info syarat pembuatan akta kelahiran, belum dijawab', 'warga.lain')
    await pollAccount(s.deps, s.owner.id, s.account.id)
    const [, repeat, other] = await s.items()
    expect(repeat!.authorHandle).toBe('warga.bertanya')
    expect(other!.authorHandle).toBe('warga.lain')
    expect(repeat!.intent).toBe(other!.intent)
    expect(repeat!.priority).toBeGreaterThan(other!.priority)
  })

  it('records a failing poll in the cursor and the health, and stops polling an account that needs a reconnect', async () => {
    const s = await setup()
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    await revokeSandboxToken(s.ctx.db, s.owner.id, s.account.sandboxAccountId)
    s.clock.advance(120_000)
    expect(await pollAccount(s.deps, s.owner.id, s.account.id)).toMatchObject({ failed: 'auth_expired' })
    const cursor = await getCursor(s.ctx.db, s.account.id)
    expect(cursor).toMatchObject({ failures: 1, behindSince: s.clock.now() })
    expect(cursor?.lastError).toContain('auth_expired')
    const due = await duePolls(s.ctx.db, ['sandbox'], new Date('9999-12-31T00:00:00Z'), 10_000)
    expect(due.map((row) => row.accountId)).not.toContain(s.account.id)
  })

  it('schedules due accounts once, and classifies items a failed batch left behind', async () => {
    const s = await setup()
    const scheduled = await schedulePolls(s.deps)
    expect(scheduled.enqueued).toBeGreaterThanOrEqual(1)
    const jobs = async () =>
      rowsOf<{ n: number }>(
        await s.ctx.db.execute(
          sql`select count(*)::int as n from job_outbox where name = 'poll-inbox' and payload->>'accountId' = ${s.account.id}`,
        ),
      )[0]!.n
    expect(await jobs()).toBe(1)
    await schedulePolls(s.deps)
    expect(await jobs()).toBe(1)

    // Stored without classification (as a worker killed between the two transactions leaves it).
    const [row] = await s.ctx.db.transaction((tx) =>
      insertNewItems(
        tx,
        {
          instansiId: s.owner.id,
          accountId: s.account.id,
          platform: 'sandbox',
          unitId: s.owner.rootUnit.id,
          unitPath: s.owner.rootUnit.path,
        },
        [
          {
            externalId: randomUUID(),
            kind: 'comment',
            authorExternalId: 'warga.x',
            authorHandle: 'warga.x',
            authorName: null,
            body: 'Air PDAM mati tiga hari, kapan diperbaiki?',
            createdAt: s.clock.now(),
            url: null,
            parentExternalId: null,
            rootExternalId: null,
          },
        ],
        s.clock.now(),
      ),
    )
    expect(row!.classifiedAt).toBeNull()
    s.clock.advance(60_000)
    expect((await classifyLeftovers(s.deps)).classified).toBeGreaterThanOrEqual(1)
    const [after] = await s.ctx.db.select().from(inboxItems).where(eq(inboxItems.id, row!.id))
    expect(after!.classifiedAt).not.toBeNull()
  })
})

describe('the hot poll cadence', () => {
  it('has a hot account ask for its own next poll within seconds, and leaves it to the sweep once it cooled down', async () => {
    const s = await setup()
    await s.comment('Kapan pendaftaran vaksinasi booster dibuka?')
    expect(await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })).toMatchObject({
      stored: 1,
      caughtUp: true,
    })
    const now = s.clock.now().getTime()
    const [chained] = await pollJobs(s)
    // Every 3 s while few sandbox accounts are hot; the shared test database may hold more, stretching it.
    const wait = chained!.startAfter!.getTime() - now
    expect(wait).toBeGreaterThanOrEqual(SANDBOX_HOT_POLLING.intervalMs)
    expect(wait).toBeLessThanOrEqual(POLL_INTERVALS.activeMs)
    // The sweep stays out of the chain's way: it would hand the account out only a minute after the chain failed.
    const cursor = await getCursor(s.ctx.db, s.account.id)
    expect(cursor?.nextPollAt?.getTime()).toBe(chained!.startAfter!.getTime() + HOT_FALLBACK_MS)
    const dueSoon = await duePolls(s.ctx.db, ['sandbox'], new Date(now + wait + 30_000), 10_000)
    expect(dueSoon.map((row) => row.accountId)).not.toContain(s.account.id)

    // A quarter of an hour later with nothing new: no chain any more, the activity cadence through the sweep.
    s.clock.advance(HOT_WITHIN_MS + 60_000)
    expect(await pollAccount(s.deps, s.owner.id, s.account.id)).toMatchObject({ stored: 0, caughtUp: true })
    expect(await pollJobs(s)).toHaveLength(1)
    const cooled = await getCursor(s.ctx.db, s.account.id)
    expect(cooled?.nextPollAt).toEqual(nextPollAfterSuccess(s.clock.now(), cooled!.lastItemAt))
  })

  it('starts polling an account as soon as a post is published on it through Warta, and keeps it hot', async () => {
    const s = await setup()
    // Polled once already: without the publication it would wait for the sweep.
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    expect(await pollJobs(s)).toEqual([])
    const { variantIds } = await createScheduledPost(s.ctx.db, s.owner, s.pj, [s.account.id], s.clock.now())
    const publishDeps: PublishDeps = {
      db: s.ctx.db,
      clock: s.clock,
      secret: s.ctx.secret,
      previousSecrets: s.ctx.previousSecrets,
      config: { sandboxFaults: false },
    }
    expect(await publishVariant(publishDeps, s.owner.id, variantIds[0]!)).toBe('published')
    expect(await pollJobs(s)).toEqual([{ startAfter: null }])

    // That poll finds nothing yet, but the post makes the account hot: it asks for the next one itself.
    expect(await pollAccount(s.deps, s.owner.id, s.account.id)).toMatchObject({ stored: 0, caughtUp: true })
    const jobs = await pollJobs(s)
    expect(jobs).toHaveLength(2)
    expect(jobs[1]!.startAfter!.getTime()).toBeGreaterThan(s.clock.now().getTime())
  })

  it('does not start hot polling for a platform that declares no hot cadence', async () => {
    const s = await setup()
    const outsider = await insertAccount(
      s.ctx.db,
      s.owner.id,
      {
        unitId: s.owner.rootUnit.id,
        platform: 'facebook',
        handle: `pemkot.${uniqueSuffix()}`,
        handleDisplay: null,
        displayName: null,
        url: 'https://www.facebook.com/pemkot',
        penanggungJawabUserId: s.pj.id,
        verificationStatus: 'unverified',
        platformTwoFactor: false,
        credentialRotatedOn: null,
        status: 'active',
        notes: '',
      },
      s.clock.now(),
    )
    await s.ctx.db.transaction((tx) =>
      watchForReplies(tx, { instansiId: s.owner.id, accountId: outsider, platform: 'facebook' }),
    )
    const rows = rowsOf<{ n: number }>(
      await s.ctx.db.execute(
        sql`select count(*)::int as n from job_outbox where name = 'poll-inbox' and payload->>'accountId' = ${outsider}`,
      ),
    )
    expect(rows[0]!.n).toBe(0)
  })
})

describe('inbox ingestion from webhook deliveries', () => {
  it('stores an interaction once however it arrives, and follows its edit and deletion', async () => {
    const s = await setup()
    const id = await s.comment('Jalan di depan pasar berlubang, mohon segera ditambal')
    const interaction: Interaction = {
      externalId: id,
      kind: 'comment',
      author: { externalId: 'warga.hook', handle: 'warga.hook', displayName: null },
      text: 'Jalan di depan pasar berlubang, mohon segera ditambal',
      createdAt: s.clock.now(),
      url: null,
      parentExternalId: s.post.platformPostId,
      rootExternalId: s.post.platformPostId,
    }
    const deliver = async (events: WebhookEvent[]) => {
      const deliveryId = randomUUID()
      await insertWebhookDelivery(s.ctx.db, {
        id: deliveryId,
        platform: 'sandbox',
        deliveryId,
        sentAt: null,
        receivedAt: s.clock.now(),
        events: JSON.parse(JSON.stringify(events)) as unknown[],
      })
      return processWebhookDelivery(s.deps, deliveryId)
    }
    const accountExternalId = s.account.sandboxAccountId
    expect(await deliver([{ kind: 'interaction', accountExternalId, interaction }])).toEqual({
      processed: true,
      matchedAccounts: 1,
    })
    // The same interaction again by webhook, then by polling: still one item.
    await deliver([{ kind: 'interaction', accountExternalId, interaction }])
    await pollAccount(s.deps, s.owner.id, s.account.id, { backfill: true })
    const [item] = await s.items()
    expect(await s.items()).toHaveLength(1)
    expect(item!.classifiedAt).not.toBeNull()

    s.clock.advance(5_000)
    await deliver([
      {
        kind: 'interaction_edited',
        accountExternalId,
        externalId: id,
        text: 'Jalan depan pasar sudah ditambal, terima kasih',
      },
    ])
    const [edited] = await s.items()
    expect(edited!.body).toBe('Jalan depan pasar sudah ditambal, terima kasih')
    expect(edited!.editedAt).toEqual(s.clock.now())
    expect(edited!.classifiedAt).not.toBeNull()

    await deliver([{ kind: 'interaction_deleted', accountExternalId, externalId: id }])
    const [deleted] = await s.items()
    expect(deleted!.deletedAt).toEqual(s.clock.now())

    // An account the deployment does not know: processed, nothing stored.
    expect(await deliver([{ kind: 'interaction', accountExternalId: 'someone-else', interaction }])).toEqual({
      processed: true,
      matchedAccounts: 0,
    })
  })
})

describe('backfill on connect and the lag in the account health', () => {
  it('asks for a backfill poll when an account is connected, and the health shows the inbox keeping up or behind', async () => {
    const ctx = await getTestContext()
    const clock = handClock(new Date())
    const deps: IngestDeps = { ...ctx, config: { sandboxFaults: false }, clock }
    const owner = await createTestInstansi(ctx.db)
    const admin = await createTestUser(ctx.db, owner, [
      { unitId: owner.rootUnit.id, role: 'admin' },
      { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
    ])
    const { actor } = await loadActor(ctx.db, admin, 'session')
    const handle = `humas.${uniqueSuffix()}`
    const accountId = await insertAccount(
      ctx.db,
      owner.id,
      {
        unitId: owner.rootUnit.id,
        platform: 'sandbox',
        handle,
        handleDisplay: null,
        displayName: null,
        url: `https://sandbox.warta.local/@${handle}`,
        penanggungJawabUserId: admin.id,
        verificationStatus: 'unverified',
        platformTwoFactor: false,
        credentialRotatedOn: null,
        status: 'active',
        notes: '',
      },
      clock.now(),
    )
    const fresh = await connectAccount(deps, actor, accountId, {}, {})
    expect(fresh.inbox).toMatchObject({ backfilledAt: null, behindSince: null, failures: 0 })
    const jobs = rowsOf<{ payload: { accountId: string; backfill?: boolean } }>(
      await ctx.db.execute(
        sql`select payload from job_outbox where name = 'poll-inbox' and payload->>'accountId' = ${accountId}`,
      ),
    )
    expect(jobs.map((job) => job.payload)).toEqual([{ instansiId: owner.id, accountId, backfill: true }])

    await pollAccount(deps, owner.id, accountId, { backfill: true })
    const keepingUp = await getConnectionHealth(deps, actor, accountId)
    expect(keepingUp.inbox).toMatchObject({ backfilledAt: clock.now().toISOString(), behindSince: null })

    // Nothing polled it for an hour (no worker running): behind since its last good poll.
    const lastGood = clock.now().toISOString()
    clock.advance(60 * 60_000)
    expect((await getConnectionHealth(deps, actor, accountId)).inbox?.behindSince).toBe(lastGood)
  })
})
