// ppid_cases and their registration numbers: information requests worked by the PPID against the UU KIP clock.
// Every query filters on instansi_id; lists filter on the caller's unit scope too.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { inboxItems, ppidCaseCounters, ppidCases } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export type PpidCaseRow = typeof ppidCases.$inferSelect
export type NewPpidCase = typeof ppidCases.$inferInsert

/** The next sequence number of an instansi's year: one row per year, incremented under its row lock. */
export async function nextRegistrationSeq(tx: Db, instansiId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(ppidCaseCounters)
    .values({ instansiId, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [ppidCaseCounters.instansiId, ppidCaseCounters.year],
      set: { lastSeq: sql`${ppidCaseCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: ppidCaseCounters.lastSeq })
  return row!.lastSeq
}

export async function insertPpidCase(tx: Db, row: NewPpidCase): Promise<PpidCaseRow> {
  const [inserted] = await tx.insert(ppidCases).values(row).returning()
  return inserted!
}

export async function getPpidCase(
  db: Db,
  instansiId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PpidCaseRow | undefined> {
  const query = db
    .select()
    .from(ppidCases)
    .where(and(eq(ppidCases.instansiId, instansiId), eq(ppidCases.id, id)))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

export async function getPpidCaseByItem(
  db: Db,
  instansiId: string,
  inboxItemId: string,
): Promise<PpidCaseRow | undefined> {
  const [row] = await db
    .select()
    .from(ppidCases)
    .where(and(eq(ppidCases.instansiId, instansiId), eq(ppidCases.inboxItemId, inboxItemId)))
  return row
}

export async function updatePpidCase(
  tx: Db,
  instansiId: string,
  id: string,
  changes: Partial<NewPpidCase>,
): Promise<PpidCaseRow> {
  const [row] = await tx
    .update(ppidCases)
    .set(changes)
    .where(and(eq(ppidCases.instansiId, instansiId), eq(ppidCases.id, id)))
    .returning()
  return row!
}

export interface PpidCaseFilter {
  unitPrefixes: readonly string[]
  status?: string | undefined
  limit: number
}

/** Cases within the unit scope, by the date their current clock runs out (open ones first). */
export async function listPpidCases(
  db: Db,
  instansiId: string,
  filter: PpidCaseFilter,
): Promise<PpidCaseRow[]> {
  const conditions: SQL[] = [
    eq(ppidCases.instansiId, instansiId),
    pathWithin(ppidCases.unitPath, filter.unitPrefixes),
  ]
  if (filter.status) conditions.push(eq(ppidCases.status, filter.status))
  return db
    .select()
    .from(ppidCases)
    .where(and(...conditions))
    .orderBy(
      sql`case when ${ppidCases.status} in ('registered', 'extended', 'objection') then 0 else 1 end`,
      asc(sql`coalesce(${ppidCases.objectionAnswerDueOn}, ${ppidCases.extendedDueOn}, ${ppidCases.dueOn})`),
      asc(ppidCases.id),
    )
    .limit(filter.limit)
}

/**
 * Cases received on the days [from, to] within the unit scope (and one unit's subtree, or one account's inbox items,
 * when asked): the rows the inbox's numbers summarise against the KIP clock.
 */
export async function listPpidCasesReceived(
  db: Db,
  instansiId: string,
  filter: {
    unitPrefixes: readonly string[]
    unitPath?: string | undefined
    accountId?: string | undefined
    from: string
    to: string
  },
): Promise<PpidCaseRow[]> {
  const conditions: SQL[] = [
    eq(ppidCases.instansiId, instansiId),
    pathWithin(ppidCases.unitPath, filter.unitPrefixes),
    gte(ppidCases.receivedOn, filter.from),
    lte(ppidCases.receivedOn, filter.to),
  ]
  if (filter.unitPath) conditions.push(pathWithin(ppidCases.unitPath, [filter.unitPath]))
  // A case taken in by e-mail or in person has no account: narrowed to an account, only its inbox items' cases count.
  if (filter.accountId)
    conditions.push(
      inArray(
        ppidCases.inboxItemId,
        db
          .select({ id: inboxItems.id })
          .from(inboxItems)
          .where(and(eq(inboxItems.instansiId, instansiId), eq(inboxItems.accountId, filter.accountId))),
      ),
    )
  return db
    .select()
    .from(ppidCases)
    .where(and(...conditions))
}

/** Open cases of every instansi whose current deadline is on or before a date (the reminder job's scan). */
export async function listOpenPpidCasesDueBy(db: Db, lastDate: string): Promise<PpidCaseRow[]> {
  return db
    .select()
    .from(ppidCases)
    .where(
      sql`(${ppidCases.status} in ('registered', 'extended') and coalesce(${ppidCases.extendedDueOn}, ${ppidCases.dueOn}) <= ${lastDate})
        or (${ppidCases.status} = 'objection' and ${ppidCases.objectionAnswerDueOn} <= ${lastDate})`,
    )
}

/**
 * One instansi's cases with a clock still running on `today`, locked for update: the notice (registered,
 * extended), the atasan PPID's answer (objection), the Komisi Informasi window (objection_answered, not yet past).
 * What a change of the working-day calendar recomputes.
 */
export async function listRunningPpidCases(
  tx: Db,
  instansiId: string,
  today: string,
): Promise<PpidCaseRow[]> {
  return tx
    .select()
    .from(ppidCases)
    .where(
      and(
        eq(ppidCases.instansiId, instansiId),
        sql`(${ppidCases.status} in ('registered', 'extended', 'objection')
          or (${ppidCases.status} = 'objection_answered' and ${ppidCases.disputeDueOn} >= ${today}))`,
      ),
    )
    .orderBy(asc(ppidCases.id))
    .for('update')
}

export interface RequestCandidate {
  id: string
  platform: string
  authorHandle: string
  authorName: string | null
  body: string
  url: string | null
  createdAt: Date
  unitId: string
}

/**
 * Inbox items classified permohonan_informasi within the unit scope that are not a PPID case yet, newest first:
 * what the PPID may register (the item stays in the inbox for its reply).
 */
export async function listRequestsWithoutCase(
  db: Db,
  instansiId: string,
  unitPrefixes: readonly string[],
  limit: number,
): Promise<RequestCandidate[]> {
  return db
    .select({
      id: inboxItems.id,
      platform: inboxItems.platform,
      authorHandle: inboxItems.authorHandle,
      authorName: inboxItems.authorName,
      body: inboxItems.body,
      url: inboxItems.url,
      createdAt: inboxItems.createdAt,
      unitId: inboxItems.unitId,
    })
    .from(inboxItems)
    .leftJoin(ppidCases, and(eq(ppidCases.inboxItemId, inboxItems.id), eq(ppidCases.instansiId, instansiId)))
    .where(
      and(
        eq(inboxItems.instansiId, instansiId),
        eq(inboxItems.intent, 'permohonan_informasi'),
        isNull(inboxItems.deletedAt),
        isNull(inboxItems.duplicateOf),
        isNull(ppidCases.id),
        pathWithin(inboxItems.unitPath, unitPrefixes),
      ),
    )
    .orderBy(desc(inboxItems.createdAt), asc(inboxItems.id))
    .limit(limit)
}
