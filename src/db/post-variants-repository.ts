// post_variants as the publishing engine sees them: claim a variant for a job, move its state, find what is due
// or stuck. The sweeper's queries run across instansi on purpose (a worker serves every instansi); every other
// query filters on instansi_id.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accountConnections, accounts, postVariants, posts } from './schema/index.ts'

export type PublishingVariantRow = typeof postVariants.$inferSelect

export interface ClaimedVariant extends PublishingVariantRow {
  postStatus: string
  /** The account's platform (its rate budget). */
  platform: string
  /** The publishing quota the platform last reported for the account (0022), when it reports one. */
  reportedQuota: { used: number; total: number; windowSeconds: number; checkedAt: Date } | null
}

/** Locks the variant (skipping one another worker holds) with its post's status; [] when locked or gone. */
export async function claimVariant(db: Db, instansiId: string, variantId: string): Promise<ClaimedVariant[]> {
  const rows = await db
    .select({
      variant: postVariants,
      postStatus: posts.status,
      platform: accounts.platform,
      quotaUsed: accountConnections.quotaUsed,
      quotaTotal: accountConnections.quotaTotal,
      quotaWindowSeconds: accountConnections.quotaWindowSeconds,
      quotaCheckedAt: accountConnections.quotaCheckedAt,
    })
    .from(postVariants)
    .innerJoin(posts, eq(posts.id, postVariants.postId))
    .innerJoin(accounts, eq(accounts.id, postVariants.accountId))
    .leftJoin(
      accountConnections,
      and(
        eq(accountConnections.accountId, postVariants.accountId),
        eq(accountConnections.instansiId, postVariants.instansiId),
      ),
    )
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.id, variantId)))
    .for('update', { of: postVariants, skipLocked: true })
  return rows.map((row) => ({
    ...row.variant,
    postStatus: row.postStatus,
    platform: row.platform,
    reportedQuota:
      row.quotaUsed !== null &&
      row.quotaTotal !== null &&
      row.quotaWindowSeconds !== null &&
      row.quotaCheckedAt !== null
        ? {
            used: row.quotaUsed,
            total: row.quotaTotal,
            windowSeconds: row.quotaWindowSeconds,
            checkedAt: row.quotaCheckedAt,
          }
        : null,
  }))
}

/** Locks the variant and waits for it (recording an outcome must not be skipped). */
export async function lockVariant(
  db: Db,
  instansiId: string,
  variantId: string,
): Promise<PublishingVariantRow | undefined> {
  const [row] = await db
    .select()
    .from(postVariants)
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.id, variantId)))
    .for('update')
  return row
}

export async function getVariant(
  db: Db,
  instansiId: string,
  variantId: string,
): Promise<PublishingVariantRow | undefined> {
  const [row] = await db
    .select()
    .from(postVariants)
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.id, variantId)))
  return row
}

export type VariantChange = Partial<
  Pick<
    PublishingVariantRow,
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'lastErrorKind'
    | 'lastErrorMessage'
    | 'platformPostId'
    | 'platformPostUrl'
    | 'publishedAt'
    | 'enqueuedAt'
  >
>

export async function updateVariant(
  db: Db,
  instansiId: string,
  variantId: string,
  change: VariantChange,
  now: Date,
): Promise<void> {
  await db
    .update(postVariants)
    .set({ ...change, updatedAt: now })
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.id, variantId)))
}

/** The statuses of a post's variants (for the post's own status). */
export async function variantStatusesOf(db: Db, instansiId: string, postId: string): Promise<string[]> {
  const rows = await db
    .select({ status: postVariants.status })
    .from(postVariants)
    .where(and(eq(postVariants.instansiId, instansiId), eq(postVariants.postId, postId)))
  return rows.map((row) => row.status)
}

export async function setPostStatus(
  db: Db,
  instansiId: string,
  postId: string,
  status: string,
  now: Date,
): Promise<void> {
  await db
    .update(posts)
    .set({ status, version: sql`${posts.version} + 1`, updatedAt: now })
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, postId)))
}

export interface DueVariant {
  id: string
  instansiId: string
  accountId: string
  nextAttemptAt: Date
}

/**
 * Scheduled variants due by `dueBy` (the sweeper looks a little ahead) that have no publish job on its way,
 * oldest first, across instansi (the sweeper), stamped (enqueued_at = `now`) in the same statement: a variant is
 * handed out again only when it fell due after its last job was asked for, or when that job seems lost
 * (`lostBefore`), so the sweeper does not flood the queue with copies of jobs still waiting.
 */
export async function takeDueVariants(
  db: Db,
  dueBy: Date,
  lostBefore: Date,
  limit: number,
  now: Date = dueBy,
): Promise<DueVariant[]> {
  const picked = db
    .select({ id: postVariants.id })
    .from(postVariants)
    .where(
      and(
        eq(postVariants.status, 'scheduled'),
        lte(postVariants.nextAttemptAt, dueBy),
        or(
          isNull(postVariants.enqueuedAt),
          lt(postVariants.enqueuedAt, postVariants.nextAttemptAt),
          lte(postVariants.enqueuedAt, lostBefore),
        ),
      ),
    )
    .orderBy(asc(postVariants.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  const rows = await db
    .update(postVariants)
    .set({ enqueuedAt: now })
    .where(inArray(postVariants.id, picked))
    .returning({
      id: postVariants.id,
      instansiId: postVariants.instansiId,
      accountId: postVariants.accountId,
      nextAttemptAt: postVariants.nextAttemptAt,
    })
  return rows.map((row) => ({ ...row, nextAttemptAt: row.nextAttemptAt! }))
}

/** The platform of each account (the sweeper's budget plan), across instansi like the sweeper. */
export async function platformsOfAccounts(
  db: Db,
  accountIds: readonly string[],
): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map()
  const rows = await db
    .select({ id: accounts.id, platform: accounts.platform })
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(accountIds)]))
  return new Map(rows.map((row) => [row.id, row.platform]))
}

/** Variants left in `publishing` since before `before`: their worker died (the lease ran out). */
export async function listStalePublishing(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ id: string; instansiId: string }[]> {
  return db
    .select({ id: postVariants.id, instansiId: postVariants.instansiId })
    .from(postVariants)
    .where(and(eq(postVariants.status, 'publishing'), lte(postVariants.updatedAt, before)))
    .limit(limit)
}

/** Unconfirmed variants not touched since `before` (a reconcile job that was lost is asked for again). */
export async function listStaleUnconfirmed(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ id: string; instansiId: string }[]> {
  return db
    .select({ id: postVariants.id, instansiId: postVariants.instansiId })
    .from(postVariants)
    .where(and(eq(postVariants.status, 'unconfirmed'), lte(postVariants.updatedAt, before)))
    .limit(limit)
}

/** Moves the post's variants in `from` to scheduled at `at`; returns the ids moved. */
export async function scheduleVariantsOfPost(
  db: Db,
  instansiId: string,
  postId: string,
  from: readonly string[],
  at: Date,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(postVariants)
    .set({ status: 'scheduled', nextAttemptAt: at, enqueuedAt: at, updatedAt: now })
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.postId, postId),
        inArray(postVariants.status, [...from]),
      ),
    )
    .returning({ id: postVariants.id })
  return rows.map((row) => row.id)
}

/** Cancels the post's variants still in `from`; returns the ids cancelled. */
export async function cancelVariantsOfPost(
  db: Db,
  instansiId: string,
  postId: string,
  from: readonly string[],
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(postVariants)
    .set({ status: 'cancelled', nextAttemptAt: null, updatedAt: now })
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.postId, postId),
        inArray(postVariants.status, [...from]),
      ),
    )
    .returning({ id: postVariants.id })
  return rows.map((row) => row.id)
}

/** The account's penanggung jawab (who is told to reconnect it). */
export async function penanggungJawabOf(
  db: Db,
  instansiId: string,
  accountId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: accounts.penanggungJawabUserId })
    .from(accounts)
    .where(and(eq(accounts.instansiId, instansiId), eq(accounts.id, accountId)))
  return row?.userId
}

/** How many of the account's variants wait to be published (scheduled): what a needed reconnect holds up. */
export async function countScheduledOfAccount(
  db: Db,
  instansiId: string,
  accountId: string,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(postVariants)
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.accountId, accountId),
        eq(postVariants.status, 'scheduled'),
      ),
    )
  return Number(row?.count ?? 0)
}

/**
 * The latest metrics reading, copied from post_metrics (migration 0014); an older reading never replaces a newer
 * one. updated_at is left alone: it is the engine's lease clock, and a reading is no change of state.
 */
export async function setVariantMetrics(
  db: Db,
  instansiId: string,
  variantId: string,
  metrics: NonNullable<PublishingVariantRow['metrics']>,
  at: Date,
): Promise<void> {
  await db
    .update(postVariants)
    .set({ metrics, metricsAt: at })
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.id, variantId),
        or(isNull(postVariants.metricsAt), lte(postVariants.metricsAt, at)),
      ),
    )
}
