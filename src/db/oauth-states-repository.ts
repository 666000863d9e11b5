// oauth_states: OAuth connects in flight (features/connections/oauth-connect.ts). The callback comes without a
// session, so it finds its row by the state's hash alone; the row then names the instansi, account and user.
import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Db } from './client.ts'
import { oauthStates } from './schema/index.ts'

export type OAuthStateRow = typeof oauthStates.$inferSelect

export async function insertOAuthState(db: Db, row: typeof oauthStates.$inferInsert): Promise<void> {
  await db.insert(oauthStates).values(row)
}

/** Marks the state used and returns it, only once and only before it expires. */
export async function consumeOAuthState(
  db: Db,
  stateHash: string,
  now: Date,
): Promise<OAuthStateRow | undefined> {
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(
      and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)),
    )
    .returning()
  return row
}

/** Old states of an instansi (expired before `before`), removed when a new connect starts. */
export async function deleteExpiredOAuthStates(db: Db, instansiId: string, before: Date): Promise<void> {
  await db
    .delete(oauthStates)
    .where(and(eq(oauthStates.instansiId, instansiId), lt(oauthStates.expiresAt, before)))
}
