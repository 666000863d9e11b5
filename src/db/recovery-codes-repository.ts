// The recovery_codes table: one-time codes for a lost authenticator, stored as hashes.
import { and, count, eq, isNull } from 'drizzle-orm'
import type { Db } from './client.ts'
import { recoveryCodes } from './schema/index.ts'

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
