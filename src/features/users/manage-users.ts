// User administration: list, create, update, disable, password reset, 2FA reset, and role grants on units.
// Who may touch a user follows the policy: user.read/user.manage on the units where that user holds roles
// (a user without any role counts as instansi-wide). Every change is audited in its own transaction.
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { revokeUserApiTokens } from '../../db/api-tokens-repository.ts'
import { replaceRecoveryCodes } from '../../db/recovery-codes-repository.ts'
import {
  deleteGrant,
  grantsOfUsers,
  insertGrant,
  type GrantWithUnit,
} from '../../db/role-grants-repository.ts'
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersInScope,
  lockUser,
  setPassword,
  updateUser,
  type UserRow,
} from '../../db/users-repository.ts'
import { conflictingRole } from '../../shared/role-guide.ts'
import { AppError, isAppError, problem } from '../app-error.ts'
import { originOf, recordChange, recordChangeAs, type ChangeOrigin } from '../audit/record-change.ts'
import { toGrantView, type GrantView } from '../access/grant-view.ts'
import { maySeePerson } from '../access/people-visibility.ts'
import { authorize, can, isRole, unitScope, type Action, type Actor, type Role } from '../access/policy.ts'
import type { IdentityDeps, RequestMeta } from '../identity/identity-deps.ts'
import { assertPasswordAcceptable, generateTemporaryPassword, hashPassword } from '../identity/password.ts'

export interface UserView {
  id: string
  email: string
  name: string
  locale: string
  disabled: boolean
  twoFactorEnabled: boolean
  mustChangePassword: boolean
  /** Mode Latihan: this user's posts go only to sandbox accounts. */
  trainingMode: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
  grants: GrantView[]
}

function toView(user: UserRow, grants: GrantWithUnit[]): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    disabled: user.disabledAt !== null,
    twoFactorEnabled: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    trainingMode: user.trainingMode,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    grants: grants.filter((g) => g.userId === user.id).map(toGrantView),
  }
}

/** read: one of the user's units is covered; manage: all of them are (a sub-unit admin cannot edit a root admin). */
export function mayActOnUser(
  actor: Actor,
  action: Action,
  instansiId: string,
  grants: readonly { unitPath: string }[],
): boolean {
  if (action === 'user.read') return maySeePerson(actor, instansiId, grants)
  if (grants.length === 0) return can(actor, action, { instansiId })
  return grants.every((g) => can(actor, action, { instansiId, unitPath: g.unitPath }))
}

/**
 * One e-mail signs in to exactly one instansi (the login form and single sign-on find the person by e-mail), so
 * an address already in use anywhere in the deployment is refused. The answer is the same whether the address
 * belongs to this instansi or another one, and never names the other instansi (finding 4.10); the refusal is
 * audited in the actor's instansi, so probing for addresses shows in the log.
 */
async function refuseUsedEmail(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  by: ChangeOrigin,
  meta: RequestMeta,
  email: string,
  objectId: string | null,
): Promise<never> {
  await deps.db.transaction((tx) =>
    recordChangeAs(
      tx,
      by,
      meta,
      {
        action: 'user.email_refused',
        objectType: 'user',
        objectId,
        after: { email, reason: 'email_unavailable' },
      },
      deps.clock.now(),
    ),
  )
  throw emailUnavailable(email)
}

function emailUnavailable(email: string): AppError {
  return new AppError(
    'conflict',
    'users.email_unavailable',
    { email },
    { email: problem('users.email_unavailable_field') },
  )
}

/** The role that may not be added to those the user holds (admin and auditor are never one person). */
function assertRolesCompatible(role: Role, held: readonly string[], field = 'role'): void {
  const other = conflictingRole(role, held.filter(isRole))
  if (other)
    throw new AppError(
      'invalid_input',
      'access.roles_exclusive',
      { role, other },
      { [field]: problem('access.roles_exclusive_field', { other }) },
    )
}

async function loadUserFor(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
  action: Action,
  userId: string,
): Promise<{ user: UserRow; grants: GrantWithUnit[] }> {
  const user = await findUserById(deps.db, actor.instansiId, userId)
  if (!user) throw new AppError('not_found', 'users.not_found')
  const grants = await grantsOfUsers(deps.db, actor.instansiId, [user.id], { includeArchivedUnits: true })
  if (!mayActOnUser(actor, 'user.read', actor.instansiId, grants))
    throw new AppError('not_found', 'users.not_found')
  if (!mayActOnUser(actor, action, actor.instansiId, grants)) {
    throw new AppError('forbidden', 'users.forbidden_on_user', { action })
  }
  return { user, grants }
}

export async function listUsers(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
  search?: string,
): Promise<UserView[]> {
  const scope = unitScope(actor, 'user.read')
  // Refuse outright, as every other admin list does, rather than answer an empty list that looks like "no users".
  if (scope.pathPrefixes.length === 0) throw new AppError('forbidden', 'users.list_forbidden')
  const rows = await listUsersInScope(
    deps.db,
    actor.instansiId,
    scope.pathPrefixes,
    can(actor, 'user.read', { instansiId: actor.instansiId }),
    search,
  )
  const grants = await grantsOfUsers(
    deps.db,
    actor.instansiId,
    rows.map((r) => r.id),
    { includeArchivedUnits: true },
  )
  return rows.map((row) => toView(row, grants))
}

export async function getUser(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
  userId: string,
): Promise<UserView> {
  const { user, grants } = await loadUserFor(deps, actor, 'user.read', userId)
  return toView(user, grants)
}

export interface NewUserInput {
  email: string
  name: string
  /** Omit to generate a temporary password that must be changed at first login. */
  password?: string | undefined
  /**
   * True only when the person typed their own password (the first-run wizard). A password someone else typed
   * for them (an admin, the CLI's operator) is known to that someone, so it must be changed at first login.
   */
  passwordChosenByUser?: boolean | undefined
  locale?: string | undefined
  grants: { unitId: string; role: Role }[]
}

/**
 * Creates a user with grants, without a policy check: for first-run setup and the CLI, and for `createUser`
 * after it has authorised the caller. Runs inside the caller's transaction.
 */
export async function insertUserWithGrants(
  tx: Db,
  input: NewUserInput,
  by: ChangeOrigin,
  meta: RequestMeta,
  now: Date,
): Promise<{ user: UserRow; temporaryPassword: string | null }> {
  const email = input.email.trim()
  if (await findUserByEmail(tx, email)) throw emailUnavailable(email)
  input.grants.forEach((grant, index) =>
    assertRolesCompatible(
      grant.role,
      input.grants.filter((_, other) => other !== index).map((g) => g.role),
      'grants',
    ),
  )
  const temporaryPassword = input.password ? null : generateTemporaryPassword(randomBytes)
  const password = input.password ?? temporaryPassword!
  const instansi = await getInstansi(tx, by.instansiId)
  assertPasswordAcceptable(password, {
    email,
    name: input.name,
    instansiName: instansi?.name,
    instansiSlug: instansi?.slug,
  })
  const user = await insertUser(tx, {
    instansiId: by.instansiId,
    email,
    name: input.name.trim(),
    locale: input.locale ?? 'id',
    passwordHash: await hashPassword(password),
    mustChangePassword: temporaryPassword !== null || input.passwordChosenByUser !== true,
    createdAt: now,
    updatedAt: now,
  }).catch((error: unknown) => {
    // The same address added twice at once: the unique index decides, with the same answer.
    throw isUniqueViolation(error) ? emailUnavailable(email) : error
  })
  for (const grant of input.grants) {
    const unit = await getUnit(tx, by.instansiId, grant.unitId)
    if (!unit || unit.archivedAt)
      throw new AppError('invalid_input', 'users.grant_unit_unavailable', undefined, {
        grants: problem('units.not_found'),
      })
    await insertGrant(tx, {
      instansiId: by.instansiId,
      userId: user.id,
      unitId: unit.id,
      role: grant.role,
      grantedBy: by.userId,
    })
  }
  await recordChangeAs(
    tx,
    by,
    meta,
    {
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      after: {
        email: user.email,
        name: user.name,
        grants: input.grants,
        temporaryPassword: temporaryPassword !== null,
      },
    },
    now,
  )
  return { user, temporaryPassword }
}

export async function createUser(
  deps: IdentityDeps,
  actor: Actor,
  input: NewUserInput,
  meta: RequestMeta,
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  if (input.grants.length === 0) authorize(actor, 'user.manage', { instansiId: actor.instansiId })
  for (const grant of input.grants) {
    const unit = await getUnit(deps.db, actor.instansiId, grant.unitId)
    if (!unit) throw new AppError('not_found', 'units.not_found')
    authorize(actor, 'user.manage', { instansiId: actor.instansiId, unitPath: unit.path })
  }
  if (await findUserByEmail(deps.db, input.email))
    await refuseUsedEmail(deps, originOf(actor), meta, input.email.trim(), null)
  const now = deps.clock.now()
  const created = await deps.db.transaction((tx) =>
    insertUserWithGrants(tx, { ...input, passwordChosenByUser: false }, originOf(actor), meta, now),
  )
  return { user: await getUser(deps, actor, created.user.id), temporaryPassword: created.temporaryPassword }
}

export interface UserProfileChange {
  name?: string | undefined
  email?: string | undefined
  locale?: string | undefined
  disabled?: boolean | undefined
}

/**
 * Renames, re-addresses, switches the language of, disables or enables a user. Disabling ends the user's
 * sessions and revokes their API tokens; enabling revokes any token left from before (finding 4.11), so a user
 * who comes back starts with new tokens only.
 */
export async function updateUserProfile(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  input: UserProfileChange,
  meta: RequestMeta,
): Promise<UserView> {
  const { user } = await loadUserFor(deps, actor, 'user.manage', userId)
  if (input.disabled === true && user.id === actor.userId) {
    throw new AppError('invalid_input', 'users.cannot_disable_self', undefined, {
      disabled: problem('users.not_for_own_account'),
    })
  }
  const email = input.email?.trim()
  const emailChanges = email !== undefined && email.toLowerCase() !== user.email.toLowerCase()
  if (emailChanges && (await findUserByEmail(deps.db, email)))
    await refuseUsedEmail(deps, originOf(actor), meta, email, userId)
  const now = deps.clock.now()
  const changes: Parameters<typeof updateUser>[3] = {}
  if (input.name !== undefined) changes.name = input.name.trim()
  if (email !== undefined && email !== user.email) changes.email = email
  if (input.locale !== undefined) changes.locale = input.locale
  if (input.disabled !== undefined) changes.disabledAt = input.disabled ? (user.disabledAt ?? now) : null
  const disabling = input.disabled === true && !user.disabledAt
  const enabling = input.disabled === false && user.disabledAt !== null
  try {
    await deps.db.transaction(async (tx) => {
      const updated = await updateUser(tx, actor.instansiId, userId, changes, now)
      let revokedTokens = 0
      if (disabling) await revokeUserSessions(tx, actor.instansiId, userId, now)
      if (disabling || enabling) revokedTokens = await revokeUserApiTokens(tx, actor.instansiId, userId, now)
      const action = disabling ? 'user.disable' : enabling ? 'user.enable' : 'user.update'
      const view = (row: UserRow) => ({
        name: row.name,
        email: row.email,
        locale: row.locale,
        disabled: row.disabledAt !== null,
      })
      await recordChange(
        tx,
        actor,
        meta,
        {
          action,
          objectType: 'user',
          objectId: userId,
          before: view(user),
          after: { ...view(updated!), ...(revokedTokens > 0 ? { revokedTokens } : {}) },
        },
        now,
      )
    })
  } catch (error) {
    // Two admins giving the same address at once: the unique index decides, with the same answer.
    if (email !== undefined && isUniqueViolation(error)) throw emailUnavailable(email)
    throw error
  }
  return getUser(deps, actor, userId)
}

/** Sets a temporary password the user must change at next login, clears a lockout, ends their sessions. */
export async function resetUserPassword(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  meta: RequestMeta,
): Promise<{ temporaryPassword: string }> {
  const { user } = await loadUserFor(deps, actor, 'user.manage', userId)
  if (user.id === actor.userId) throw new AppError('invalid_input', 'users.reset_own_password')
  const temporaryPassword = generateTemporaryPassword(randomBytes)
  const passwordHash = await hashPassword(temporaryPassword)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, actor.instansiId, userId, { passwordHash, mustChangePassword: true }, now)
    const revokedSessions = await revokeUserSessions(tx, actor.instansiId, userId, now)
    const revokedTokens = await revokeUserApiTokens(tx, actor.instansiId, userId, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'user.password_reset',
        objectType: 'user',
        objectId: userId,
        after: { mustChangePassword: true, revokedSessions, revokedTokens },
      },
      now,
    )
  })
  return { temporaryPassword }
}

/** For a user who lost their phone: 2FA off, recovery codes gone, sessions ended; they enrol again at next login. */
export async function resetUserTwoFactor(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  const { user } = await loadUserFor(deps, actor, 'user.manage', userId)
  if (user.id === actor.userId) throw new AppError('invalid_input', 'users.reset_own_two_factor')
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, actor.instansiId, userId, { totpSecret: null, totpEnabledAt: null }, now)
    await replaceRecoveryCodes(tx, actor.instansiId, userId, [])
    await revokeUserSessions(tx, actor.instansiId, userId, now)
    await revokeUserApiTokens(tx, actor.instansiId, userId, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'user.two_factor_reset',
        objectType: 'user',
        objectId: userId,
        before: { twoFactorEnabled: user.totpEnabledAt !== null },
        after: { twoFactorEnabled: false },
      },
      now,
    )
  })
}

/**
 * Mode Latihan on or off for a user (an admin's decision: user.manage over all the user's units). While on, the
 * user's posts may only target sandbox accounts (features/sandbox/training-mode.ts). Audited.
 */
export async function setTrainingMode(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  enabled: boolean,
  meta: RequestMeta,
): Promise<UserView> {
  const { user } = await loadUserFor(deps, actor, 'user.manage', userId)
  if (user.trainingMode !== enabled) {
    const now = deps.clock.now()
    await deps.db.transaction(async (tx) => {
      await updateUser(
        tx,
        actor.instansiId,
        userId,
        { trainingMode: enabled, trainingModeSince: enabled ? now : null },
        now,
      )
      await recordChange(
        tx,
        actor,
        meta,
        {
          action: 'user.training_mode',
          objectType: 'user',
          objectId: userId,
          before: { trainingMode: user.trainingMode },
          after: { trainingMode: enabled },
        },
        now,
      )
    })
  }
  return getUser(deps, actor, userId)
}

export async function grantRole(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  input: { unitId: string; role: string },
  meta: RequestMeta,
): Promise<UserView> {
  if (!isRole(input.role))
    throw new AppError(
      'invalid_input',
      'users.role_unknown',
      { role: input.role },
      { role: problem('users.role_unknown_field') },
    )
  if (userId === actor.userId) throw new AppError('forbidden', 'access.no_self_grant')
  await loadUserFor(deps, actor, 'user.read', userId)
  const role = input.role
  const unit = await getUnit(deps.db, actor.instansiId, input.unitId)
  if (!unit) throw new AppError('not_found', 'units.not_found')
  if (unit.archivedAt)
    throw new AppError('invalid_input', 'users.unit_archived', undefined, {
      unitId: problem('users.unit_archived_field'),
    })
  authorize(actor, 'user.manage', { instansiId: actor.instansiId, unitPath: unit.path })
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    // Under the user's row lock, so two grants at once cannot together make an admin an auditor.
    await lockUser(tx, actor.instansiId, userId)
    const held = await grantsOfUsers(tx, actor.instansiId, [userId], { includeArchivedUnits: true })
    assertRolesCompatible(
      role,
      held.map((g) => g.role),
    )
    const inserted = await insertGrant(tx, {
      instansiId: actor.instansiId,
      userId,
      unitId: unit.id,
      role,
      grantedBy: actor.userId,
    })
    if (!inserted) throw new AppError('conflict', 'users.role_already_held')
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'role.grant',
        objectType: 'role_grant',
        objectId: inserted.id,
        after: { userId, unitId: unit.id, unitCode: unit.code, role },
      },
      now,
    )
  })
  return getUser(deps, actor, userId)
}

/** The user after a revoke, or null when the actor can no longer see them (their last role in the actor's units). */
export interface RevokeRoleResult {
  revoked: true
  user: UserView | null
}

export async function revokeRole(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  grantId: string,
  meta: RequestMeta,
): Promise<RevokeRoleResult> {
  const { grants } = await loadUserFor(deps, actor, 'user.read', userId)
  const grant = grants.find((g) => g.grantId === grantId)
  if (!grant) throw new AppError('not_found', 'users.grant_not_found')
  authorize(actor, 'user.manage', { instansiId: actor.instansiId, unitPath: grant.unitPath })
  if (userId === actor.userId && grant.role === 'admin') {
    throw new AppError('invalid_input', 'users.cannot_revoke_own_admin')
  }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const deleted = await deleteGrant(tx, actor.instansiId, userId, grantId)
    if (!deleted) throw new AppError('not_found', 'users.grant_not_found')
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'role.revoke',
        objectType: 'role_grant',
        objectId: grantId,
        before: { userId, unitId: grant.unitId, unitCode: grant.unitCode, role: grant.role },
      },
      now,
    )
  })
  // The revoke succeeded even when it took the user out of the actor's sight: say so rather than 404.
  return { revoked: true, user: await findVisibleUser(deps, actor, userId) }
}

async function findVisibleUser(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
  userId: string,
): Promise<UserView | null> {
  try {
    return await getUser(deps, actor, userId)
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null
    throw error
  }
}
