// sandbox_accounts: the simulated network's own accounts (Mode Latihan). Looked up by token hash like a session;
// every other query filters on instansi_id.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { sandboxAccounts } from './schema/index.ts'

export type SandboxAccountRow = typeof sandboxAccounts.$inferSelect

export async function findSandboxAccountByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<SandboxAccountRow | undefined> {
  const [row] = await db.select().from(sandboxAccounts).where(eq(sandboxAccounts.tokenHash, tokenHash))
  return row
}

/** Creates the account, or gives an existing one (same instansi and handle) a new token; answers its id. */
export async function upsertSandboxAccount(
  db: Db,
  row: { id: string; instansiId: string; handle: string; displayName: string | null; tokenHash: string },
): Promise<string> {
  const [saved] = await db
    .insert(sandboxAccounts)
    .values(row)
    .onConflictDoUpdate({
      target: [sandboxAccounts.instansiId, sandboxAccounts.handle],
      set: { tokenHash: row.tokenHash, displayName: row.displayName },
    })
    .returning({ id: sandboxAccounts.id })
  return saved!.id
}

/** Revokes the account's token (a disconnect, or a test of `auth_expired`). */
export async function revokeSandboxToken(db: Db, instansiId: string, id: string): Promise<void> {
  await db
    .update(sandboxAccounts)
    .set({ tokenHash: `revoked:${id}:${Date.now()}` })
    .where(and(eq(sandboxAccounts.instansiId, instansiId), eq(sandboxAccounts.id, id)))
}

/**
 * Counts one call atomically, in the rate-limit window too (a new window opens when the last one is over):
 * answers the call's number (for the seeded faults) and the window's state after it.
 */
export async function countSandboxCall(
  db: Db,
  instansiId: string,
  id: string,
  now: Date,
  windowSeconds: number,
): Promise<{ calls: number; windowCalls: number; windowStartedAt: Date }> {
  const windowOver = sql`(${sandboxAccounts.windowStartedAt} IS NULL OR ${sandboxAccounts.windowStartedAt} + make_interval(secs => ${windowSeconds}) <= ${now.toISOString()}::timestamptz)`
  const [row] = await db
    .update(sandboxAccounts)
    .set({
      calls: sql`${sandboxAccounts.calls} + 1`,
      windowCalls: sql`CASE WHEN ${windowOver} THEN 1 ELSE ${sandboxAccounts.windowCalls} + 1 END`,
      windowStartedAt: sql`CASE WHEN ${windowOver} THEN ${now.toISOString()}::timestamptz ELSE ${sandboxAccounts.windowStartedAt} END`,
    })
    .where(and(eq(sandboxAccounts.instansiId, instansiId), eq(sandboxAccounts.id, id)))
    .returning({
      calls: sandboxAccounts.calls,
      windowCalls: sandboxAccounts.windowCalls,
      windowStartedAt: sandboxAccounts.windowStartedAt,
    })
  return { calls: row!.calls, windowCalls: row!.windowCalls, windowStartedAt: row!.windowStartedAt! }
}

export async function getSandboxAccountById(
  db: Db,
  instansiId: string,
  id: string,
): Promise<SandboxAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxAccounts)
    .where(and(eq(sandboxAccounts.instansiId, instansiId), eq(sandboxAccounts.id, id)))
  return row
}
