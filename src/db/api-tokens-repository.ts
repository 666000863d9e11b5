// The api_tokens table: personal API tokens, stored as SHA-256 of the token value.
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { apiTokens, users } from './schema/index.ts'
import { grantsJsonOf, type GrantWithUnit } from './role-grants-repository.ts'

export type ApiTokenRow = typeof apiTokens.$inferSelect

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning()
  return row!
}

type LiveApiToken = {
  token: ApiTokenRow
  user: { id: string; instansiId: string; email: string; totpEnabledAt: Date | null }
  grants: GrantWithUnit[]
}

/** The live token with its user and grants; run on every token-authenticated request, so prepared once per handle. */
export async function findLiveApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<LiveApiToken | undefined> {
  let statement = liveTokenStatements.get(db)
  if (!statement) liveTokenStatements.set(db, (statement = prepareLiveApiToken(db)))
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() })
  return row ? { ...row, grants: row.grants ?? [] } : undefined
}

const liveTokenStatements = new WeakMap<Db, ReturnType<typeof prepareLiveApiToken>>()

function prepareLiveApiToken(db: Db) {
  return db
    .select({
      token: apiTokens,
      user: {
        id: users.id,
        instansiId: users.instansiId,
        email: users.email,
        totpEnabledAt: users.totpEnabledAt,
      },
      grants: grantsJsonOf(users.id, users.instansiId),
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.instansiId, apiTokens.instansiId)))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('find_live_api_token')
}

/** Records use at most once a minute per token, so automation does not write on every request. */
export async function touchApiToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    )
}

export async function listApiTokens(db: Db, instansiId: string, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(
      and(eq(apiTokens.instansiId, instansiId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .orderBy(desc(apiTokens.createdAt))
}

export async function revokeApiToken(
  db: Db,
  instansiId: string,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.instansiId, instansiId),
        eq(apiTokens.userId, userId),
        eq(apiTokens.id, tokenId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning()
  return row
}

/** Revokes all of a user's live tokens (admin password or 2FA reset: the account may have been compromised). */
export async function revokeUserApiTokens(
  db: Db,
  instansiId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.instansiId, instansiId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id })
  return rows.length
}
