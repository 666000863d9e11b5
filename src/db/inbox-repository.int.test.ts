import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
} from '../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../tests/support/test-context.ts'
import {
  advanceCursor,
  getCursor,
  insertNewItems,
  listUnclassified,
  lockCursor,
  markDeleted,
  markEdited,
  recordPollFailure,
  type InboxAccount,
  type IncomingItem,
} from './inbox-repository.ts'
import { inboxItems, inboxThreads } from './schema/index.ts'

function comment(externalId: string, over: Partial<IncomingItem> = {}): IncomingItem {
  return {
    externalId,
    kind: 'comment',
    authorExternalId: 'warga-1',
    authorHandle: 'warga.satu',
    authorName: 'Warga Satu',
    body: `Kapan pendaftaran dibuka? (${externalId})`,
    createdAt: new Date('2026-12-01T02:00:00Z'),
    url: null,
    parentExternalId: 'post-1',
    rootExternalId: 'post-1',
    ...over,
  }
}

async function setup() {
  const context = await getTestContext()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const sandbox = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const account: InboxAccount = {
    instansiId: owner.id,
    accountId: sandbox.id,
    platform: 'sandbox',
    unitId: owner.rootUnit.id,
    unitPath: owner.rootUnit.path,
  }
  return { db: context.db, account, owner }
}

describe('inbox repository', () => {
  it('stores each interaction once however often it arrives, threaded by its conversation', async () => {
    const { db, account } = await setup()
    const now = new Date('2026-12-01T03:00:00Z')
    const first = await db.transaction((tx) =>
      insertNewItems(tx, account, [comment('c1'), comment('c2'), comment('c1')], now),
    )
    expect(first.map((row) => row.externalId).sort()).toEqual(['c1', 'c2'])
    // A later poll overlapping the first, plus a reply in another conversation.
    const second = await db.transaction((tx) =>
      insertNewItems(
        tx,
        account,
        [
          comment('c2'),
          comment('c3', { createdAt: new Date('2026-12-01T04:00:00Z') }),
          comment('m1', { kind: 'mention', parentExternalId: null, rootExternalId: null }),
        ],
        now,
      ),
    )
    expect(second.map((row) => row.externalId).sort()).toEqual(['c3', 'm1'])
    const rows = await db.select().from(inboxItems).where(eq(inboxItems.accountId, account.accountId))
    expect(rows).toHaveLength(4)
    const threads = await db.select().from(inboxThreads).where(eq(inboxThreads.accountId, account.accountId))
    expect(threads.map((thread) => thread.rootExternalId).sort()).toEqual(['m1', 'post-1'])
    const post = threads.find((thread) => thread.rootExternalId === 'post-1')!
    expect(post.lastItemAt.toISOString()).toBe('2026-12-01T04:00:00.000Z')
    expect(rows.filter((row) => row.threadId === post.id)).toHaveLength(3)
    expect(rows.every((row) => row.status === 'new' && row.classifiedAt === null)).toBe(true)
    expect(
      (await listUnclassified(db, 1000)).filter((row) => row.accountId === account.accountId),
    ).toHaveLength(4)
  })

  it('follows edits and deletions without losing what was said', async () => {
    const { db, account } = await setup()
    const at = new Date('2026-12-02T00:00:00Z')
    await db.transaction((tx) => insertNewItems(tx, account, [comment('e1')], at))
    expect(await markEdited(db, account.instansiId, 'sandbox', 'e1', 'Teks baru', at)).toBe(true)
    expect(await markDeleted(db, account.instansiId, 'sandbox', 'e1', at)).toBe(true)
    expect(await markDeleted(db, account.instansiId, 'sandbox', 'e1', at)).toBe(false)
    expect(await markEdited(db, account.instansiId, 'sandbox', 'unknown', 'x', at)).toBe(false)
    const [row] = await db.select().from(inboxItems).where(eq(inboxItems.accountId, account.accountId))
    expect(row).toMatchObject({ body: 'Teks baru', classifiedAt: null })
    expect(row!.deletedAt?.toISOString()).toBe(at.toISOString())
  })

  it('moves the cursor with the page and says since when polling has been failing', async () => {
    const { db, account } = await setup()
    const t1 = new Date('2026-12-03T00:00:00Z')
    const t2 = new Date('2026-12-03T00:05:00Z')
    await recordPollFailure(db, account.accountId, 'unavailable', t1)
    await recordPollFailure(db, account.accountId, 'unavailable', t2)
    let cursor = await getCursor(db, account.accountId)
    expect(cursor).toMatchObject({ failures: 2, lastError: 'unavailable', cursor: null })
    expect(cursor!.behindSince?.toISOString()).toBe(t1.toISOString())
    await db.transaction(async (tx) => {
      await lockCursor(tx, account.accountId)
      await advanceCursor(tx, account.accountId, {
        cursor: 'next-1',
        lastItemAt: t1,
        backfilled: true,
        at: t2,
      })
    })
    cursor = await getCursor(db, account.accountId)
    expect(cursor).toMatchObject({ failures: 0, lastError: null, cursor: 'next-1', behindSince: null })
    expect(cursor!.backfilledAt?.toISOString()).toBe(t2.toISOString())
  })
})
