// The hoax_claims table: one instansi's knowledge base of circulating claims and its facts.
import { and, arrayContains, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.ts'
import { hoaxClaims, users, type HoaxSource } from './schema/index.ts'
import { escapeLike } from './sql-helpers.ts'

export type { HoaxSource } from './schema/index.ts'

export type HoaxClaimRow = typeof hoaxClaims.$inferSelect

export interface HoaxClaimRecord extends HoaxClaimRow {
  createdByName: string | null
  updatedByName: string | null
}

/** The fields a person sets; the rest (ids, who, when) the feature fills in. */
export interface HoaxClaimFields {
  label: HoaxClaimRow['label']
  claim: string
  facts: string
  sources: HoaxSource[]
  firstSeenOn: string | null
  clarifiedOn: string | null
  unitIds: string[]
  variants: string[]
  keywords: string[]
}

export interface HoaxClaimFilter {
  /** Words in the claim, its facts, a variant or a keyword. */
  query?: string | undefined
  label?: HoaxClaimRow['label'] | undefined
  status?: HoaxClaimRow['status'] | undefined
  /** Claims that name this unit. */
  unitId?: string | undefined
}

const creator = alias(users, 'creator')
const updater = alias(users, 'updater')

function conditionsOf(instansiId: string, filter: HoaxClaimFilter): SQL[] {
  const conditions: SQL[] = [eq(hoaxClaims.instansiId, instansiId)]
  if (filter.label) conditions.push(eq(hoaxClaims.label, filter.label))
  if (filter.status) conditions.push(eq(hoaxClaims.status, filter.status))
  if (filter.unitId) conditions.push(arrayContains(hoaxClaims.unitIds, [filter.unitId]))
  if (filter.query) {
    const pattern = `%${escapeLike(filter.query)}%`
    conditions.push(
      or(
        ilike(hoaxClaims.claim, pattern),
        ilike(hoaxClaims.facts, pattern),
        // Variants and keywords are arrays: searched as one text so a word in any of them is found.
        sql`array_to_string(${hoaxClaims.variants}, ' ') ilike ${pattern}`,
        sql`array_to_string(${hoaxClaims.keywords}, ' ') ilike ${pattern}`,
      )!,
    )
  }
  return conditions
}

function selectRecords(db: Db) {
  return db
    .select({
      row: hoaxClaims,
      createdByName: creator.name,
      updatedByName: updater.name,
    })
    .from(hoaxClaims)
    .leftJoin(creator, eq(creator.id, hoaxClaims.createdBy))
    .leftJoin(updater, eq(updater.id, hoaxClaims.updatedBy))
}

const toRecord = (found: {
  row: HoaxClaimRow
  createdByName: string | null
  updatedByName: string | null
}): HoaxClaimRecord => ({
  ...found.row,
  createdByName: found.createdByName,
  updatedByName: found.updatedByName,
})

/** Newest change first (the claims people are working on now come on top). */
export async function listHoaxClaims(
  db: Db,
  instansiId: string,
  filter: HoaxClaimFilter,
): Promise<HoaxClaimRecord[]> {
  const rows = await selectRecords(db)
    .where(and(...conditionsOf(instansiId, filter)))
    .orderBy(desc(hoaxClaims.updatedAt), asc(hoaxClaims.id))
  return rows.map(toRecord)
}

export async function getHoaxClaim(
  db: Db,
  instansiId: string,
  id: string,
): Promise<HoaxClaimRecord | undefined> {
  const [found] = await selectRecords(db).where(
    and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.id, id)),
  )
  return found && toRecord(found)
}

/** The row locked for a change, so two edits of one claim are applied one after the other. */
export async function lockHoaxClaim(
  db: Db,
  instansiId: string,
  id: string,
): Promise<HoaxClaimRow | undefined> {
  const [row] = await db
    .select()
    .from(hoaxClaims)
    .where(and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.id, id)))
    .for('update')
  return row
}

export async function insertHoaxClaims(
  db: Db,
  rows: ReadonlyArray<HoaxClaimFields & { id: string; instansiId: string; userId: string | null; now: Date }>,
): Promise<void> {
  if (rows.length === 0) return
  await db.insert(hoaxClaims).values(
    rows.map(({ userId, now, ...fields }) => ({
      ...fields,
      status: 'active' as const,
      createdBy: userId,
      updatedBy: userId,
      createdAt: now,
      updatedAt: now,
    })),
  )
}

export async function updateHoaxClaim(
  db: Db,
  instansiId: string,
  id: string,
  change: Partial<HoaxClaimFields> & {
    status?: HoaxClaimRow['status']
    archivedAt?: Date | null
    userId: string | null
    now: Date
  },
): Promise<void> {
  const { userId, now, ...fields } = change
  await db
    .update(hoaxClaims)
    .set({ ...fields, updatedBy: userId, updatedAt: now })
    .where(and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.id, id)))
}

/** What the matcher reads: the active claims' texts, facts, variants and keywords, oldest first (a stable order). */
export async function listActiveClaimTexts(
  db: Db,
  instansiId: string,
): Promise<Array<Pick<HoaxClaimRow, 'id' | 'label' | 'claim' | 'facts' | 'variants' | 'keywords'>>> {
  return db
    .select({
      id: hoaxClaims.id,
      label: hoaxClaims.label,
      claim: hoaxClaims.claim,
      facts: hoaxClaims.facts,
      variants: hoaxClaims.variants,
      keywords: hoaxClaims.keywords,
    })
    .from(hoaxClaims)
    .where(and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.status, 'active')))
    .orderBy(asc(hoaxClaims.createdAt), asc(hoaxClaims.id))
}

/**
 * What changes whenever the instansi's active claims change (count, latest update, and a hash of the words the
 * matcher reads): a cached matcher is rebuilt only when this differs. The hash makes a change of a claim's
 * variants or keywords count even when the update time does not move (two edits in one millisecond, a clock a
 * test holds still). One aggregate over tens to hundreds of rows, cheap enough for every compliance check.
 */
export async function activeClaimsFingerprint(db: Db, instansiId: string): Promise<string> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${hoaxClaims.updatedAt})::text`,
      words: sql<
        string | null
      >`md5(string_agg(${hoaxClaims.id}::text || chr(1) || ${hoaxClaims.claim} || chr(1) || ${hoaxClaims.facts} || chr(1) || array_to_string(${hoaxClaims.variants}, chr(2)) || chr(1) || array_to_string(${hoaxClaims.keywords}, chr(2)), chr(3) order by ${hoaxClaims.id}))`,
    })
    .from(hoaxClaims)
    .where(and(eq(hoaxClaims.instansiId, instansiId), eq(hoaxClaims.status, 'active')))
  return `${row?.count ?? 0}|${row?.latest ?? ''}|${row?.words ?? ''}`
}
