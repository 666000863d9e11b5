// sandbox_posts: posts on the simulated network. The idempotency key is unique per account, so inserting the same
// key twice keeps the first post (ON CONFLICT DO NOTHING) and answers it.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { sandboxPosts, type SandboxMediaRecord } from './schema/index.ts'

export type SandboxPostRow = typeof sandboxPosts.$inferSelect

/** Inserts the post unless the account already has one with this key; `created` says which happened. */
export async function insertSandboxPostOnce(
  db: Db,
  row: {
    id: string
    instansiId: string
    sandboxAccountId: string
    idempotencyKey: string
    text: string
    media: SandboxMediaRecord[]
    createdAt: Date
  },
): Promise<{ post: SandboxPostRow; created: boolean }> {
  const inserted = await db.insert(sandboxPosts).values(row).onConflictDoNothing().returning()
  if (inserted[0]) return { post: inserted[0], created: true }
  const [existing] = await db
    .select()
    .from(sandboxPosts)
    .where(
      and(
        eq(sandboxPosts.instansiId, row.instansiId),
        eq(sandboxPosts.sandboxAccountId, row.sandboxAccountId),
        eq(sandboxPosts.idempotencyKey, row.idempotencyKey),
      ),
    )
  return { post: existing!, created: false }
}

export async function getSandboxPost(
  db: Db,
  instansiId: string,
  id: string,
): Promise<SandboxPostRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxPosts)
    .where(and(eq(sandboxPosts.instansiId, instansiId), eq(sandboxPosts.id, id)))
  return row
}

/** Locks one post for the simulated citizens' round (FOR UPDATE SKIP LOCKED: a second delivery waits its turn). */
export async function claimSandboxPost(db: Db, instansiId: string, id: string): Promise<SandboxPostRow[]> {
  return db
    .select()
    .from(sandboxPosts)
    .where(and(eq(sandboxPosts.instansiId, instansiId), eq(sandboxPosts.id, id)))
    .for('update', { skipLocked: true })
}

export async function listRecentSandboxPosts(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  since: Date,
  limit: number,
): Promise<SandboxPostRow[]> {
  return db
    .select()
    .from(sandboxPosts)
    .where(
      and(
        eq(sandboxPosts.instansiId, instansiId),
        eq(sandboxPosts.sandboxAccountId, sandboxAccountId),
        gte(sandboxPosts.createdAt, since),
        isNull(sandboxPosts.deletedAt),
      ),
    )
    .orderBy(desc(sandboxPosts.createdAt))
    .limit(limit)
}

export async function listSandboxPostsByIds(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  ids: readonly string[],
): Promise<SandboxPostRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(sandboxPosts)
    .where(
      and(
        eq(sandboxPosts.instansiId, instansiId),
        eq(sandboxPosts.sandboxAccountId, sandboxAccountId),
        inArray(sandboxPosts.id, [...ids]),
        isNull(sandboxPosts.deletedAt),
      ),
    )
}

/** Marks the post deleted; false when the account has no such live post. */
export async function deleteSandboxPost(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(sandboxPosts)
    .set({ deletedAt: now })
    .where(
      and(
        eq(sandboxPosts.instansiId, instansiId),
        eq(sandboxPosts.sandboxAccountId, sandboxAccountId),
        eq(sandboxPosts.id, id),
        isNull(sandboxPosts.deletedAt),
      ),
    )
    .returning({ id: sandboxPosts.id })
  return rows.length > 0
}

/** Adds a round of simulated attention to a post and records the round. */
export async function addSandboxPostAttention(
  db: Db,
  instansiId: string,
  id: string,
  added: { likes: number; shares: number; views: number; round: number },
): Promise<void> {
  await db
    .update(sandboxPosts)
    .set({
      likes: sql`${sandboxPosts.likes} + ${added.likes}`,
      shares: sql`${sandboxPosts.shares} + ${added.shares}`,
      views: sql`${sandboxPosts.views} + ${added.views}`,
      citizenRounds: added.round,
    })
    .where(and(eq(sandboxPosts.instansiId, instansiId), eq(sandboxPosts.id, id)))
}
