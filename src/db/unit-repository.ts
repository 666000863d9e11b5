// Units (unit kerja) of one instansi and their attributes. Every query filters on instansi_id; subtree queries
// use the materialised path ('/<root>/…/<id>/') as a prefix.
import { and, asc, eq, inArray, isNull, like, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { accounts, instansi, unitAttributes, units } from './schema/index.ts'

export interface UnitRecord {
  id: string
  instansiId: string
  parentId: string | null
  path: string
  code: string
  name: string
  kind: string
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
  /** The unit's own attributes (not inherited). */
  attributes: Record<string, string>
}

export interface InstansiRecord {
  id: string
  slug: string
  name: string
}

export async function findInstansiBySlug(db: Db, slug: string): Promise<InstansiRecord | undefined> {
  const [row] = await db
    .select({ id: instansi.id, slug: instansi.slug, name: instansi.name })
    .from(instansi)
    .where(eq(instansi.slug, slug))
  return row
}

export async function getInstansi(db: Db, id: string): Promise<InstansiRecord | undefined> {
  const [row] = await db
    .select({ id: instansi.id, slug: instansi.slug, name: instansi.name })
    .from(instansi)
    .where(eq(instansi.id, id))
  return row
}

/** `units.path LIKE prefix || '%'` for any of the prefixes; an empty list matches nothing. */
export function pathWithin(prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`
  return or(...prefixes.map((prefix) => like(units.path, `${escapeLike(prefix)}%`)))!
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

const unitColumns = {
  id: units.id,
  instansiId: units.instansiId,
  parentId: units.parentId,
  path: units.path,
  code: units.code,
  name: units.name,
  kind: units.kind,
  archivedAt: units.archivedAt,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
  attributes: unitAttributes.attributes,
}

type UnitRow = Omit<UnitRecord, 'attributes'> & { attributes: Record<string, string> | null }

function toRecord(row: UnitRow): UnitRecord {
  return { ...row, attributes: row.attributes ?? {} }
}

export interface ListUnitsFilter {
  instansiId: string
  pathPrefixes: readonly string[]
  includeArchived?: boolean
}

export async function listUnits(db: Db, filter: ListUnitsFilter): Promise<UnitRecord[]> {
  const conditions: SQL[] = [eq(units.instansiId, filter.instansiId), pathWithin(filter.pathPrefixes)]
  if (!filter.includeArchived) conditions.push(isNull(units.archivedAt))
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(unitAttributes, eq(unitAttributes.unitId, units.id))
    .where(and(...conditions))
    .orderBy(asc(units.path))
  return rows.map(toRecord)
}

export async function getUnit(db: Db, instansiId: string, id: string): Promise<UnitRecord | undefined> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(unitAttributes, eq(unitAttributes.unitId, units.id))
    .where(and(eq(units.instansiId, instansiId), eq(units.id, id)))
  return row ? toRecord(row) : undefined
}

export async function getUnitsByIds(
  db: Db,
  instansiId: string,
  ids: readonly string[],
): Promise<UnitRecord[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(unitAttributes, eq(unitAttributes.unitId, units.id))
    .where(and(eq(units.instansiId, instansiId), inArray(units.id, [...ids])))
  return rows.map(toRecord)
}

export async function listUnitsByCode(db: Db, instansiId: string): Promise<UnitRecord[]> {
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(unitAttributes, eq(unitAttributes.unitId, units.id))
    .where(eq(units.instansiId, instansiId))
  return rows.map(toRecord)
}

export async function isUnitCodeTaken(
  db: Db,
  instansiId: string,
  code: string,
  exceptId?: string,
): Promise<boolean> {
  const conditions: SQL[] = [eq(units.instansiId, instansiId), sql`lower(${units.code}) = lower(${code})`]
  if (exceptId) conditions.push(ne(units.id, exceptId))
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(...conditions))
    .limit(1)
  return row !== undefined
}

export interface NewUnit {
  id: string
  instansiId: string
  parentId: string
  path: string
  code: string
  name: string
  kind: string
}

export async function insertUnit(db: Db, unit: NewUnit): Promise<void> {
  await db.insert(units).values(unit)
}

export async function updateUnitFields(
  db: Db,
  instansiId: string,
  id: string,
  patch: { code?: string | undefined; name?: string | undefined; kind?: string | undefined },
  now: Date,
): Promise<void> {
  await db
    .update(units)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(units.instansiId, instansiId), eq(units.id, id)))
}

export async function setUnitAttributes(
  db: Db,
  instansiId: string,
  unitId: string,
  attributes: Record<string, string>,
  now: Date,
): Promise<void> {
  await db
    .insert(unitAttributes)
    .values({ unitId, instansiId, attributes, updatedAt: now })
    .onConflictDoUpdate({ target: unitAttributes.unitId, set: { attributes, updatedAt: now } })
}

/** Rewrites the path of a unit and every unit below it, in one statement, and sets the unit's new parent. */
export async function moveSubtree(
  db: Db,
  instansiId: string,
  unitId: string,
  move: { oldPath: string; newPath: string; newParentId: string },
  now: Date,
): Promise<number> {
  await db
    .update(units)
    .set({ parentId: move.newParentId, updatedAt: now })
    .where(and(eq(units.instansiId, instansiId), eq(units.id, unitId)))
  const moved = await db
    .update(units)
    .set({ path: sql`${move.newPath} || substr(${units.path}, ${move.oldPath.length + 1})`, updatedAt: now })
    .where(and(eq(units.instansiId, instansiId), like(units.path, `${escapeLike(move.oldPath)}%`)))
    .returning({ id: units.id })
  return moved.length
}

export async function setSubtreeArchived(
  db: Db,
  instansiId: string,
  path: string,
  archivedAt: Date | null,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(units)
    .set({ archivedAt, updatedAt: now })
    .where(
      and(
        eq(units.instansiId, instansiId),
        like(units.path, `${escapeLike(path)}%`),
        archivedAt ? isNull(units.archivedAt) : sql`${units.archivedAt} is not null`,
      ),
    )
    .returning({ id: units.id })
  return rows.map((row) => row.id)
}

export async function setUnitArchived(
  db: Db,
  instansiId: string,
  id: string,
  archivedAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .update(units)
    .set({ archivedAt, updatedAt: now })
    .where(and(eq(units.instansiId, instansiId), eq(units.id, id)))
}

/** Active units strictly below `path`, and active accounts anywhere in the subtree. */
export async function countActiveBelow(
  db: Db,
  instansiId: string,
  path: string,
): Promise<{ units: number; accounts: number }> {
  const [unitCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(
      and(
        eq(units.instansiId, instansiId),
        like(units.path, `${escapeLike(path)}%`),
        ne(units.path, path),
        isNull(units.archivedAt),
      ),
    )
  const [accountCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(
      and(
        eq(accounts.instansiId, instansiId),
        eq(accounts.status, 'active'),
        like(units.path, `${escapeLike(path)}%`),
      ),
    )
  return { units: unitCount?.n ?? 0, accounts: accountCount?.n ?? 0 }
}

/** A unique constraint refused the write (two requests raced past the same "is it free?" check). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true
  }
  return false
}
