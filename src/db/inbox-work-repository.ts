// Working the inbox: the list (keyset paged by SLA due, then priority), the tab counts, a thread with its replies
// and notes, a citizen's history, presence, changes since a moment (live updates) and saved views. Every query is
// narrowed by instansi and by the caller's unit path prefixes (features/access unitScope), so a list never holds
// what a single read would refuse.
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { Db } from './client.ts'
import {
  accounts,
  hoaxClaims,
  inboxItems,
  inboxNotes,
  inboxPresence,
  inboxReplies,
  inboxSavedViews,
  units,
  users,
  type InboxNoteKind,
  type InboxReplyStatus,
} from './schema/index.ts'
import { escapeLike, pathWithin } from './sql-helpers.ts'
import type { InboxStatus } from '../shared/statuses.ts'
import type { InboxItemRow } from './inbox-repository.ts'

export type InboxReplyRow = typeof inboxReplies.$inferSelect
export type InboxNoteRow = typeof inboxNotes.$inferSelect
export type InboxSavedViewRow = typeof inboxSavedViews.$inferSelect

export interface InboxListFilter {
  instansiId: string
  pathPrefixes: readonly string[]
  statuses?: readonly InboxStatus[] | undefined
  unitPath?: string | undefined
  accountId?: string | undefined
  platform?: string | undefined
  intent?: string | undefined
  sentiment?: string | undefined
  /** A user id: only theirs; 'unassigned': nobody's. */
  assignedUserId?: string | undefined
  unassigned?: boolean | undefined
  hoax?: boolean | undefined
  label?: string | undefined
  query?: string | undefined
  /** Only items with a reply waiting for the penanggung jawab's approval. */
  pendingReply?: boolean | undefined
}

/** Where the previous page stopped: its last row's sort key. */
export interface InboxKeyset {
  slaDueAt: Date | null
  priority: number
  id: string
}

export interface InboxListRow extends InboxItemRow {
  accountHandle: string
  unitName: string
  assignedUserName: string | null
}

function filterConditions(filter: InboxListFilter): SQL[] {
  const conditions: SQL[] = [
    eq(inboxItems.instansiId, filter.instansiId),
    pathWithin(inboxItems.unitPath, filter.pathPrefixes),
    isNull(inboxItems.duplicateOf),
  ]
  if (filter.statuses && filter.statuses.length > 0)
    conditions.push(inArray(inboxItems.status, [...filter.statuses]))
  if (filter.unitPath) conditions.push(pathWithin(inboxItems.unitPath, [filter.unitPath]))
  if (filter.accountId) conditions.push(eq(inboxItems.accountId, filter.accountId))
  if (filter.platform) conditions.push(eq(inboxItems.platform, filter.platform))
  if (filter.intent) conditions.push(eq(inboxItems.intent, filter.intent))
  if (filter.sentiment) conditions.push(eq(inboxItems.sentiment, filter.sentiment))
  if (filter.assignedUserId) conditions.push(eq(inboxItems.assignedUserId, filter.assignedUserId))
  if (filter.unassigned) conditions.push(isNull(inboxItems.assignedUserId))
  if (filter.hoax === true) conditions.push(isNotNull(inboxItems.hoaxClaimId))
  if (filter.hoax === false) conditions.push(isNull(inboxItems.hoaxClaimId))
  if (filter.label) conditions.push(sql`${filter.label} = any(${inboxItems.labels})`)
  if (filter.pendingReply)
    conditions.push(
      sql`exists (select 1 from ${inboxReplies} where ${inboxReplies.itemId} = ${inboxItems.id} and ${inboxReplies.status} = 'pending')`,
    )
  if (filter.query) {
    const pattern = `%${escapeLike(filter.query)}%`
    conditions.push(
      or(
        sql`${inboxItems.body} ilike ${pattern}`,
        sql`${inboxItems.authorHandle} ilike ${pattern}`,
        sql`coalesce(${inboxItems.authorName}, '') ilike ${pattern}`,
      )!,
    )
  }
  return conditions
}

/** Higher priority, or the same priority and a later id: the tail of the order once the deadline is equal. */
function afterTail(after: InboxKeyset): SQL {
  return or(
    lt(inboxItems.priority, after.priority),
    and(eq(inboxItems.priority, after.priority), gt(inboxItems.id, after.id)),
  )!
}

async function selectListRows(db: Db, conditions: SQL[], limit: number): Promise<InboxListRow[]> {
  const rows = await db
    .select({
      item: inboxItems,
      accountHandle: accounts.handle,
      unitName: units.name,
      assignedUserName: users.name,
    })
    .from(inboxItems)
    .innerJoin(accounts, eq(accounts.id, inboxItems.accountId))
    .innerJoin(units, eq(units.id, inboxItems.unitId))
    .leftJoin(users, eq(users.id, inboxItems.assignedUserId))
    .where(and(...conditions))
    .orderBy(sql`${inboxItems.slaDueAt} asc nulls last`, desc(inboxItems.priority), asc(inboxItems.id))
    .limit(limit)
  return rows.map((row) => ({
    ...row.item,
    accountHandle: row.accountHandle,
    unitName: row.unitName,
    assignedUserName: row.assignedUserName,
  }))
}

/**
 * A page in the list's order: SLA due first (no deadline last), then higher priority, then id. After a keyset with
 * a deadline the page is read in two parts — the later deadlines as a range (`sla_due_at >= x`, which the 0034
 * indexes seek to), then, if the page is not full, the items without a deadline — because one condition that also
 * admits the nulls ("later, or none") cannot be a range, and the scan would walk every earlier deadline of the
 * status again on each page.
 */
export async function listInboxItems(
  db: Db,
  filter: InboxListFilter,
  after: InboxKeyset | null,
  limit: number,
): Promise<InboxListRow[]> {
  const conditions = filterConditions(filter)
  if (!after) return selectListRows(db, conditions, limit)
  if (after.slaDueAt === null)
    return selectListRows(db, [...conditions, isNull(inboxItems.slaDueAt), afterTail(after)], limit)
  const dated = await selectListRows(
    db,
    [
      ...conditions,
      gte(inboxItems.slaDueAt, after.slaDueAt),
      or(gt(inboxItems.slaDueAt, after.slaDueAt), afterTail(after))!,
    ],
    limit,
  )
  if (dated.length === limit) return dated
  const undated = await selectListRows(db, [...conditions, isNull(inboxItems.slaDueAt)], limit - dated.length)
  return [...dated, ...undated]
}

/** The tabs' numbers: items per status in the filtered set (without its status), mine and unassigned open ones. */
export async function countInboxItems(
  db: Db,
  filter: InboxListFilter,
  userId: string,
): Promise<{
  byStatus: Record<InboxStatus, number>
  mine: number
  unassigned: number
  breached: number
}> {
  const { statuses: _statuses, ...rest } = filter
  const now = new Date()
  const [row] = await db
    .select({
      new: sql<number>`count(*) filter (where ${inboxItems.status} = 'new')`.mapWith(Number),
      open: sql<number>`count(*) filter (where ${inboxItems.status} = 'open')`.mapWith(Number),
      answered: sql<number>`count(*) filter (where ${inboxItems.status} = 'answered')`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${inboxItems.status} = 'closed')`.mapWith(Number),
      mine: sql<number>`count(*) filter (where ${inboxItems.status} in ('new', 'open') and ${inboxItems.assignedUserId} = ${userId})`.mapWith(
        Number,
      ),
      unassigned:
        sql<number>`count(*) filter (where ${inboxItems.status} in ('new', 'open') and ${inboxItems.assignedUserId} is null)`.mapWith(
          Number,
        ),
      breached:
        sql<number>`count(*) filter (where ${inboxItems.status} in ('new', 'open') and ${inboxItems.slaDueAt} < ${now.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
    })
    .from(inboxItems)
    .where(and(...filterConditions(rest)))
  const counts = row ?? { new: 0, open: 0, answered: 0, closed: 0, mine: 0, unassigned: 0, breached: 0 }
  return {
    byStatus: { new: counts.new, open: counts.open, answered: counts.answered, closed: counts.closed },
    mine: counts.mine,
    unassigned: counts.unassigned,
    breached: counts.breached,
  }
}

export async function getInboxItem(
  db: Db,
  instansiId: string,
  id: string,
): Promise<InboxItemRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.id, id)))
  return row
}

/** Locks the item row for a change of state (two operators closing and replying at once take turns). */
export async function lockInboxItem(
  db: Db,
  instansiId: string,
  id: string,
): Promise<InboxItemRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.id, id)))
    .for('update')
  return row
}

export async function getThreadItems(db: Db, instansiId: string, threadId: string): Promise<InboxItemRow[]> {
  return db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.threadId, threadId)))
    .orderBy(asc(inboxItems.createdAt), asc(inboxItems.id))
    .limit(500)
}

/** The citizen's other items across the instansi's accounts on the platform, newest first, within the scope. */
export async function getAuthorHistory(
  db: Db,
  item: InboxItemRow,
  pathPrefixes: readonly string[],
  limit = 20,
): Promise<(InboxItemRow & { accountHandle: string })[]> {
  const rows = await db
    .select({ item: inboxItems, accountHandle: accounts.handle })
    .from(inboxItems)
    .innerJoin(accounts, eq(accounts.id, inboxItems.accountId))
    .where(
      and(
        eq(inboxItems.instansiId, item.instansiId),
        eq(inboxItems.platform, item.platform),
        eq(inboxItems.authorExternalId, item.authorExternalId),
        ne(inboxItems.threadId, item.threadId),
        pathWithin(inboxItems.unitPath, pathPrefixes),
      ),
    )
    .orderBy(desc(inboxItems.createdAt))
    .limit(limit)
  return rows.map((row) => ({ ...row.item, accountHandle: row.accountHandle }))
}

export async function getThreadReplies(
  db: Db,
  instansiId: string,
  threadId: string,
): Promise<(InboxReplyRow & { authorName: string | null })[]> {
  const rows = await db
    .select({ reply: inboxReplies, authorName: users.name })
    .from(inboxReplies)
    .leftJoin(users, eq(users.id, inboxReplies.authorUserId))
    .where(and(eq(inboxReplies.instansiId, instansiId), eq(inboxReplies.threadId, threadId)))
    .orderBy(asc(inboxReplies.createdAt))
  return rows.map((row) => ({ ...row.reply, authorName: row.authorName }))
}

export async function getThreadNotes(
  db: Db,
  instansiId: string,
  threadId: string,
): Promise<(InboxNoteRow & { authorName: string | null })[]> {
  const rows = await db
    .select({ note: inboxNotes, authorName: users.name })
    .from(inboxNotes)
    .leftJoin(users, eq(users.id, inboxNotes.authorUserId))
    .where(and(eq(inboxNotes.instansiId, instansiId), eq(inboxNotes.threadId, threadId)))
    .orderBy(asc(inboxNotes.createdAt))
  return rows.map((row) => ({ ...row.note, authorName: row.authorName }))
}

/** The latest reply sent (or waiting) in the thread by someone other than the user, after a moment. */
export async function latestReplyByOthers(
  db: Db,
  instansiId: string,
  threadId: string,
  userId: string,
  since: Date,
): Promise<{ authorName: string | null; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ authorName: users.name, createdAt: inboxReplies.createdAt })
    .from(inboxReplies)
    .leftJoin(users, eq(users.id, inboxReplies.authorUserId))
    .where(
      and(
        eq(inboxReplies.instansiId, instansiId),
        eq(inboxReplies.threadId, threadId),
        inArray(inboxReplies.status, ['pending', 'sending', 'sent', 'unconfirmed']),
        gt(inboxReplies.createdAt, since),
        or(isNull(inboxReplies.authorUserId), ne(inboxReplies.authorUserId, userId)),
      ),
    )
    .orderBy(desc(inboxReplies.createdAt))
    .limit(1)
  return row
}

export async function insertReply(
  db: Db,
  values: {
    instansiId: string
    itemId: string
    threadId: string
    authorUserId: string | null
    body: string
    status: InboxReplyStatus
  },
  now: Date,
): Promise<InboxReplyRow> {
  const [row] = await db
    .insert(inboxReplies)
    .values({ id: crypto.randomUUID(), ...values, createdAt: now, updatedAt: now })
    .returning()
  return row!
}

export async function updateReply(
  db: Db,
  instansiId: string,
  id: string,
  change: Partial<
    Pick<
      InboxReplyRow,
      | 'status'
      | 'platformReplyId'
      | 'url'
      | 'error'
      | 'errorKind'
      | 'errorKey'
      | 'errorParams'
      | 'decidedByUserId'
      | 'decidedAt'
      | 'sentAt'
    >
  >,
  now: Date,
): Promise<InboxReplyRow | undefined> {
  const [row] = await db
    .update(inboxReplies)
    .set({ ...change, updatedAt: now })
    .where(and(eq(inboxReplies.instansiId, instansiId), eq(inboxReplies.id, id)))
    .returning()
  return row
}

/**
 * The reply becomes `sending` for a new attempt (committed before the platform is called): the attempt's start is
 * the lease the reconcile job reads, the count goes up, the last failure is cleared.
 */
export async function markReplySending(
  db: Db,
  instansiId: string,
  id: string,
  now: Date,
): Promise<InboxReplyRow | undefined> {
  const [row] = await db
    .update(inboxReplies)
    .set({
      status: 'sending',
      sendingAt: now,
      attempts: sql`${inboxReplies.attempts} + 1`,
      error: null,
      errorKind: null,
      errorKey: null,
      errorParams: null,
      updatedAt: now,
    })
    .where(and(eq(inboxReplies.instansiId, instansiId), eq(inboxReplies.id, id)))
    .returning()
  return row
}

/** A reply still `sending` whose attempt began before `before`, with what is needed to look for it on the platform. */
export interface StaleSendingReply {
  reply: InboxReplyRow
  accountId: string
  externalId: string
  rootExternalId: string | null
}

/** Replies left `sending` by a process that died mid-call (every instansi: the reconcile job's sweep), oldest first. */
export async function listStaleSendingReplies(
  db: Db,
  before: Date,
  limit: number,
): Promise<StaleSendingReply[]> {
  return db
    .select({
      reply: inboxReplies,
      accountId: inboxItems.accountId,
      externalId: inboxItems.externalId,
      rootExternalId: inboxItems.rootExternalId,
    })
    .from(inboxReplies)
    .innerJoin(
      inboxItems,
      and(eq(inboxItems.id, inboxReplies.itemId), eq(inboxItems.instansiId, inboxReplies.instansiId)),
    )
    .where(and(eq(inboxReplies.status, 'sending'), lt(inboxReplies.sendingAt, before)))
    .orderBy(asc(inboxReplies.sendingAt))
    .limit(limit)
}

export async function lockReply(db: Db, instansiId: string, id: string): Promise<InboxReplyRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxReplies)
    .where(and(eq(inboxReplies.instansiId, instansiId), eq(inboxReplies.id, id)))
    .for('update')
  return row
}

export async function insertNote(
  db: Db,
  values: {
    instansiId: string
    itemId: string
    threadId: string
    authorUserId: string | null
    kind: InboxNoteKind
    body: string
  },
  now: Date,
): Promise<InboxNoteRow> {
  const [row] = await db
    .insert(inboxNotes)
    .values({ id: crypto.randomUUID(), ...values, createdAt: now })
    .returning()
  return row!
}

export type InboxItemChange = Partial<
  Pick<
    InboxItemRow,
    | 'status'
    | 'assignedUserId'
    | 'unitId'
    | 'unitPath'
    | 'firstResponseAt'
    | 'closedAt'
    | 'hiddenAt'
    | 'deletedAt'
    | 'labels'
    // An operator's verdict on the hoax match (features/inbox/hoax-feedback.ts).
    | 'hoaxClaimId'
    | 'priority'
  >
>

export async function updateInboxItem(
  db: Db,
  instansiId: string,
  id: string,
  change: InboxItemChange,
  now: Date,
): Promise<InboxItemRow | undefined> {
  const [row] = await db
    .update(inboxItems)
    .set({ ...change, updatedAt: now })
    .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.id, id)))
    .returning()
  return row
}

/** Records (or refreshes) that the user has the thread open; answers when they opened it. */
export async function touchPresence(
  db: Db,
  row: {
    threadId: string
    userId: string
    instansiId: string
    unitPath: string
    itemId: string
    typing: boolean
  },
  now: Date,
  staleBefore: Date,
): Promise<Date> {
  const [stored] = await db
    .insert(inboxPresence)
    .values({ ...row, openedAt: now, seenAt: now })
    .onConflictDoUpdate({
      target: [inboxPresence.threadId, inboxPresence.userId],
      set: {
        typing: row.typing,
        itemId: row.itemId,
        unitPath: row.unitPath,
        seenAt: now,
        // A visit after the last one went stale starts again.
        openedAt: sql`case when ${inboxPresence.seenAt} < ${staleBefore.toISOString()}::timestamptz then excluded.opened_at else ${inboxPresence.openedAt} end`,
      },
    })
    .returning({ openedAt: inboxPresence.openedAt })
  return stored!.openedAt
}

export async function leavePresence(
  db: Db,
  instansiId: string,
  threadId: string,
  userId: string,
): Promise<void> {
  await db
    .delete(inboxPresence)
    .where(
      and(
        eq(inboxPresence.instansiId, instansiId),
        eq(inboxPresence.threadId, threadId),
        eq(inboxPresence.userId, userId),
      ),
    )
}

export interface PresenceRow {
  threadId: string
  itemId: string
  userId: string
  userName: string
  typing: boolean
  seenAt: Date
}

/** Who has the thread open now (seen since `freshAfter`). */
export async function threadPresence(
  db: Db,
  instansiId: string,
  threadId: string,
  freshAfter: Date,
): Promise<PresenceRow[]> {
  return db
    .select({
      threadId: inboxPresence.threadId,
      itemId: inboxPresence.itemId,
      userId: inboxPresence.userId,
      userName: users.name,
      typing: inboxPresence.typing,
      seenAt: inboxPresence.seenAt,
    })
    .from(inboxPresence)
    .innerJoin(users, eq(users.id, inboxPresence.userId))
    .where(
      and(
        eq(inboxPresence.instansiId, instansiId),
        eq(inboxPresence.threadId, threadId),
        gt(inboxPresence.seenAt, freshAfter),
      ),
    )
}

/** Presence refreshed after `since` within the scope (live updates). */
export async function presenceChangedSince(
  db: Db,
  instansiId: string,
  pathPrefixes: readonly string[],
  since: Date,
): Promise<PresenceRow[]> {
  return db
    .select({
      threadId: inboxPresence.threadId,
      itemId: inboxPresence.itemId,
      userId: inboxPresence.userId,
      userName: users.name,
      typing: inboxPresence.typing,
      seenAt: inboxPresence.seenAt,
    })
    .from(inboxPresence)
    .innerJoin(users, eq(users.id, inboxPresence.userId))
    .where(
      and(
        eq(inboxPresence.instansiId, instansiId),
        gt(inboxPresence.seenAt, since),
        pathWithin(inboxPresence.unitPath, pathPrefixes),
      ),
    )
    .orderBy(asc(inboxPresence.seenAt))
    .limit(200)
}

/** Items changed after `since` within the scope, oldest change first (live updates). */
export async function itemsChangedSince(
  db: Db,
  instansiId: string,
  pathPrefixes: readonly string[],
  since: Date,
  limit = 200,
): Promise<InboxItemRow[]> {
  return db
    .select()
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        gt(inboxItems.updatedAt, since),
        pathWithin(inboxItems.unitPath, pathPrefixes),
      ),
    )
    .orderBy(asc(inboxItems.updatedAt), asc(inboxItems.id))
    .limit(limit)
}

export async function getHoaxClaimSummary(
  db: Db,
  instansiId: string,
  id: string,
): Promise<{ id: string; label: string; claim: string; facts: string } | undefined> {
  const [row] = await db
    .select({ id: hoaxClaims.id, label: hoaxClaims.label, claim: hoaxClaims.claim, facts: hoaxClaims.facts })
    .from(hoaxClaims)
    .where(and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.id, id)))
  return row
}

export async function listSavedViews(
  db: Db,
  instansiId: string,
  userId: string,
): Promise<InboxSavedViewRow[]> {
  return db
    .select()
    .from(inboxSavedViews)
    .where(and(eq(inboxSavedViews.instansiId, instansiId), eq(inboxSavedViews.userId, userId)))
    .orderBy(asc(inboxSavedViews.name))
}

/** Saves a view under its name (the same name replaces the query). */
export async function saveView(
  db: Db,
  values: { instansiId: string; userId: string; name: string; query: string },
  now: Date,
): Promise<InboxSavedViewRow> {
  const [row] = await db
    .insert(inboxSavedViews)
    .values({ id: crypto.randomUUID(), ...values, createdAt: now })
    .onConflictDoUpdate({
      target: [inboxSavedViews.userId, inboxSavedViews.name],
      set: { query: values.query },
    })
    .returning()
  return row!
}

export async function deleteSavedView(
  db: Db,
  instansiId: string,
  userId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(inboxSavedViews)
    .where(
      and(
        eq(inboxSavedViews.instansiId, instansiId),
        eq(inboxSavedViews.userId, userId),
        eq(inboxSavedViews.id, id),
      ),
    )
    .returning({ id: inboxSavedViews.id })
  return rows.length > 0
}
