// The one place that answers "may this user do this action on this object". Pure: plain data in, answer out.
// Routes call `authorize`; repositories narrow their queries with `unitScope`, so a list never contains what a
// single read would refuse. A role granted on a unit holds for that unit and every unit below it.
import type { Role } from '../../shared/roles.ts'
import { ACTIONS, INSTANSI_WIDE_ACTIONS, PERMISSIONS, type Action } from '../../shared/permissions.ts'
import { AppError } from '../app-error.ts'

export { isRole, ROLES, type Role } from '../../shared/roles.ts'
export { ACTIONS, INSTANSI_WIDE_ACTIONS, PERMISSIONS, type Action } from '../../shared/permissions.ts'

export interface Grant {
  unitId: string
  /** The unit's materialised path, '/<root>/…/<unit>/'. */
  unitPath: string
  role: Role
}

export interface Actor {
  userId: string
  instansiId: string
  label: string
  grants: readonly Grant[]
  /** 'token' when the request came with a personal API token (whose roles are already narrowed into grants). */
  via: 'session' | 'token' | 'cli'
}

export interface Target {
  instansiId: string
  /** Path of the unit the object belongs to; omit for instansi-wide objects. */
  unitPath?: string | undefined
}

function isTopLevel(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1
}

/** Returns null when allowed, otherwise the reason (for logs and messages). */
export function whyNot(actor: Actor, action: Action, target: Target): string | null {
  if (actor.instansiId !== target.instansiId) return 'object belongs to another instansi'
  const grants = actor.grants.filter((grant) => PERMISSIONS[grant.role].has(action))
  if (grants.length === 0) return `no role of this user allows ${action}`
  if (INSTANSI_WIDE_ACTIONS.has(action) || target.unitPath === undefined) {
    return grants.some((grant) => isTopLevel(grant.unitPath))
      ? null
      : `${action} needs the role on a top-level unit`
  }
  const unitPath = target.unitPath
  return grants.some((grant) => unitPath.startsWith(grant.unitPath))
    ? null
    : `no grant covers this unit for ${action}`
}

export function can(actor: Actor, action: Action, target: Target): boolean {
  return whyNot(actor, action, target) === null
}

/**
 * Throws unless allowed. An object in another instansi is reported as not found, so ids cannot be probed
 * across instansi; an object the user may see but not change is forbidden.
 */
export function authorize(actor: Actor, action: Action, target: Target): void {
  const reason = whyNot(actor, action, target)
  if (reason === null) return
  if (actor.instansiId !== target.instansiId) throw new AppError('not_found', 'common.not_found')
  throw new AppError('forbidden', 'common.forbidden_action', { action })
}

export interface UnitScope {
  /** Unit path prefixes within which the action is allowed; empty means nothing. */
  pathPrefixes: string[]
}

/** The units a list query may return for this action: the subtrees of the grants that allow it. */
export function unitScope(actor: Actor, action: Action): UnitScope {
  const prefixes = actor.grants
    .filter((grant) => PERMISSIONS[grant.role].has(action))
    .map((grant) => grant.unitPath)
  // Drop prefixes already covered by a shorter one.
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length)
  const minimal: string[] = []
  for (const prefix of sorted) if (!minimal.some((m) => prefix.startsWith(m))) minimal.push(prefix)
  return { pathPrefixes: minimal }
}

/** Roles the actor holds anywhere; the web app uses this to show only what the user may open. */
export function allowedActions(actor: Actor): Action[] {
  const all = new Set<Action>()
  for (const grant of actor.grants) for (const action of PERMISSIONS[grant.role]) all.add(action)
  return ACTIONS.filter((action) => all.has(action))
}
