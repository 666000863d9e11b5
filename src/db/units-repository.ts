// The units table (unit kerja of one instansi) with its child table unit_attributes. Every query filters on
// instansi_id; subtree queries use the materialised path ('/<root>/…/<id>/') as a prefix.
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { unitAttributes, units } from './schema/index.ts'
import { pathWithin } from './sql-helpers.ts'

export interface UnitRecord {
  id: string
  instansiId: string
  parentId: string | null
  path: string
  code: string
  name: string
  kind: string
  /** How citizens reach the unit (a saved reply's {kontak_unit}); '' when not set. */
  contact: string
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
  /** The unit's own attributes (not inherited). */
  attributes: Record<string, string>
}

const unitColumns = {
  id: units.id,
  instansiId: units.instansiId,
  parentId: units.parentId,
  path: units.path,
  code: units.code,
  name: units.name,
  kind: units.kind,
  contact: units.contact,
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
  /** Subtrees to list (policy.unitScope); ['/'] is the whole instansi. */
  pathPrefixes: readonly string[]
  includeArchived?: boolean
}

export async function listUnits(db: Db, filter: ListUnitsFilter): Promise<UnitRecord[]> {
  const conditions: SQL[] = [
    eq(units.instansiId, filter.instansiId),
    pathWithin(units.path, filter.pathPrefixes),
  ]
  if (!filter.includeArchived) conditions.push(isNull(units.archivedAt))
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(unitAttributes, eq(unitAttributes.unitId, units.id))
    .where(and(...conditions))
    .orderBy(asc(units.path))
  return rows.map(toRecord)
}

export interface UnitSummary {
  id: string
  code: string
  name: string
  path: string
}

/** The instansi's active units, by path: what a routing rule may name and the rules page offers to pick. */
export async function listActiveUnitSummaries(db: Db, instansiId: string): Promise<UnitSummary[]> {
  return db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.instansiId, instansiId), isNull(units.archivedAt)))
    .orderBy(asc(units.path))
}

/** The instansi's active units: id → path (what a rule may name, and where an assigned item goes). */
export async function activeUnitPaths(db: Db, instansiId: string): Promise<Map<string, string>> {
  const rows = await listActiveUnitSummaries(db, instansiId)
  return new Map(rows.map((row) => [row.id, row.path]))
}

export async function getUnit(db: Db, instansiId: string, id: string): Promise<UnitRecord | undefined> {
  const [unit] = await getUnitsByIds(db, instansiId, [id])
  return unit
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

/** An active unit by its code (operators name units by code on the command line). */
export async function findActiveUnitByCode(
  db: Db,
  instansiId: string,
  code: string,
): Promise<{ id: string; path: string; code: string } | undefined> {
  const [row] = await db
    .select({ id: units.id, path: units.path, code: units.code })
    .from(units)
    .where(and(eq(units.instansiId, instansiId), eq(units.code, code), isNull(units.archivedAt)))
    .limit(1)
  return row
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

/** The top unit of a new instansi (kind 'instansi', no parent). Returns its path. */
export async function insertRootUnit(
  db: Db,
  values: { id: string; instansiId: string; code: string; name: string },
  now: Date,
): Promise<{ path: string }> {
  const path = `/${values.id}/`
  await db.insert(units).values({ ...values, path, kind: 'instansi', createdAt: now, updatedAt: now })
  return { path }
}

export async function updateUnitFields(
  db: Db,
  instansiId: string,
  id: string,
  patch: {
    code?: string | undefined
    name?: string | undefined
    kind?: string | undefined
    contact?: string | undefined
  },
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
    .where(and(eq(units.instansiId, instansiId), pathWithin(units.path, [move.oldPath])))
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
        pathWithin(units.path, [path]),
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

/** Active units strictly below `path`. */
export async function countActiveUnitsBelow(db: Db, instansiId: string, path: string): Promise<number> {
  return db.$count(
    units,
    and(
      eq(units.instansiId, instansiId),
      pathWithin(units.path, [path]),
      ne(units.path, path),
      isNull(units.archivedAt),
    ),
  )
}
