// Who may carry an official account's duties (product.md: the penanggung jawab approves and answers for the
// account; the pengelola operates it). Pure: a user's role grants and the account's unit path in, an answer out,
// so the account form, the CSV import and any later check share one rule that is tested without a database.
//
// - Penanggung jawab: the user holds `penanggung_jawab` on the account's unit or on a unit above it. An admin,
//   an auditor or a user whose role lies in another branch of the tree is not accountable for the account.
// - Pengelola: the user holds `pengelola` or `penanggung_jawab` (both may draft and answer) on the account's
//   unit or above.
// Whether the user is disabled or belongs to the instansi is the caller's lookup, not this rule's.
import type { Role } from '../../shared/roles.ts'
import type { Problem } from '../../shared/errors.ts'
import { problem } from '../app-error.ts'

export type AccountDuty = 'penanggung_jawab' | 'pengelola'

/** The roles that qualify a user for each duty on an account (on the account's unit or above). */
export const ACCOUNT_DUTY_ROLES: Readonly<Record<AccountDuty, readonly Role[]>> = {
  penanggung_jawab: ['penanggung_jawab'],
  pengelola: ['pengelola', 'penanggung_jawab'],
}

/** What the rule needs of a grant: the role and the materialised path of its unit, '/<root>/…/<unit>/'. */
export interface DutyGrant {
  /** A role id as stored; anything that is not a qualifying role simply does not qualify. */
  role: string
  unitPath: string
}

function covers(grantPath: string, unitPath: string): boolean {
  return unitPath.startsWith(grantPath)
}

/** True when one of the grants qualifies its holder for `duty` on an account of the unit at `unitPath`. */
export function isEligibleForDuty(
  duty: AccountDuty,
  grants: readonly DutyGrant[],
  unitPath: string,
): boolean {
  const roles: readonly string[] = ACCOUNT_DUTY_ROLES[duty]
  return grants.some((grant) => roles.includes(grant.role) && covers(grant.unitPath, unitPath))
}

/** `canBePenanggungJawab(user's grants, account unit path)`. */
export function canBePenanggungJawab(grants: readonly DutyGrant[], unitPath: string): boolean {
  return isEligibleForDuty('penanggung_jawab', grants, unitPath)
}

/** `canBePengelola(user's grants, account unit path)`. */
export function canBePengelola(grants: readonly DutyGrant[], unitPath: string): boolean {
  return isEligibleForDuty('pengelola', grants, unitPath)
}

/**
 * Null when eligible, otherwise the field problem to show (a catalogue key naming the role required), for
 * `details.penanggungJawabUserId` or `details['pengelola.N.userId']`.
 */
export function whyNotEligibleForDuty(
  duty: AccountDuty,
  grants: readonly DutyGrant[],
  unitPath: string,
): Problem | null {
  if (isEligibleForDuty(duty, grants, unitPath)) return null
  return duty === 'penanggung_jawab'
    ? problem('access.penanggung_jawab_ineligible', { role: 'penanggung_jawab' })
    : problem('access.pengelola_ineligible', { role: 'pengelola', alternative: 'penanggung_jawab' })
}
