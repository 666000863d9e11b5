// The password_resets table: "Lupa kata sandi?" requests, for every e-mail typed (known or not), the links the
// mail job issued for them (as SHA-256 of the token only) and their use. Deployment-wide, like login_attempts: a
// request for an unknown e-mail belongs to no instansi.
import { and, asc, count, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { passwordResets } from './schema/index.ts'

export type PasswordResetRow = typeof passwordResets.$inferSelect

export async function insertPasswordReset(
  db: Db,
  values: { id: string; ip: string; email: string; requestedAt: Date },
): Promise<void> {
  await db
    .insert(passwordResets)
    .values({ ...values, email: values.email.trim().toLowerCase().slice(0, 320) })
}

export async function countResetRequestsFromIp(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.ip, ip), gte(passwordResets.requestedAt, since)))
  return row?.n ?? 0
}

export async function oldestResetRequestFromIp(db: Db, ip: string, since: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: passwordResets.requestedAt })
    .from(passwordResets)
    .where(and(eq(passwordResets.ip, ip), gte(passwordResets.requestedAt, since)))
    .orderBy(asc(passwordResets.requestedAt))
    .limit(1)
  return row?.at ?? null
}

export async function countResetRequestsForEmail(db: Db, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.email, email.trim().toLowerCase().slice(0, 320)),
        gte(passwordResets.requestedAt, since),
      ),
    )
  return row?.n ?? 0
}

/** Locks one request for the mail job (SKIP LOCKED: a second worker delivering the same job finds nothing). */
export async function lockPasswordReset(db: Db, id: string): Promise<PasswordResetRow[]> {
  return db.select().from(passwordResets).where(eq(passwordResets.id, id)).for('update', { skipLocked: true })
}

/** The job looked the e-mail up: with `link`, it issued a link for that user. */
export async function markPasswordResetHandled(
  db: Db,
  id: string,
  handledAt: Date,
  link?: { instansiId: string; userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .update(passwordResets)
    .set({ handledAt, ...(link ? { ...link, sentAt: handledAt } : {}) })
    .where(eq(passwordResets.id, id))
}

/** The mail could not be sent: the link is withdrawn and the job may try again with a new one. */
export async function withdrawPasswordResetLink(db: Db, id: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({
      handledAt: null,
      instansiId: null,
      userId: null,
      tokenHash: null,
      sentAt: null,
      expiresAt: null,
    })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
}

/** The unused, unexpired link with this token hash, locked for the reset that uses it. */
export async function lockUsablePasswordReset(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<PasswordResetRow | undefined> {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .for('update')
  return row
}

/** Uses the link, and with it every other open link of the same user (one reset ends them all). */
export async function usePasswordResets(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
}

/** Housekeeping: requests and links that ended before `before`; returns how many were deleted. */
export async function deletePasswordResetsBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(passwordResets)
    .where(
      and(
        lt(passwordResets.requestedAt, before),
        sql`coalesce(${passwordResets.expiresAt}, ${passwordResets.requestedAt}) < ${before.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: passwordResets.id })
  return rows.length
}
