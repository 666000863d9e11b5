// The job_outbox table: jobs written inside the transaction of the change that asks for them, waiting for a
// worker process to hand them to pg-boss.
import { and, asc, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { jobOutbox } from './schema/index.ts'

export type OutboxRow = typeof jobOutbox.$inferSelect

export async function insertOutboxJob(
  db: Db,
  job: { id: string; name: string; payload: unknown; startAfter: Date | null; singletonKey: string | null },
): Promise<void> {
  await db.insert(jobOutbox).values(job)
}

/**
 * Takes up to `limit` rows of the given job names, oldest first, for `leaseSeconds`: one statement that locks
 * them (FOR UPDATE SKIP LOCKED, so concurrent relays take different rows) and marks them claimed. A row whose
 * claim has run out (its relay died) is taken again.
 */
export async function claimOutboxBatch(
  db: Db,
  names: readonly string[],
  limit: number,
  leaseSeconds: number,
): Promise<OutboxRow[]> {
  if (names.length === 0) return []
  const claimable = db
    .select({ id: jobOutbox.id })
    .from(jobOutbox)
    .where(
      and(
        inArray(jobOutbox.name, [...names]),
        or(isNull(jobOutbox.claimedUntil), lt(jobOutbox.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(jobOutbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  const rows = await db
    .update(jobOutbox)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(inArray(jobOutbox.id, claimable))
    .returning()
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

export async function deleteOutboxJobs(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db.delete(jobOutbox).where(inArray(jobOutbox.id, [...ids]))
}
