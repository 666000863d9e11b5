// The users table: people of one instansi, their password and TOTP state, lockout counters and profile.
// Lookups by e-mail are deployment-wide (an e-mail signs in to exactly one instansi); everything else filters on
// instansi_id.
import { and, asc, eq, gt, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { roleGrants, units, users } from './schema/index.ts'
import { escapeLike, inReadingOrder, pathWithin } from './sql-helpers.ts'

export type UserRow = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1)
  return row
}

export async function findUserById(db: Db, instansiId: string, userId: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
    .limit(1)
  return row
}

/**
 * Users of the instansi that hold a grant inside one of the subtrees, plus (when `includeUngranted`) users with
 * no grant at all, whom only an instansi-wide administrator may see.
 */
export async function listUsersInScope(
  db: Db,
  instansiId: string,
  pathPrefixes: string[],
  includeUngranted: boolean,
  search?: string,
): Promise<UserRow[]> {
  if (pathPrefixes.length === 0 && !includeUngranted) return []
  const inScope = pathPrefixes.length
    ? sql`exists (select 1 from ${roleGrants} g join ${units} u on u.id = g.unit_id where g.user_id = ${users.id} and g.instansi_id = ${instansiId} and ${pathWithin(sql`u.path`, pathPrefixes)})`
    : sql`false`
  const ungranted = includeUngranted
    ? sql`not exists (select 1 from ${roleGrants} g where g.user_id = ${users.id})`
    : sql`false`
  const conditions: SQL[] = [eq(users.instansiId, instansiId), or(inScope, ungranted)!]
  if (search?.trim()) {
    const pattern = `%${escapeLike(search.trim().toLowerCase())}%`
    conditions.push(or(like(sql`lower(${users.email})`, pattern), like(sql`lower(${users.name})`, pattern))!)
  }
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(inReadingOrder(users.name)), asc(users.email))
    .limit(5000)
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning()
  return row!
}

export async function updateUser(
  db: Db,
  instansiId: string,
  userId: string,
  values: Partial<
    Pick<
      UserRow,
      | 'name'
      | 'email'
      | 'locale'
      | 'disabledAt'
      | 'totpSecret'
      | 'totpEnabledAt'
      | 'trainingMode'
      | 'trainingModeSince'
    >
  >,
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
    .returning()
  return row
}

/** Locks the user's row until the transaction ends, so checks of their roles and the change they guard are one step. */
export async function lockUser(db: Db, instansiId: string, userId: string): Promise<void> {
  await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
    .for('update')
}

/**
 * Sets a new password hash. Clears a lockout unless `keepLock` (a reset by e-mail leaves a running lock to run
 * out, so a mailbox is never a way around the guessing limit of the second factor).
 */
export async function setPassword(
  db: Db,
  instansiId: string,
  userId: string,
  values: { passwordHash: string; mustChangePassword: boolean },
  now: Date,
  options: { keepLock?: boolean } = {},
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      ...values,
      ...(options.keepLock ? {} : { failedLoginCount: 0, lockedUntil: null }),
      updatedAt: now,
    })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
    .returning()
  return row
}

/**
 * Counts one failed login atomically (concurrent guesses cannot slip past the limit). When the count reaches
 * `maxAttempts` the account is locked until `lockUntil` and the counter starts again.
 */
export async function registerFailedLogin(
  db: Db,
  userId: string,
  maxAttempts: number,
  lockUntil: Date,
): Promise<{ lockedUntil: Date | null; justLocked: boolean }> {
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${maxAttempts} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${maxAttempts} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil, failedLoginCount: users.failedLoginCount })
  const lockedUntil = row?.lockedUntil ?? null
  return { lockedUntil, justLocked: lockedUntil !== null && lockedUntil.getTime() === lockUntil.getTime() }
}

export async function recordSuccessfulLogin(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, userId))
}

export async function setOidcSubject(db: Db, userId: string, subject: string): Promise<void> {
  await db.update(users).set({ oidcSubject: subject }).where(eq(users.id, userId))
}

export interface InstansiUser {
  id: string
  email: string
  name: string
  disabled: boolean
}

/** Users of the instansi by id or by e-mail (lower-cased), for validating penanggung jawab and pengelola. */
export async function findInstansiUsers(
  db: Db,
  instansiId: string,
  by: { ids?: readonly string[]; emails?: readonly string[] },
): Promise<InstansiUser[]> {
  const matches: SQL[] = []
  if (by.ids && by.ids.length > 0) matches.push(inArray(users.id, [...by.ids]))
  if (by.emails && by.emails.length > 0)
    matches.push(
      inArray(
        sql`lower(${users.email})`,
        by.emails.map((email) => email.toLowerCase()),
      ),
    )
  if (matches.length === 0) return []
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.instansiId, instansiId), or(...matches)))
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    disabled: row.disabledAt !== null,
  }))
}

/** The e-mail preference of these users (active ones only: a disabled user gets nothing). */
export async function notificationPreferencesOf(
  db: Db,
  instansiId: string,
  userIds: readonly string[],
): Promise<Array<{ id: string; notificationEmail: 'immediately' | 'daily' | 'none' }>> {
  if (userIds.length === 0) return []
  return db
    .select({ id: users.id, notificationEmail: users.notificationEmail })
    .from(users)
    .where(and(eq(users.instansiId, instansiId), inArray(users.id, [...userIds]), isNull(users.disabledAt)))
}

export async function setNotificationEmail(
  db: Db,
  instansiId: string,
  userId: string,
  value: 'immediately' | 'daily' | 'none',
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ notificationEmail: value, updatedAt: now })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
}

/** Users holding a sealed TOTP secret, in id order after `afterUserId` (the key rotation pages through them). */
export async function listTotpSecretsAfter(
  db: Db,
  afterUserId: string | null,
  limit: number,
  instansiId?: string,
): Promise<Array<{ userId: string; instansiId: string; totpSecret: string }>> {
  const rows = await db
    .select({ userId: users.id, instansiId: users.instansiId, totpSecret: users.totpSecret })
    .from(users)
    .where(
      and(
        isNotNull(users.totpSecret),
        instansiId === undefined ? undefined : eq(users.instansiId, instansiId),
        afterUserId === null ? undefined : gt(users.id, afterUserId),
      ),
    )
    .orderBy(asc(users.id))
    .limit(limit)
  return rows.map((row) => ({ ...row, totpSecret: row.totpSecret! }))
}

/** Replaces a TOTP secret only if it is still `expected` (a re-enrolment meanwhile wins); whether it did. */
export async function replaceTotpSecret(
  db: Db,
  instansiId: string,
  userId: string,
  expected: string,
  next: string,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: next })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId), eq(users.totpSecret, expected)))
    .returning({ id: users.id })
  return rows.length > 0
}
