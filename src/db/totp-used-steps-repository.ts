// The totp_used_steps table: the last accepted TOTP time step per user, so a code is never accepted twice.
import { sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { totpUsedSteps } from './schema/index.ts'

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
