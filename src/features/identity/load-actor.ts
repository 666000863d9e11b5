// Turns a user (and, for API tokens, the token's grants) into the Actor the policy reasons about.
import type { Db } from '../../db/client.ts'
import { grantsOfUsers, type GrantWithUnit } from '../../db/role-grants-repository.ts'
import { isRole, type Actor, type Grant, type Role } from '../access/policy.ts'

/** Roles whose holders must use a second factor (product.md: admin and approvers). */
export const TWO_FACTOR_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'penanggung_jawab'])

export function requiresTwoFactor(grants: readonly { role: string }[]): boolean {
  return grants.some((grant) => isRole(grant.role) && TWO_FACTOR_ROLES.has(grant.role))
}

export function toGrants(rows: readonly GrantWithUnit[]): Grant[] {
  return rows.flatMap((row) =>
    isRole(row.role) ? [{ unitId: row.unitId, unitPath: row.unitPath, role: row.role }] : [],
  )
}

/**
 * Narrows the user's current grants to those a token carries. A token never widens access, and it loses a
 * role the moment the user loses it.
 */
export function narrowGrants(
  userGrants: readonly Grant[],
  tokenGrants: readonly { unitId: string; role: string }[],
): Grant[] {
  return userGrants.filter((grant) =>
    tokenGrants.some((t) => t.unitId === grant.unitId && t.role === grant.role),
  )
}

/** The actor from already-loaded grant rows (the authentication query brings them along). */
export function actorFrom(
  user: { id: string; instansiId: string; email: string },
  via: Actor['via'],
  grantRows: readonly GrantWithUnit[],
  tokenGrants?: readonly { unitId: string; role: string }[],
): Actor {
  const all = toGrants(grantRows)
  const grants = tokenGrants ? narrowGrants(all, tokenGrants) : all
  return { userId: user.id, instansiId: user.instansiId, label: user.email, grants, via }
}

export async function loadActor(
  db: Db,
  user: { id: string; instansiId: string; email: string },
  via: Actor['via'],
  tokenGrants?: readonly { unitId: string; role: string }[],
): Promise<{ actor: Actor; grantRows: GrantWithUnit[] }> {
  const grantRows = await grantsOfUsers(db, user.instansiId, [user.id])
  return { actor: actorFrom(user, via, grantRows, tokenGrants), grantRows }
}
