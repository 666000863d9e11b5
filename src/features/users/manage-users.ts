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
import { getUnit } from '../../db/units-repository.ts'
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersInScope,
  setPassword,
  updateUser,
  type UserRow,
} from '../../db/users-repository.ts'
import { AppError, isAppError, problem } from '../app-error.ts'
import { originOf, recordChange, recordChangeAs, type ChangeOrigin } from '../audit/record-change.ts'
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
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
  grants: { id: string; unitId: string; unitCode: string; unitName: string; role: string }[]
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
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    grants: grants
      .filter((g) => g.userId === user.id)
      .map((g) => ({
        id: g.grantId,
        unitId: g.unitId,
        unitCode: g.unitCode,
        unitName: g.unitName,
        role: g.role,
      })),
  }
}

/** read: one of the user's units is covered; manage: all of them are (a sub-unit admin cannot edit a root admin). */
export function mayActOnUser(
  actor: Actor,
  action: Action,
  instansiId: string,
  grants: readonly { unitPath: string }[],
): boolean {
  if (grants.length === 0) return can(actor, action, { instansiId })
  const covered = grants.map((g) => can(actor, action, { instansiId, unitPath: g.unitPath }))
  return action === 'user.read' ? covered.some(Boolean) : covered.every(Boolean)
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
  if (await findUserByEmail(tx, email)) {
    throw new AppError('conflict', 'users.email_taken', { email }, { email: problem('users.already_used') })
  }
  const temporaryPassword = input.password ? null : generateTemporaryPassword(randomBytes)
  const password = input.password ?? temporaryPassword!
  assertPasswordAcceptable(password, email)
  const user = await insertUser(tx, {
    instansiId: by.instansiId,
    email,
    name: input.name.trim(),
    locale: input.locale ?? 'id',
    passwordHash: await hashPassword(password),
    mustChangePassword: temporaryPassword !== null,
    createdAt: now,
    updatedAt: now,
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
  const now = deps.clock.now()
  const created = await deps.db.transaction((tx) =>
    insertUserWithGrants(tx, input, originOf(actor), meta, now),
  )
  return { user: await getUser(deps, actor, created.user.id), temporaryPassword: created.temporaryPassword }
}

export async function updateUserProfile(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  input: { name?: string | undefined; locale?: string | undefined; disabled?: boolean | undefined },
  meta: RequestMeta,
): Promise<UserView> {
  const { user } = await loadUserFor(deps, actor, 'user.manage', userId)
  if (input.disabled === true && user.id === actor.userId) {
    throw new AppError('invalid_input', 'users.cannot_disable_self', undefined, {
      disabled: problem('users.not_for_own_account'),
    })
  }
  const now = deps.clock.now()
  const changes: Parameters<typeof updateUser>[3] = {}
  if (input.name !== undefined) changes.name = input.name.trim()
  if (input.locale !== undefined) changes.locale = input.locale
  if (input.disabled !== undefined) changes.disabledAt = input.disabled ? (user.disabledAt ?? now) : null
  await deps.db.transaction(async (tx) => {
    const updated = await updateUser(tx, actor.instansiId, userId, changes, now)
    if (input.disabled === true && !user.disabledAt)
      await revokeUserSessions(tx, actor.instansiId, userId, now)
    const action =
      input.disabled === true && !user.disabledAt
        ? 'user.disable'
        : input.disabled === false && user.disabledAt
          ? 'user.enable'
          : 'user.update'
    await recordChange(
      tx,
      actor,
      meta,
      {
        action,
        objectType: 'user',
        objectId: userId,
        before: { name: user.name, locale: user.locale, disabled: user.disabledAt !== null },
        after: { name: updated!.name, locale: updated!.locale, disabled: updated!.disabledAt !== null },
      },
      now,
    )
  })
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
  await loadUserFor(deps, actor, 'user.read', userId)
  const unit = await getUnit(deps.db, actor.instansiId, input.unitId)
  if (!unit) throw new AppError('not_found', 'units.not_found')
  if (unit.archivedAt)
    throw new AppError('invalid_input', 'users.unit_archived', undefined, {
      unitId: problem('users.unit_archived_field'),
    })
  authorize(actor, 'user.manage', { instansiId: actor.instansiId, unitPath: unit.path })
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const inserted = await insertGrant(tx, {
      instansiId: actor.instansiId,
      userId,
      unitId: unit.id,
      role: input.role,
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
        after: { userId, unitId: unit.id, unitCode: unit.code, role: input.role },
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
