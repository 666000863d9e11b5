// oauth_choices: logins that manage several accounts, waiting for the person to choose one
// (features/connections/oauth-account-choice.ts). Every query filters on instansi_id.
import { and, eq, lt } from 'drizzle-orm'
import type { Db } from './client.ts'
import { oauthChoices } from './schema/index.ts'

export type OAuthChoiceRow = typeof oauthChoices.$inferSelect

export async function insertOAuthChoice(db: Db, row: typeof oauthChoices.$inferInsert): Promise<void> {
  await db.insert(oauthChoices).values(row)
}

/** The choice as stored, expired or not (the caller tells the person which). */
export async function findOAuthChoice(
  db: Db,
  instansiId: string,
  id: string,
): Promise<OAuthChoiceRow | undefined> {
  const [row] = await db
    .select()
    .from(oauthChoices)
    .where(and(eq(oauthChoices.instansiId, instansiId), eq(oauthChoices.id, id)))
  return row
}

/** Removes the choice; false when it was already gone (used by a concurrent request). */
export async function deleteOAuthChoice(db: Db, instansiId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(oauthChoices)
    .where(and(eq(oauthChoices.instansiId, instansiId), eq(oauthChoices.id, id)))
    .returning({ id: oauthChoices.id })
  return rows.length > 0
}

/** Choices of an instansi that expired before `before`, removed when a new one is kept. */
export async function deleteExpiredOAuthChoices(db: Db, instansiId: string, before: Date): Promise<void> {
  await db
    .delete(oauthChoices)
    .where(and(eq(oauthChoices.instansiId, instansiId), lt(oauthChoices.expiresAt, before)))
}
