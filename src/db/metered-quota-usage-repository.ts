// metered_quota_usage: the units a metered platform quota (YouTube's daily units per Google Cloud project) cost,
// per platform and quota day. Deployment-wide: the quota belongs to the deployment's registered app, not to an
// instansi. The day and the arithmetic are features/connections/metered-quota.ts; this file only stores.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { meteredQuotaUsage } from './schema/index.ts'

/** Adds the units and calls of one or more days in one statement (one round-trip per connector operation). */
export async function addMeteredUnits(
  db: Db,
  platform: string,
  days: readonly { quotaDay: string; units: number; calls: number }[],
  now: Date,
): Promise<void> {
  if (days.length === 0) return
  await db
    .insert(meteredQuotaUsage)
    .values(days.map((day) => ({ platform, ...day, updatedAt: now })))
    .onConflictDoUpdate({
      target: [meteredQuotaUsage.platform, meteredQuotaUsage.quotaDay],
      set: {
        units: sql`${meteredQuotaUsage.units} + excluded.units`,
        calls: sql`${meteredQuotaUsage.calls} + excluded.calls`,
        updatedAt: now,
      },
    })
}

/** The units spent on the platform's quota day (0 when nothing was called). */
export async function meteredUnitsOn(db: Db, platform: string, quotaDay: string): Promise<number> {
  const [row] = await db
    .select({ units: meteredQuotaUsage.units })
    .from(meteredQuotaUsage)
    .where(and(eq(meteredQuotaUsage.platform, platform), eq(meteredQuotaUsage.quotaDay, quotaDay)))
  return row?.units ?? 0
}
