// lapor_referrals: complaints referred as SP4N-LAPOR! and their 3 / 5 working-day clocks. Every query filters on
// instansi_id; lists filter on the caller's unit scope too.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { inboxItems, laporReferrals } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export type LaporReferralRow = typeof laporReferrals.$inferSelect
export type NewLaporReferral = typeof laporReferrals.$inferInsert

export async function insertLaporReferral(tx: Db, row: NewLaporReferral): Promise<LaporReferralRow> {
  const [inserted] = await tx.insert(laporReferrals).values(row).returning()
  return inserted!
}

export async function getLaporReferral(
  db: Db,
  instansiId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LaporReferralRow | undefined> {
  const query = db
    .select()
    .from(laporReferrals)
    .where(and(eq(laporReferrals.instansiId, instansiId), eq(laporReferrals.id, id)))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

export async function getLaporReferralByItem(
  db: Db,
  instansiId: string,
  inboxItemId: string,
): Promise<LaporReferralRow | undefined> {
  const [row] = await db
    .select()
    .from(laporReferrals)
    .where(and(eq(laporReferrals.instansiId, instansiId), eq(laporReferrals.inboxItemId, inboxItemId)))
  return row
}

export async function updateLaporReferral(
  tx: Db,
  instansiId: string,
  id: string,
  changes: Partial<NewLaporReferral>,
): Promise<LaporReferralRow> {
  const [row] = await tx
    .update(laporReferrals)
    .set(changes)
    .where(and(eq(laporReferrals.instansiId, instansiId), eq(laporReferrals.id, id)))
    .returning()
  return row!
}

export async function listLaporReferrals(
  db: Db,
  instansiId: string,
  filter: { unitPrefixes: readonly string[]; status?: string | undefined; limit: number },
): Promise<LaporReferralRow[]> {
  const conditions: SQL[] = [
    eq(laporReferrals.instansiId, instansiId),
    pathWithin(laporReferrals.unitPath, filter.unitPrefixes),
  ]
  if (filter.status) conditions.push(eq(laporReferrals.status, filter.status))
  return db
    .select()
    .from(laporReferrals)
    .where(and(...conditions))
    .orderBy(
      sql`case when ${laporReferrals.status} in ('referred', 'verified') then 0 else 1 end`,
      asc(laporReferrals.firstStatusDueOn),
      asc(laporReferrals.id),
    )
    .limit(filter.limit)
}

/** Open referrals of every instansi with a stage due on or before a date (the reminder job's scan). */
export async function listOpenLaporReferralsDueBy(db: Db, lastDate: string): Promise<LaporReferralRow[]> {
  return db
    .select()
    .from(laporReferrals)
    .where(
      sql`(${laporReferrals.status} = 'referred' and ${laporReferrals.firstStatusDueOn} <= ${lastDate})
        or (${laporReferrals.status} = 'verified' and ${laporReferrals.followUpDueOn} <= ${lastDate})`,
    )
}

/** One instansi's referrals with a clock running (referred, verified), locked for update: what a calendar change recomputes. */
export async function listRunningLaporReferrals(tx: Db, instansiId: string): Promise<LaporReferralRow[]> {
  return tx
    .select()
    .from(laporReferrals)
    .where(
      and(
        eq(laporReferrals.instansiId, instansiId),
        inArray(laporReferrals.status, ['referred', 'verified']),
      ),
    )
    .orderBy(asc(laporReferrals.id))
    .for('update')
}

export interface ComplaintCandidate {
  id: string
  platform: string
  authorHandle: string
  authorName: string | null
  body: string
  createdAt: Date
}

/** Open inbox items classified keluhan within the unit scope that are not referred yet, newest first. */
export async function listComplaintsWithoutReferral(
  db: Db,
  instansiId: string,
  unitPrefixes: readonly string[],
  limit: number,
): Promise<ComplaintCandidate[]> {
  return db
    .select({
      id: inboxItems.id,
      platform: inboxItems.platform,
      authorHandle: inboxItems.authorHandle,
      authorName: inboxItems.authorName,
      body: inboxItems.body,
      createdAt: inboxItems.createdAt,
    })
    .from(inboxItems)
    .leftJoin(
      laporReferrals,
      and(eq(laporReferrals.inboxItemId, inboxItems.id), eq(laporReferrals.instansiId, instansiId)),
    )
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        eq(inboxItems.intent, 'keluhan'),
        inArray(inboxItems.status, ['new', 'open']),
        isNull(inboxItems.deletedAt),
        isNull(inboxItems.duplicateOf),
        isNull(laporReferrals.id),
        pathWithin(inboxItems.unitPath, unitPrefixes),
      ),
    )
    .orderBy(desc(inboxItems.createdAt), asc(inboxItems.id))
    .limit(limit)
}
