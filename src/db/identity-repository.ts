// Queries behind login and authentication: users by e-mail, grants joined to their units, failed-login
// counters and lockout, per-IP attempt counts, recovery codes and pending OpenID Connect logins.
import { and, asc, count, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import {
  instansi,
  loginAttempts,
  oidcLoginStates,
  recoveryCodes,
  roleGrants,
  totpUsedSteps,
  units,
  users,
} from './schema/index.ts'

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

export interface GrantWithUnit {
  grantId: string
  unitId: string
  unitPath: string
  unitCode: string
  unitName: string
  role: string
}

/** The user's grants on units that are not archived (a grant on an archived unit gives nothing). */
export async function grantsWithUnits(db: Db, instansiId: string, userId: string): Promise<GrantWithUnit[]> {
  return db
    .select({
      grantId: roleGrants.id,
      unitId: units.id,
      unitPath: units.path,
      unitCode: units.code,
      unitName: units.name,
      role: roleGrants.role,
    })
    .from(roleGrants)
    .innerJoin(units, and(eq(units.id, roleGrants.unitId), eq(units.instansiId, roleGrants.instansiId)))
    .where(
      and(eq(roleGrants.instansiId, instansiId), eq(roleGrants.userId, userId), isNull(units.archivedAt)),
    )
    .orderBy(asc(units.path), asc(roleGrants.role))
}

export async function findInstansi(
  db: Db,
  instansiId: string,
): Promise<typeof instansi.$inferSelect | undefined> {
  const [row] = await db.select().from(instansi).where(eq(instansi.id, instansiId)).limit(1)
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

export async function recordLoginAttempt(
  db: Db,
  attempt: { ip: string; email: string; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ ...attempt, email: attempt.email.trim().toLowerCase().slice(0, 320), attemptedAt: now })
}

export async function countFailedAttemptsFromIp(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    )
  return row?.n ?? 0
}

export async function oldestFailedAttemptFromIp(db: Db, ip: string, since: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    )
    .orderBy(asc(loginAttempts.attemptedAt))
    .limit(1)
  return row?.at ?? null
}

export async function replaceRecoveryCodes(
  db: Db,
  instansiId: string,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.instansiId, instansiId), eq(recoveryCodes.userId, userId)))
  if (codeHashes.length > 0) {
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ instansiId, userId, codeHash })))
  }
}

/** Marks the code used if it exists and is unused; true when this call consumed it (single use, race-free). */
export async function consumeRecoveryCode(
  db: Db,
  instansiId: string,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.instansiId, instansiId),
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id })
  return rows.length > 0
}

export async function countUnusedRecoveryCodes(db: Db, instansiId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(
      and(
        eq(recoveryCodes.instansiId, instansiId),
        eq(recoveryCodes.userId, userId),
        isNull(recoveryCodes.usedAt),
      ),
    )
  return row?.n ?? 0
}

export async function setTotp(
  db: Db,
  instansiId: string,
  userId: string,
  values: { totpSecret: string | null; totpEnabledAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
}

export async function setPassword(
  db: Db,
  instansiId: string,
  userId: string,
  values: { passwordHash: string; mustChangePassword: boolean },
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...values, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
}

export async function saveOidcLoginState(
  db: Db,
  state: { stateHash: string; nonce: string; codeVerifier: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.insert(oidcLoginStates).values({ ...state, createdAt: now })
}

/** Deletes and returns the pending login, so a state can be redeemed once only. */
export async function takeOidcLoginState(
  db: Db,
  stateHash: string,
  now: Date,
): Promise<{ nonce: string; codeVerifier: string } | undefined> {
  const [row] = await db
    .delete(oidcLoginStates)
    .where(and(eq(oidcLoginStates.stateHash, stateHash), gt(oidcLoginStates.expiresAt, now)))
    .returning({ nonce: oidcLoginStates.nonce, codeVerifier: oidcLoginStates.codeVerifier })
  return row
}

export async function setOidcSubject(db: Db, userId: string, subject: string): Promise<void> {
  await db.update(users).set({ oidcSubject: subject }).where(eq(users.id, userId))
}

/** Housekeeping for the purge job: old login attempts and abandoned OIDC logins. */
export async function purgeLoginLeftovers(db: Db, attemptsBefore: Date, now: Date): Promise<number> {
  const attempts = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, attemptsBefore))
    .returning({ id: loginAttempts.id })
  const states = await db
    .delete(oidcLoginStates)
    .where(lt(oidcLoginStates.expiresAt, now))
    .returning({ s: oidcLoginStates.stateHash })
  return attempts.length + states.length
}

/** Serialises first-run setup and instansi creation (two browsers finishing the wizard at once). */
export async function lockInstansiCreation(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('warta:create-instansi'))`)
}

export async function anyInstansiExists(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: instansi.id }).from(instansi).limit(1)
  return row !== undefined
}

export async function findInstansiBySlug(
  db: Db,
  slug: string,
): Promise<typeof instansi.$inferSelect | undefined> {
  const [row] = await db.select().from(instansi).where(eq(instansi.slug, slug)).limit(1)
  return row
}

export async function insertInstansiWithRoot(
  db: Db,
  values: {
    instansiId: string
    slug: string
    name: string
    rootUnitId: string
    rootCode: string
    rootName: string
  },
  now: Date,
): Promise<{ instansiId: string; rootUnitId: string; rootPath: string }> {
  await db
    .insert(instansi)
    .values({ id: values.instansiId, slug: values.slug, name: values.name, createdAt: now })
  const rootPath = `/${values.rootUnitId}/`
  await db.insert(units).values({
    id: values.rootUnitId,
    instansiId: values.instansiId,
    path: rootPath,
    code: values.rootCode,
    name: values.rootName,
    kind: 'instansi',
    createdAt: now,
    updatedAt: now,
  })
  return { instansiId: values.instansiId, rootUnitId: values.rootUnitId, rootPath }
}

/**
 * Records that the user's TOTP code for `step` was accepted. False when that step or a later one was already
 * used: the code is a replay. Atomic, so two simultaneous logins with one code cannot both pass.
 */
export async function claimTotpStep(
  db: Db,
  instansiId: string,
  userId: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(totpUsedSteps)
    .values({ userId, instansiId, lastStep: step, usedAt: now })
    .onConflictDoUpdate({
      target: totpUsedSteps.userId,
      set: { lastStep: step, usedAt: now },
      setWhere: sql`${totpUsedSteps.lastStep} < ${step}`,
    })
    .returning({ userId: totpUsedSteps.userId })
  return rows.length > 0
}

/**
 * The user's live grants as one JSON column, for the per-request authentication query: the session (or token),
 * its user and the grants come back in a single round trip.
 */
export function grantsJsonOf(userId: typeof users.id, instansiId: typeof users.instansiId) {
  return sql<GrantWithUnit[] | null>`(select json_agg(json_build_object(
      'grantId', g.id, 'unitId', u.id, 'unitPath', u.path, 'unitCode', u.code, 'unitName', u.name, 'role', g.role)
      order by u.path, g.role)
    from ${roleGrants} g join ${units} u on u.id = g.unit_id and u.instansi_id = g.instansi_id
    where g.instansi_id = ${instansiId} and g.user_id = ${userId} and u.archived_at is null)`
}
