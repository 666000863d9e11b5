// inbox_threads, inbox_items and inbox_cursors: storing what reaches a connected account, once, however it
// arrived. Every write is idempotent on the platform's ids — (instansi, platform, external id) for an item,
// (account, root) for a thread — so a poll that overlaps the last one, a webhook that repeats a poll, a backfill
// after a reconnect or a worker killed mid-batch and started again store nothing twice. Every query filters on
// instansi_id or on an account the caller already resolved.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { inboxCursors, inboxItems, inboxThreads } from './schema/index.ts'
import type { InboxItemKind } from '../shared/statuses.ts'

export type InboxItemRow = typeof inboxItems.$inferSelect
export type InboxThreadRow = typeof inboxThreads.$inferSelect
export type InboxCursorRow = typeof inboxCursors.$inferSelect

/** The account an interaction reached, as ingestion resolved it. */
export interface InboxAccount {
  instansiId: string
  accountId: string
  platform: string
  unitId: string
  unitPath: string
}

/** One interaction as the connector mapped it (connectors/connector.ts Interaction), ready to store. */
export interface IncomingItem {
  externalId: string
  kind: InboxItemKind
  authorExternalId: string
  authorHandle: string
  authorName: string | null
  body: string
  createdAt: Date
  url: string | null
  parentExternalId: string | null
  rootExternalId: string | null
}

/** The thread an item belongs to: the platform's conversation, or the item itself when it starts one. */
export function threadRootOf(item: IncomingItem): string {
  return item.rootExternalId ?? item.parentExternalId ?? item.externalId
}

/**
 * Stores the items that are new for the account and answers them (with their thread); items already stored are
 * left as they are (an edit or a deletion arrives through `markEdited` / `markDeleted`). Run inside the caller's
 * transaction with the cursor it advances, so a crash leaves both as they were.
 */
export async function insertNewItems(
  tx: Db,
  account: InboxAccount,
  incoming: readonly IncomingItem[],
  now: Date,
): Promise<InboxItemRow[]> {
  if (incoming.length === 0) return []
  // One item per external id even when a page repeats one (platform pagination overlaps).
  const unique = [...new Map(incoming.map((item) => [item.externalId, item])).values()]
  const threads = await upsertThreads(tx, account, unique)
  const rows = unique.map((item) => ({
    id: crypto.randomUUID(),
    instansiId: account.instansiId,
    accountId: account.accountId,
    threadId: threads.get(threadRootOf(item))!,
    unitId: account.unitId,
    unitPath: account.unitPath,
    platform: account.platform,
    externalId: item.externalId,
    kind: item.kind,
    parentExternalId: item.parentExternalId,
    rootExternalId: item.rootExternalId,
    authorExternalId: item.authorExternalId,
    authorHandle: item.authorHandle,
    authorName: item.authorName,
    body: item.body,
    url: item.url,
    createdAt: item.createdAt,
    receivedAt: now,
    updatedAt: now,
  }))
  return tx
    .insert(inboxItems)
    .values(rows)
    .onConflictDoNothing({ target: [inboxItems.instansiId, inboxItems.platform, inboxItems.externalId] })
    .returning()
}

/** The threads of the items' roots, created when new and moved to their newest item: root → thread id. */
async function upsertThreads(
  tx: Db,
  account: InboxAccount,
  items: readonly IncomingItem[],
): Promise<Map<string, string>> {
  const byRoot = new Map<string, { first: Date; last: Date }>()
  for (const item of items) {
    const root = threadRootOf(item)
    const span = byRoot.get(root)
    if (!span) byRoot.set(root, { first: item.createdAt, last: item.createdAt })
    else {
      if (item.createdAt < span.first) span.first = item.createdAt
      if (item.createdAt > span.last) span.last = item.createdAt
    }
  }
  // Sorted by root so two workers storing overlapping pages take the rows' locks in one order.
  const values = [...byRoot.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([root, span]) => ({
      id: crypto.randomUUID(),
      instansiId: account.instansiId,
      accountId: account.accountId,
      platform: account.platform,
      rootExternalId: root,
      firstItemAt: span.first,
      lastItemAt: span.last,
    }))
  const rows = await tx
    .insert(inboxThreads)
    .values(values)
    .onConflictDoUpdate({
      target: [inboxThreads.accountId, inboxThreads.rootExternalId],
      set: {
        firstItemAt: sql`least(${inboxThreads.firstItemAt}, excluded.first_item_at)`,
        lastItemAt: sql`greatest(${inboxThreads.lastItemAt}, excluded.last_item_at)`,
      },
    })
    .returning({ id: inboxThreads.id, root: inboxThreads.rootExternalId })
  return new Map(rows.map((row) => [row.root, row.id]))
}

/** The platform changed an item's text: the new text replaces the old (the audit of the inbox keeps history). */
export async function markEdited(
  tx: Db,
  instansiId: string,
  platform: string,
  externalId: string,
  body: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(inboxItems)
    .set({ body, editedAt: at, updatedAt: at, classifiedAt: null })
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        eq(inboxItems.platform, platform),
        eq(inboxItems.externalId, externalId),
      ),
    )
    .returning({ id: inboxItems.id })
  return rows.length > 0
}

/** The citizen (or a moderator) deleted it on the platform: kept as said, marked gone. */
export async function markDeleted(
  tx: Db,
  instansiId: string,
  platform: string,
  externalId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(inboxItems)
    .set({ deletedAt: at, updatedAt: at })
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        eq(inboxItems.platform, platform),
        eq(inboxItems.externalId, externalId),
        isNull(inboxItems.deletedAt),
      ),
    )
    .returning({ id: inboxItems.id })
  return rows.length > 0
}

/** Items not yet classified, oldest first (the ingestion job's batch; a crash leaves them for the next run). */
export async function listUnclassified(db: Db, limit: number): Promise<InboxItemRow[]> {
  return db
    .select()
    .from(inboxItems)
    .where(isNull(inboxItems.classifiedAt))
    .orderBy(asc(inboxItems.receivedAt), asc(inboxItems.id))
    .limit(limit)
}

export async function getItems(db: Db, instansiId: string, ids: readonly string[]): Promise<InboxItemRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.instansiId, instansiId), inArray(inboxItems.id, [...ids])))
}

export async function getCursor(
  db: Db,
  accountId: string,
  stream = 'interactions',
): Promise<InboxCursorRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxCursors)
    .where(and(eq(inboxCursors.accountId, accountId), eq(inboxCursors.stream, stream)))
  return row
}

/**
 * Locks the account's cursor row (created empty when missing): one poll of an account at a time, whichever worker
 * got the job; the caller stores the page and moves the cursor in the same transaction.
 */
export async function lockCursor(
  tx: Db,
  accountId: string,
  stream = 'interactions',
): Promise<InboxCursorRow> {
  await tx.insert(inboxCursors).values({ accountId, stream }).onConflictDoNothing()
  const [row] = await tx
    .select()
    .from(inboxCursors)
    .where(and(eq(inboxCursors.accountId, accountId), eq(inboxCursors.stream, stream)))
    .for('update')
  return row!
}

/** A poll read a page: the cursor moves on and the account is keeping up. */
export async function advanceCursor(
  tx: Db,
  accountId: string,
  change: { cursor: string | null; lastItemAt: Date | null; backfilled: boolean; at: Date },
  stream = 'interactions',
): Promise<void> {
  await tx
    .update(inboxCursors)
    .set({
      cursor: change.cursor,
      lastPolledAt: change.at,
      lastSuccessAt: change.at,
      ...(change.lastItemAt
        ? {
            lastItemAt: sql`greatest(${inboxCursors.lastItemAt}, ${change.lastItemAt.toISOString()}::timestamptz)`,
          }
        : {}),
      ...(change.backfilled
        ? {
            backfilledAt: sql`coalesce(${inboxCursors.backfilledAt}, ${change.at.toISOString()}::timestamptz)`,
          }
        : {}),
      behindSince: null,
      failures: 0,
      lastError: null,
    })
    .where(and(eq(inboxCursors.accountId, accountId), eq(inboxCursors.stream, stream)))
}

/** A poll failed: the cursor stays; the account is behind since its first failure in a row. */
export async function recordPollFailure(
  db: Db,
  accountId: string,
  error: string,
  at: Date,
  stream = 'interactions',
): Promise<void> {
  await db
    .insert(inboxCursors)
    .values({ accountId, stream, lastPolledAt: at, behindSince: at, failures: 1, lastError: error })
    .onConflictDoUpdate({
      target: [inboxCursors.accountId, inboxCursors.stream],
      set: {
        lastPolledAt: at,
        behindSince: sql`coalesce(${inboxCursors.behindSince}, ${at.toISOString()}::timestamptz)`,
        failures: sql`${inboxCursors.failures} + 1`,
        lastError: error,
      },
    })
}
