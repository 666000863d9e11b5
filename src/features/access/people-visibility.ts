// Who may see a person's details (e-mail address, roles): the callers the users list would show that person to,
// i.e. holders of `user.read` on one of the units where the person holds a role (a person without any role is
// visible to instansi-wide readers only). Other pages that name people (an account's penanggung jawab and
// pengelola, the audit log) show the name to everyone who may see the object, and the e-mail only when this says so.
import { can, type Actor } from './policy.ts'

export function maySeePerson(
  actor: Actor,
  instansiId: string,
  personGrants: readonly { unitPath: string }[],
): boolean {
  if (personGrants.length === 0) return can(actor, 'user.read', { instansiId })
  return personGrants.some((grant) => can(actor, 'user.read', { instansiId, unitPath: grant.unitPath }))
}

/** Whether the actor may see e-mail addresses of people at all (holds `user.read` somewhere). */
export function maySeePeople(actor: Actor): boolean {
  return actor.grants.some((grant) =>
    can(actor, 'user.read', { instansiId: actor.instansiId, unitPath: grant.unitPath }),
  )
}

/**
 * Whether the actor may see the e-mail addresses of the people an object of this unit names (an account's
 * penanggung jawab and pengelola): `user.read` over the unit, the same rule as the account form's people picker.
 */
export function maySeePeopleOfUnit(actor: Actor, unitPath: string): boolean {
  return can(actor, 'user.read', { instansiId: actor.instansiId, unitPath })
}
