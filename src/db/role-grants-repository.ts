// The role_grants table: a role held on a unit (and so on its subtree). Grants are read joined to their units,
// because every use needs the unit's path (the policy), code and name (what people see).
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { roleGrants, units, users } from './schema/index.ts'

export interface GrantWithUnit {
  grantId: string
  userId: string
  unitId: string
  unitPath: string
  unitCode: string
  unitName: string
  role: string
}

/**
 * The grants of the users, by unit path then role. A grant on an archived unit gives nothing, so it is left out
 * unless `includeArchivedUnits` (user administration shows them, so they can be revoked).
 */
export async function grantsOfUsers(
  db: Db,
  instansiId: string,
  userIds: readonly string[],
  options: { includeArchivedUnits?: boolean } = {},
): Promise<GrantWithUnit[]> {
  if (userIds.length === 0) return []
  const conditions: SQL[] = [
    eq(roleGrants.instansiId, instansiId),
    userIds.length === 1 ? eq(roleGrants.userId, userIds[0]!) : inArray(roleGrants.userId, [...userIds]),
  ]
  if (!options.includeArchivedUnits) conditions.push(isNull(units.archivedAt))
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
    .where(and(...conditions))
    .orderBy(asc(units.path), asc(roleGrants.role))
}

/**
 * The same live grants as `grantsOfUsers` (archived units left out), as one JSON column for the prepared
 * per-request authentication queries: the session (or token), its user and the grants in a single round trip.
 */
export function grantsJsonOf(userId: typeof users.id, instansiId: typeof users.instansiId) {
  return sql<GrantWithUnit[] | null>`(select json_agg(json_build_object(
      'grantId', g.id, 'userId', g.user_id, 'unitId', u.id, 'unitPath', u.path, 'unitCode', u.code,
      'unitName', u.name, 'role', g.role)
      order by u.path, g.role)
    from ${roleGrants} g join ${units} u on u.id = g.unit_id and u.instansi_id = g.instansi_id
    where g.instansi_id = ${instansiId} and g.user_id = ${userId} and u.archived_at is null)`
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

export interface RoleHolderRow {
  userId: string
  name: string
  email: string
  role: string
}

/**
 * Active users holding one of `roles` on the unit at `unitPath` or on a unit above it (a role holds for its
 * subtree), one row per user and role, by name: the people an account of that unit may name as penanggung jawab
 * or pengelola. Grants on archived units give nothing.
 */
export async function activeUsersHoldingRoleOver(
  db: Db,
  instansiId: string,
  unitPath: string,
  roles: readonly string[],
): Promise<RoleHolderRow[]> {
  if (roles.length === 0) return []
  return db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(units, and(eq(units.id, roleGrants.unitId), eq(units.instansiId, roleGrants.instansiId)))
    .innerJoin(users, and(eq(users.id, roleGrants.userId), eq(users.instansiId, roleGrants.instansiId)))
    .where(
      and(
        eq(roleGrants.instansiId, instansiId),
        inArray(roleGrants.role, [...roles]),
        isNull(units.archivedAt),
        isNull(users.disabledAt),
        sql`${unitPath} like ${units.path} || '%'`,
      ),
    )
    .orderBy(asc(users.name), asc(users.email))
}
