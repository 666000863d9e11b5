// post_metrics: the planned readings of a published variant (+1 h, +24 h, +7 d), taken by the collect-post-metrics
// job. A row is open while fetched_at is null; it closes with a reading (metrics set) or, given up, with metrics
// null and last_error saying why (the post was deleted on the platform, or the attempts ran out). The collector's
// queries run across instansi on purpose (a worker serves every instansi); every other query filters on
// instansi_id.
import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { postMetrics, postVariants, type StoredMetrics } from './schema/index.ts'

export type PostMetricsRow = typeof postMetrics.$inferSelect
export type MetricCheckpoint = PostMetricsRow['checkpoint']

/** The planned readings; a variant published twice (it cannot be, but a replayed job might try) keeps its first. */
export async function insertMetricCheckpoints(
  db: Db,
  rows: readonly Omit<typeof postMetrics.$inferInsert, 'createdAt'>[],
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(postMetrics)
    .values([...rows])
    .onConflictDoNothing({ target: [postMetrics.variantId, postMetrics.checkpoint] })
}

export interface DueMetricReading {
  id: string
  instansiId: string
  variantId: string
  accountId: string
  platformPostId: string
  checkpoint: MetricCheckpoint
  attempts: number
}

/**
 * Open readings due by `now` of published variants, oldest first, across instansi (or of one), taken under a lease: their
 * due_at moves to `leaseUntil` in the same statement, so a second collector does not read them too, and a
 * collector that dies leaves them due again when the lease ends.
 */
export async function takeDueMetricReadings(
  db: Db,
  now: Date,
  leaseUntil: Date,
  maxAttempts: number,
  limit: number,
  instansiId?: string,
): Promise<DueMetricReading[]> {
  const picked = db
    .select({ id: postMetrics.id })
    .from(postMetrics)
    .where(
      and(
        isNull(postMetrics.fetchedAt),
        lte(postMetrics.dueAt, now),
        lt(postMetrics.attempts, maxAttempts),
        instansiId === undefined ? undefined : eq(postMetrics.instansiId, instansiId),
      ),
    )
    .orderBy(asc(postMetrics.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  const taken = await db
    .update(postMetrics)
    .set({ dueAt: leaseUntil })
    .where(inArray(postMetrics.id, picked))
    .returning({
      id: postMetrics.id,
      instansiId: postMetrics.instansiId,
      variantId: postMetrics.variantId,
      checkpoint: postMetrics.checkpoint,
      attempts: postMetrics.attempts,
    })
  if (taken.length === 0) return []
  const variants = await db
    .select({
      id: postVariants.id,
      accountId: postVariants.accountId,
      platformPostId: postVariants.platformPostId,
    })
    .from(postVariants)
    .where(
      inArray(
        postVariants.id,
        taken.map((row) => row.variantId),
      ),
    )
  const byId = new Map(variants.map((variant) => [variant.id, variant]))
  return taken.flatMap((row) => {
    const variant = byId.get(row.variantId)
    return variant?.platformPostId
      ? [{ ...row, accountId: variant.accountId, platformPostId: variant.platformPostId }]
      : []
  })
}

/** A reading taken: the row closes with it. */
export async function recordMetricReading(
  db: Db,
  instansiId: string,
  id: string,
  metrics: StoredMetrics,
  now: Date,
): Promise<void> {
  await db
    .update(postMetrics)
    .set({ metrics, fetchedAt: now, lastError: null })
    .where(and(eq(postMetrics.instansiId, instansiId), eq(postMetrics.id, id), isNull(postMetrics.fetchedAt)))
}

/** Not read this time: when to try again, and whether the try counted. */
export async function postponeMetricReading(
  db: Db,
  instansiId: string,
  id: string,
  change: { dueAt: Date; lastError: string; countAttempt: boolean },
): Promise<void> {
  await db
    .update(postMetrics)
    .set({
      dueAt: change.dueAt,
      lastError: change.lastError.slice(0, 500),
      attempts: change.countAttempt ? sql`${postMetrics.attempts} + 1` : postMetrics.attempts,
    })
    .where(and(eq(postMetrics.instansiId, instansiId), eq(postMetrics.id, id), isNull(postMetrics.fetchedAt)))
}

/** Gives up one reading (its attempts ran out): closed without metrics. */
export async function giveUpMetricReading(
  db: Db,
  instansiId: string,
  id: string,
  lastError: string,
  now: Date,
): Promise<void> {
  await db
    .update(postMetrics)
    .set({ fetchedAt: now, lastError: lastError.slice(0, 500), attempts: sql`${postMetrics.attempts} + 1` })
    .where(and(eq(postMetrics.instansiId, instansiId), eq(postMetrics.id, id), isNull(postMetrics.fetchedAt)))
}

/** Gives up the variant's open readings (its post is gone from the platform): closed without metrics. */
export async function closeMetricReadingsOfVariant(
  db: Db,
  instansiId: string,
  variantId: string,
  lastError: string,
  now: Date,
): Promise<void> {
  await db
    .update(postMetrics)
    .set({ fetchedAt: now, lastError })
    .where(
      and(
        eq(postMetrics.instansiId, instansiId),
        eq(postMetrics.variantId, variantId),
        isNull(postMetrics.fetchedAt),
      ),
    )
}

/** Every planned reading of the variants. */
export async function metricReadingsOf(
  db: Db,
  instansiId: string,
  variantIds: readonly string[],
): Promise<PostMetricsRow[]> {
  if (variantIds.length === 0) return []
  return db
    .select()
    .from(postMetrics)
    .where(and(eq(postMetrics.instansiId, instansiId), inArray(postMetrics.variantId, [...variantIds])))
}
