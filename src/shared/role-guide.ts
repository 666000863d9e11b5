// What each role may do, in words people read next to the role picker and in the user list. The abilities are
// derived from the permission table (permissions.ts), so the description cannot promise what the policy refuses (and a missing label
// fails to compile);
// each role's summary (its duty and the rules that bind it) is a message pair in access-messages.ts.
import { ACTIONS, PERMISSIONS, type Action } from './permissions.ts'
import type { MessageKey } from './messages/catalogue.ts'
import type { Role } from './roles.ts'

/** The actions a role allows, in the order of the permission table. */
export function abilitiesOf(role: Role): Action[] {
  return ACTIONS.filter((action) => PERMISSIONS[role].has(action))
}

/** The catalogue key naming an action in words ("Mengelola pengguna dan peran"). */
export function actionLabelKey(action: Action): MessageKey {
  return `access.action.${action}` as const
}

/** The catalogue key of a role's summary: its duty and the rules that bind it. */
export function roleSummaryKey(role: Role): MessageKey {
  return `access.role.${role}` as const
}

/** Roles one person may never hold together (separation of duties): the auditor checks what the admin does. */
export const EXCLUSIVE_ROLE_PAIRS: readonly (readonly [Role, Role])[] = [['admin', 'auditor']]

/** The role that may not be held beside `role`, given the roles the person already holds; null when none. */
export function conflictingRole(role: Role, held: readonly Role[]): Role | null {
  for (const [a, b] of EXCLUSIVE_ROLE_PAIRS) {
    if (role === a && held.includes(b)) return b
    if (role === b && held.includes(a)) return a
  }
  return null
}
