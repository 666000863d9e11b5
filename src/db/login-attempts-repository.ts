// The login_attempts table: every sign-in attempt and every failed proof of identity (a password or a code,
// at any door) by address and e-mail, known or not, for the per-address throttle and the lock of e-mails without
// an account. Deployment-wide (an unknown e-mail belongs to no instansi); kept a day.
import { and, asc, count, eq, gte, lt } from 'drizzle-orm'
import type { Db } from './client.ts'
import { loginAttempts } from './schema/index.ts'

export async function recordLoginAttempt(
  db: Db,
  attempt: { ip: string; email: string; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ ...attempt, email: attempt.email.trim().toLowerCase().slice(0, 320), attemptedAt: now })
}

function failedFrom(ip: string, since: Date) {
  return and(
    eq(loginAttempts.ip, ip),
    eq(loginAttempts.succeeded, false),
    gte(loginAttempts.attemptedAt, since),
  )
}

export async function countFailedAttemptsFromIp(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(loginAttempts).where(failedFrom(ip, since))
  return row?.n ?? 0
}

export async function oldestFailedAttemptFromIp(db: Db, ip: string, since: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(failedFrom(ip, since))
    .orderBy(asc(loginAttempts.attemptedAt))
    .limit(1)
  return row?.at ?? null
}

/** When the failed attempts for one e-mail (any address) since `since` happened, oldest first. */
export async function failedAttemptTimesForEmail(db: Db, email: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email.trim().toLowerCase().slice(0, 320)),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    )
    .orderBy(asc(loginAttempts.attemptedAt))
    .limit(1000)
  return rows.map((row) => row.at)
}

/** Housekeeping: attempts older than `before`; returns how many were deleted. */
export async function deleteLoginAttemptsBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, before))
    .returning({ id: loginAttempts.id })
  return rows.length
}
