// The oidc_login_states table: single sign-on logins started and not yet finished (state, nonce, PKCE verifier).
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Db } from './client.ts'
import { oidcLoginStates } from './schema/index.ts'

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

/** Housekeeping: abandoned logins; returns how many were deleted. */
export async function deleteExpiredOidcLoginStates(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(oidcLoginStates)
    .where(lt(oidcLoginStates.expiresAt, now))
    .returning({ stateHash: oidcLoginStates.stateHash })
  return rows.length
}
