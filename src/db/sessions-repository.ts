// The sessions table: browser sessions. The cookie holds a random token; the table holds its SHA-256, so a
// leaked table cannot be replayed as cookies.
import { and, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { sessions, users } from './schema/index.ts'
import { grantsJsonOf, type GrantWithUnit } from './role-grants-repository.ts'

export type SessionRow = typeof sessions.$inferSelect
export type NewSession = typeof sessions.$inferInsert

export async function insertSession(db: Db, values: NewSession): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning()
  return row!
}

export interface SessionWithUser {
  session: SessionRow
  user: {
    id: string
    instansiId: string
    email: string
    disabledAt: Date | null
    totpEnabledAt: Date | null
    mustChangePassword: boolean
  }
  grants: GrantWithUnit[]
}

/**
 * The live session for a cookie token (not revoked, not expired, user not disabled), with the user's grants. Run on
 * every browser request, so the statement is prepared once per database handle.
 */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<SessionWithUser | undefined> {
  let statement = liveSessionStatements.get(db)
  if (!statement) liveSessionStatements.set(db, (statement = prepareLiveSession(db)))
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() })
  return row ? { ...row, grants: row.grants ?? [] } : undefined
}

const liveSessionStatements = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>()

function prepareLiveSession(db: Db) {
  return db
    .select({
      session: sessions,
      user: {
        id: users.id,
        instansiId: users.instansiId,
        email: users.email,
        disabledAt: users.disabledAt,
        totpEnabledAt: users.totpEnabledAt,
        mustChangePassword: users.mustChangePassword,
      },
      grants: grantsJsonOf(users.id, users.instansiId),
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.instansiId, sessions.instansiId)))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('find_live_session')
}

/** Updates last-seen at most once a minute per session, so reads do not turn into a write per request. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))))
}

export async function markSessionTwoFactorPassed(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorPassed: true }).where(eq(sessions.id, sessionId))
}

export async function listLiveSessions(
  db: Db,
  instansiId: string,
  userId: string,
  now: Date,
): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.instansiId, instansiId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
}

export async function revokeSession(
  db: Db,
  instansiId: string,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.instansiId, instansiId),
        eq(sessions.userId, userId),
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
      ),
    )
    .returning()
  return row
}

/** Revokes every live session of the user except `keepSessionId` (password change keeps the current one). */
export async function revokeUserSessions(
  db: Db,
  instansiId: string,
  userId: string,
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.instansiId, instansiId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : sql`true`,
      ),
    )
    .returning({ id: sessions.id })
  return rows.length
}

/** A session that ended (expired or revoked) before `before`, as the purge job sees it. */
export interface DeadSession {
  id: string
  expiresAt: Date
  revokedAt: Date | null
}

/**
 * Locks up to `limit` sessions that ended before `before` (FOR UPDATE SKIP LOCKED): workers purging at the same
 * time take different rows instead of waiting on each other.
 */
export async function lockDeadSessions(db: Db, before: Date, limit: number): Promise<DeadSession[]> {
  return db
    .select({ id: sessions.id, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true })
}

export async function deleteSessions(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0
  const rows = await db
    .delete(sessions)
    .where(inArray(sessions.id, [...ids]))
    .returning({ id: sessions.id })
  return rows.length
}
