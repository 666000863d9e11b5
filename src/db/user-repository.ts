// User administration queries: lists narrowed to unit subtrees, users with their grants, grants and units.
import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { roleGrants, units, users } from './schema/index.ts'
import type { UserRow } from './identity-repository.ts'

export interface UserGrantRow {
  grantId: string
  userId: string
  unitId: string
  unitPath: string
  unitCode: string
  unitName: string
  role: string
}

/**
 * Users of the instansi that hold a grant inside one of the subtrees, plus (when `includeUngranted`) users with
 * no grant at all, whom only an instansi-wide administrator may see.
 */
export async function listUsersInScope(
  db: Db,
  instansiId: string,
  pathPrefixes: string[],
  includeUngranted: boolean,
  search?: string,
): Promise<UserRow[]> {
  if (pathPrefixes.length === 0 && !includeUngranted) return []
  const inScope = pathPrefixes.length
    ? sql`exists (select 1 from ${roleGrants} g join ${units} u on u.id = g.unit_id where g.user_id = ${users.id} and g.instansi_id = ${instansiId} and (${sql.join(
        pathPrefixes.map((prefix) => sql`u.path like ${`${escapeLike(prefix)}%`}`),
        sql` or `,
      )}))`
    : sql`false`
  const ungranted = includeUngranted
    ? sql`not exists (select 1 from ${roleGrants} g where g.user_id = ${users.id})`
    : sql`false`
  const conditions: SQL[] = [eq(users.instansiId, instansiId), or(inScope, ungranted)!]
  if (search?.trim()) {
    const pattern = `%${escapeLike(search.trim().toLowerCase())}%`
    conditions.push(or(like(sql`lower(${users.email})`, pattern), like(sql`lower(${users.name})`, pattern))!)
  }
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.email))
    .limit(5000)
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export async function grantsOfUsers(db: Db, instansiId: string, userIds: string[]): Promise<UserGrantRow[]> {
  if (userIds.length === 0) return []
  return db
    .select({
      grantId: roleGrants.id,
      userId: roleGrants.userId,
      unitId: units.id,
      unitPath: units.path,
      unitCode: units.code,
      unitName: units.name,
      role: roleGrants.role,
    })
    .from(roleGrants)
    .innerJoin(units, and(eq(units.id, roleGrants.unitId), eq(units.instansiId, roleGrants.instansiId)))
    .where(and(eq(roleGrants.instansiId, instansiId), inArray(roleGrants.userId, userIds)))
    .orderBy(asc(units.path), asc(roleGrants.role))
}

export async function findUnitById(
  db: Db,
  instansiId: string,
  unitId: string,
): Promise<{ id: string; path: string; code: string; name: string; archivedAt: Date | null } | undefined> {
  const [row] = await db
    .select({
      id: units.id,
      path: units.path,
      code: units.code,
      name: units.name,
      archivedAt: units.archivedAt,
    })
    .from(units)
    .where(and(eq(units.instansiId, instansiId), eq(units.id, unitId)))
    .limit(1)
  return row
}

export async function findUnitByCode(
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

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning()
  return row!
}

export async function updateUser(
  db: Db,
  instansiId: string,
  userId: string,
  values: Partial<Pick<UserRow, 'name' | 'locale' | 'disabledAt' | 'totpSecret' | 'totpEnabledAt'>>,
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(and(eq(users.instansiId, instansiId), eq(users.id, userId)))
    .returning()
  return row
}

export async function insertGrant(
  db: Db,
  values: { instansiId: string; userId: string; unitId: string; role: string; grantedBy: string | null },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .insert(roleGrants)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: roleGrants.id })
  return row
}

export async function deleteGrant(
  db: Db,
  instansiId: string,
  userId: string,
  grantId: string,
): Promise<{ id: string; unitId: string; role: string } | undefined> {
  const [row] = await db
    .delete(roleGrants)
    .where(
      and(eq(roleGrants.instansiId, instansiId), eq(roleGrants.userId, userId), eq(roleGrants.id, grantId)),
    )
    .returning({ id: roleGrants.id, unitId: roleGrants.unitId, role: roleGrants.role })
  return row
}
