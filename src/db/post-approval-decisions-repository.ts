// The post_approval_decisions table: the decisions on submitted posts, by round. Every query filters on instansi_id.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { postApprovalDecisions, posts, postVariants, users } from './schema/index.ts'

export type PostApprovalDecisionRow = typeof postApprovalDecisions.$inferSelect

export interface DecisionWithName extends PostApprovalDecisionRow {
  userName: string
}

export async function insertPostApprovalDecision(
  db: Db,
  row: typeof postApprovalDecisions.$inferInsert,
): Promise<void> {
  await db.insert(postApprovalDecisions).values(row)
}

/** The decisions of one round of a post (the ones the rules count). */
export async function decisionsOfRound(
  db: Db,
  instansiId: string,
  postId: string,
  round: number,
): Promise<PostApprovalDecisionRow[]> {
  return db
    .select()
    .from(postApprovalDecisions)
    .where(
      and(
        eq(postApprovalDecisions.instansiId, instansiId),
        eq(postApprovalDecisions.postId, postId),
        eq(postApprovalDecisions.round, round),
      ),
    )
    .orderBy(asc(postApprovalDecisions.decidedAt))
}

/** The current-round decisions of several posts at once (the approval queue). */
export async function decisionsOfPosts(
  db: Db,
  instansiId: string,
  postIds: readonly string[],
): Promise<DecisionWithName[]> {
  if (postIds.length === 0) return []
  const rows = await db
    .select({ decision: postApprovalDecisions, userName: users.name })
    .from(postApprovalDecisions)
    .innerJoin(users, eq(users.id, postApprovalDecisions.userId))
    .where(
      and(
        eq(postApprovalDecisions.instansiId, instansiId),
        inArray(postApprovalDecisions.postId, [...postIds]),
      ),
    )
    .orderBy(asc(postApprovalDecisions.round), asc(postApprovalDecisions.decidedAt))
  return rows.map((row) => ({ ...row.decision, userName: row.userName }))
}

/** Moves a post to a new state, bumping its version (the engine's contract is in features/posts/decide-post.ts). */
export async function setPostStatus(
  db: Db,
  instansiId: string,
  postId: string,
  fields: { status: string; approvalRound?: number; scheduledAt?: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(posts)
    .set({ ...fields, version: sql`${posts.version} + 1`, updatedAt: now })
    .where(and(eq(posts.instansiId, instansiId), eq(posts.id, postId)))
}

/**
 * Sets every variant of the post that has not been published yet: `scheduled` with the time the publishing
 * engine's sweeper picks it up, or back to `pending` / `expired` / `cancelled` with no time.
 */
export async function setUnpublishedVariants(
  db: Db,
  instansiId: string,
  postId: string,
  fields: { status: string; nextAttemptAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(postVariants)
    .set({ ...fields, updatedAt: now })
    .where(
      and(
        eq(postVariants.instansiId, instansiId),
        eq(postVariants.postId, postId),
        inArray(postVariants.status, ['pending', 'scheduled']),
      ),
    )
}

export interface OverduePost {
  id: string
  instansiId: string
  authorId: string
  title: string
  status: string
  scheduledAt: Date | null
}

/** Locks posts of every instansi still in review whose scheduled time has come (the expiry sweep). */
export async function claimOverdueInReview(db: Db, now: Date, limit: number): Promise<OverduePost[]> {
  return db
    .select({
      id: posts.id,
      instansiId: posts.instansiId,
      authorId: posts.authorId,
      title: posts.title,
      status: posts.status,
      scheduledAt: posts.scheduledAt,
    })
    .from(posts)
    .where(and(eq(posts.status, 'in_review'), lte(posts.scheduledAt, now)))
    .orderBy(asc(posts.scheduledAt))
    .limit(limit)
    .for('update', { skipLocked: true })
}
