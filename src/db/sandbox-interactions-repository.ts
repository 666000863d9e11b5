// sandbox_interactions: comments, replies and mentions on the simulated network, by citizens or by the account
// itself (own). `seq` orders them; the interactions cursor pages from the newest back.
import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Db } from './client.ts'
import { sandboxInteractions } from './schema/index.ts'

export type SandboxInteractionRow = typeof sandboxInteractions.$inferSelect
export type NewSandboxInteraction = Omit<SandboxInteractionRow, 'seq' | 'hiddenAt' | 'deletedAt'>

export async function insertSandboxInteractions(
  db: Db,
  rows: readonly NewSandboxInteraction[],
): Promise<void> {
  if (rows.length > 0) await db.insert(sandboxInteractions).values([...rows])
}

/**
 * Inserts the account's own reply once: a second insert with the same id (the caller's idempotency key) adds
 * nothing and answers the reply already stored.
 */
export async function insertOwnSandboxReplyOnce(
  db: Db,
  row: NewSandboxInteraction,
): Promise<SandboxInteractionRow> {
  await db.insert(sandboxInteractions).values(row).onConflictDoNothing({ target: sandboxInteractions.id })
  const [stored] = await db
    .select()
    .from(sandboxInteractions)
    .where(and(eq(sandboxInteractions.instansiId, row.instansiId), eq(sandboxInteractions.id, row.id)))
  return stored!
}

/** The account's own live replies directly under an item, oldest first. */
export async function listOwnSandboxRepliesTo(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  parentId: string,
): Promise<SandboxInteractionRow[]> {
  return db
    .select()
    .from(sandboxInteractions)
    .where(
      and(
        eq(sandboxInteractions.instansiId, instansiId),
        eq(sandboxInteractions.sandboxAccountId, sandboxAccountId),
        eq(sandboxInteractions.parentId, parentId),
        eq(sandboxInteractions.own, true),
        isNull(sandboxInteractions.deletedAt),
      ),
    )
    .orderBy(asc(sandboxInteractions.seq))
    .limit(200)
}

export async function getSandboxInteraction(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  id: string,
): Promise<SandboxInteractionRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxInteractions)
    .where(
      and(
        eq(sandboxInteractions.instansiId, instansiId),
        eq(sandboxInteractions.sandboxAccountId, sandboxAccountId),
        eq(sandboxInteractions.id, id),
        isNull(sandboxInteractions.deletedAt),
      ),
    )
  return row
}

/**
 * What others sent the account (not its own replies, not deleted), oldest first, after a position (`seq`): the
 * inbox polls forward from where it stopped.
 */
export async function listIncomingSandboxInteractions(
  db: Db,
  instansiId: string,
  sandboxAccountId: string,
  after: number | null,
  limit: number,
): Promise<SandboxInteractionRow[]> {
  return db
    .select()
    .from(sandboxInteractions)
    .where(
      and(
        eq(sandboxInteractions.instansiId, instansiId),
        eq(sandboxInteractions.sandboxAccountId, sandboxAccountId),
        eq(sandboxInteractions.own, false),
        isNull(sandboxInteractions.deletedAt),
        after === null ? undefined : gt(sandboxInteractions.seq, after),
      ),
    )
    .orderBy(asc(sandboxInteractions.seq))
    .limit(limit)
}

export async function markSandboxInteraction(
  db: Db,
  instansiId: string,
  id: string,
  change: { hiddenAt: Date } | { deletedAt: Date },
): Promise<void> {
  await db
    .update(sandboxInteractions)
    .set(change)
    .where(and(eq(sandboxInteractions.instansiId, instansiId), eq(sandboxInteractions.id, id)))
}

/** Live replies and comments under each post (the reply count of its metrics). */
export async function countSandboxRepliesByPost(
  db: Db,
  instansiId: string,
  postIds: readonly string[],
): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map()
  const rows = await db
    .select({ postId: sandboxInteractions.postId, replies: count() })
    .from(sandboxInteractions)
    .where(
      and(
        eq(sandboxInteractions.instansiId, instansiId),
        inArray(sandboxInteractions.postId, [...postIds]),
        isNull(sandboxInteractions.deletedAt),
      ),
    )
    .groupBy(sandboxInteractions.postId)
  return new Map(rows.map((row) => [row.postId!, Number(row.replies)]))
}
