// The ingestion's queries over inbox_items and inbox_cursors (issue #9 item 1–3), beside the store of
// inbox-repository.ts: claiming unclassified items for a batch, writing a batch's classification in one statement,
// the author's earlier asks and the recent items of the same text (priority and folding), and the polling
// schedule (which connected accounts are due). Kept in their own file so the inbox's other areas can grow
// inbox-repository.ts without touching these.
import { and, asc, eq, exists, gte, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import type { InboxAccount, InboxItemRow } from './inbox-repository.ts'
import { rowsOf } from './sql-helpers.ts'
import {
  accountConnections,
  accounts,
  inboxCursors,
  inboxItems,
  postVariants,
  units,
} from './schema/index.ts'

/**
 * Locks unclassified items for one classification batch, oldest first; rows another worker is classifying are
 * skipped. With `ids`, only those (the items a poll just stored); without, any (the sweeper).
 */
export async function claimUnclassified(
  tx: Db,
  options: {
    instansiId: string
    ids?: readonly string[] | undefined
    limit: number
    receivedBefore?: Date | undefined
  },
): Promise<InboxItemRow[]> {
  if (options.ids && options.ids.length === 0) return []
  return tx
    .select()
    .from(inboxItems)
    .where(
      and(
        isNull(inboxItems.classifiedAt),
        eq(inboxItems.instansiId, options.instansiId),
        options.ids ? inArray(inboxItems.id, [...options.ids]) : undefined,
        options.receivedBefore ? lte(inboxItems.receivedAt, options.receivedBefore) : undefined,
      ),
    )
    .orderBy(asc(inboxItems.receivedAt), asc(inboxItems.id))
    .limit(options.limit)
    .for('update', { skipLocked: true })
}

/** What classification decided for one item. */
export interface ItemClassification {
  id: string
  sentiment: string
  sentimentScore: number
  abusive: boolean
  hateSpeech: boolean
  intent: string
  intentScore: number
  hoaxClaimId: string | null
  hoaxScore: number
  priority: number
  bodyFingerprint: string
  duplicateOf: string | null
  labels: readonly string[]
}

/** Writes a batch's classification in one statement (an UPDATE joined to a VALUES list). */
export async function storeClassifications(
  tx: Db,
  rows: readonly ItemClassification[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.id}::uuid, ${row.sentiment}::text, ${row.sentimentScore}::real, ${row.abusive}::boolean, ${row.hateSpeech}::boolean, ${row.intent}::text, ${row.intentScore}::real, ${row.hoaxClaimId}::uuid, ${row.hoaxScore}::real, ${row.priority}::smallint, ${row.bodyFingerprint}::text, ${row.duplicateOf}::uuid, ${`{${row.labels.map((label) => `"${label.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])`,
    ),
    sql`, `,
  )
  await tx.execute(sql`
    UPDATE inbox_items AS item SET
      classified_at = ${at.toISOString()}::timestamptz,
      sentiment = v.sentiment, sentiment_score = v.sentiment_score, abusive = v.abusive,
      hate_speech = v.hate_speech, intent = v.intent, intent_score = v.intent_score,
      hoax_claim_id = v.hoax_claim_id, hoax_score = v.hoax_score, priority = v.priority,
      body_fingerprint = v.body_fingerprint, duplicate_of = coalesce(item.duplicate_of, v.duplicate_of),
      labels = ARRAY(SELECT DISTINCT unnest(item.labels || v.labels)),
      updated_at = ${at.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(id, sentiment, sentiment_score, abusive, hate_speech, intent, intent_score,
      hoax_claim_id, hoax_score, priority, body_fingerprint, duplicate_of, labels)
    WHERE item.id = v.id`)
}

/**
 * How many questions, complaints or requests each author sent the instansi on the platform since a time, not
 * counting the given items (the batch being classified): "the same citizen asking again".
 */
export async function countEarlierAsks(
  tx: Db,
  instansiId: string,
  platform: string,
  authors: readonly string[],
  intents: readonly string[],
  since: Date,
  excluding: readonly string[],
): Promise<Map<string, number>> {
  if (authors.length === 0) return new Map()
  const rows = await tx
    .select({ author: inboxItems.authorExternalId, count: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        eq(inboxItems.platform, platform),
        inArray(inboxItems.authorExternalId, [...authors]),
        gte(inboxItems.createdAt, since),
        inArray(inboxItems.intent, [...intents]),
        excluding.length > 0 ? notInArray(inboxItems.id, [...excluding]) : undefined,
      ),
    )
    .groupBy(inboxItems.authorExternalId)
  return new Map(rows.map((row) => [row.author, Number(row.count)]))
}

/** An earlier item with one of the fingerprints, as folding needs it. */
export interface FingerprintedItem {
  id: string
  platform: string
  authorExternalId: string
  bodyFingerprint: string
  createdAt: Date
  duplicateOf: string | null
  labels: string[]
}

/** The instansi's already classified items with these fingerprints since a time, oldest first. */
export async function itemsWithFingerprints(
  tx: Db,
  instansiId: string,
  fingerprints: readonly string[],
  since: Date,
): Promise<FingerprintedItem[]> {
  if (fingerprints.length === 0) return []
  const rows = await tx
    .select({
      id: inboxItems.id,
      platform: inboxItems.platform,
      authorExternalId: inboxItems.authorExternalId,
      bodyFingerprint: inboxItems.bodyFingerprint,
      createdAt: inboxItems.createdAt,
      duplicateOf: inboxItems.duplicateOf,
      labels: inboxItems.labels,
    })
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        inArray(inboxItems.bodyFingerprint, [...fingerprints]),
        gte(inboxItems.createdAt, since),
      ),
    )
    .orderBy(asc(inboxItems.createdAt), asc(inboxItems.id))
  return rows.map((row) => ({ ...row, bodyFingerprint: row.bodyFingerprint! }))
}

/** Folds already classified items into others (a wave found late): item → the item it is shown under. */
export async function foldItems(
  tx: Db,
  folds: ReadonlyMap<string, string>,
  label: string | null,
  at: Date,
): Promise<void> {
  for (const [id, into] of folds) {
    await tx
      .update(inboxItems)
      .set({ duplicateOf: into, updatedAt: at })
      .where(and(eq(inboxItems.id, id), isNull(inboxItems.duplicateOf)))
    if (label) await addLabel(tx, [into], label, at)
  }
}

export async function addLabel(tx: Db, ids: readonly string[], label: string, at: Date): Promise<void> {
  if (ids.length === 0) return
  await tx
    .update(inboxItems)
    .set({
      labels: sql`CASE WHEN ${label} = ANY(${inboxItems.labels}) THEN ${inboxItems.labels} ELSE array_append(${inboxItems.labels}, ${label}::text) END`,
      updatedAt: at,
    })
    .where(inArray(inboxItems.id, [...ids]))
}

/** The item rows by id (any instansi: ids come from the job's own batch). */
export async function itemsByIds(tx: Db, ids: readonly string[]): Promise<InboxItemRow[]> {
  if (ids.length === 0) return []
  return tx
    .select()
    .from(inboxItems)
    .where(inArray(inboxItems.id, [...ids]))
}

/** A connected account the scheduler may poll. */
export interface PollableAccount {
  instansiId: string
  accountId: string
  platform: string
}

/**
 * Connected accounts whose next poll time came (or that were never polled), on the given platforms, the most
 * overdue first. Accounts that need a reconnect or were disconnected are not polled: the reconnect asks again.
 */
export async function duePolls(
  db: Db,
  platforms: readonly string[],
  now: Date,
  limit: number,
): Promise<PollableAccount[]> {
  if (platforms.length === 0) return []
  return db
    .select({
      instansiId: accountConnections.instansiId,
      accountId: accountConnections.accountId,
      platform: accountConnections.platform,
    })
    .from(accountConnections)
    .leftJoin(
      inboxCursors,
      and(eq(inboxCursors.accountId, accountConnections.accountId), eq(inboxCursors.stream, 'interactions')),
    )
    .where(
      and(
        eq(accountConnections.state, 'connected'),
        inArray(accountConnections.platform, [...platforms]),
        or(isNull(inboxCursors.nextPollAt), lte(inboxCursors.nextPollAt, now)),
      ),
    )
    .orderBy(sql`${inboxCursors.nextPollAt} ASC NULLS FIRST`)
    .limit(limit)
}

/**
 * The connected accounts of a platform that are hot: a citizen's newest item written, or a post of theirs
 * published, since the given time (ingest-poll.ts polls them every few seconds). One query gives both whether an
 * account is hot and how many share the platform's hot-poll budget.
 */
export async function hotAccountIds(db: Db, platform: string, since: Date): Promise<string[]> {
  const rows = await db
    .select({ accountId: accountConnections.accountId })
    .from(accountConnections)
    .leftJoin(
      inboxCursors,
      and(eq(inboxCursors.accountId, accountConnections.accountId), eq(inboxCursors.stream, 'interactions')),
    )
    .where(
      and(
        eq(accountConnections.platform, platform),
        eq(accountConnections.state, 'connected'),
        or(
          gte(inboxCursors.lastItemAt, since),
          exists(
            db
              .select({ one: sql`1` })
              .from(postVariants)
              .where(
                and(
                  eq(postVariants.instansiId, accountConnections.instansiId),
                  eq(postVariants.accountId, accountConnections.accountId),
                  eq(postVariants.status, 'published'),
                  gte(postVariants.publishedAt, since),
                ),
              ),
          ),
        ),
      ),
    )
  return rows.map((row) => row.accountId)
}

/** When to poll the account next (the cursor row is created when missing). */
export async function setNextPoll(
  db: Db,
  accountId: string,
  at: Date,
  stream = 'interactions',
): Promise<void> {
  await db
    .insert(inboxCursors)
    .values({ accountId, stream, nextPollAt: at })
    .onConflictDoUpdate({ target: [inboxCursors.accountId, inboxCursors.stream], set: { nextPollAt: at } })
}

/** The connected accounts of a platform with these platform ids (a webhook's events), as the store needs them. */
export async function connectedAccountsByPlatformIds(
  db: Db,
  platform: string,
  platformAccountIds: readonly string[],
): Promise<(InboxAccount & { platformAccountId: string })[]> {
  if (platformAccountIds.length === 0) return []
  const rows = await db
    .select({
      instansiId: accounts.instansiId,
      accountId: accounts.id,
      platform: accounts.platform,
      unitId: accounts.unitId,
      unitPath: units.path,
      platformAccountId: accountConnections.platformAccountId,
    })
    .from(accountConnections)
    .innerJoin(accounts, eq(accounts.id, accountConnections.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(
      and(
        eq(accountConnections.platform, platform),
        eq(accountConnections.state, 'connected'),
        inArray(accountConnections.platformAccountId, [...platformAccountIds]),
      ),
    )
  return rows.map((row) => ({ ...row, platformAccountId: row.platformAccountId! }))
}

/** The instansi that have items waiting for classification since before a time (the sweeper's work). */
export async function instansiWithUnclassified(db: Db, receivedBefore: Date): Promise<string[]> {
  const rows = rowsOf<{ instansi_id: string }>(
    await db.execute(
      sql`SELECT DISTINCT instansi_id FROM inbox_items WHERE classified_at IS NULL AND received_at <= ${receivedBefore.toISOString()}::timestamptz`,
    ),
  )
  return rows.map((row) => row.instansi_id)
}
