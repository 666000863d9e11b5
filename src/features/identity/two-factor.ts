// TOTP enrolment (secret + QR, confirmed with a code), recovery codes, disabling, and completing a session's
// second factor. Mandatory for admin and penanggung_jawab: they can neither skip enrolment nor disable it.
import { randomBytes } from 'node:crypto'
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from '../../db/recovery-codes-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { markSessionTwoFactorPassed } from '../../db/sessions-repository.ts'
import { recordLoginAttempt } from '../../db/login-attempts-repository.ts'
import { findUserById, recordSuccessfulLogin, updateUser } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeRecord } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import { totpSecretsOf, type IdentityDeps, type RequestMeta } from './identity-deps.ts'
import { requiresTwoFactor } from './load-actor.ts'
import {
  assertAddressNotThrottled,
  assertNotLocked,
  recordAccountFailure,
  secondFactorFailure,
} from './account-lockout.ts'
import { verifyPassword } from './password.ts'
import { acceptTotpCode, checkSecondFactor, type SecondFactorInput } from './second-factor.ts'
import { generateRecoveryCode, hashRecoveryCode } from './secret-token.ts'
import { generateTotpSecret, sealTotpSecret, totpQrDataUrl, totpUri } from './totp.ts'

export const RECOVERY_CODE_COUNT = 10

export interface Enrolment {
  secret: string
  otpauthUri: string
  qrDataUrl: string
}

async function currentUser(deps: Pick<IdentityDeps, 'db'>, actor: Actor) {
  const user = await findUserById(deps.db, actor.instansiId, actor.userId)
  if (!user) throw new AppError('unauthenticated', 'common.unauthenticated')
  return user
}

/** A change of the actor's own account. */
function ownChange(actor: Actor, action: string, after?: unknown): ChangeRecord {
  return { action, objectType: 'user', objectId: actor.userId, after }
}

/** Starts (or restarts) enrolment: a new pending secret, not active until confirmed with a code. */
export async function startTwoFactorEnrolment(deps: IdentityDeps, actor: Actor): Promise<Enrolment> {
  const user = await currentUser(deps, actor)
  if (user.totpEnabledAt) throw new AppError('conflict', 'auth.two_factor_on_change_device')
  const secret = generateTotpSecret()
  await updateUser(
    deps.db,
    actor.instansiId,
    actor.userId,
    { totpSecret: sealTotpSecret(secret, deps.secret), totpEnabledAt: null },
    deps.clock.now(),
  )
  const otpauthUri = totpUri(secret, user.email)
  return { secret, otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) }
}

function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode)
  return { codes, hashes: codes.map(hashRecoveryCode) }
}

/** Confirms enrolment with a code from the app; returns the recovery codes (shown once, stored hashed). */
export async function confirmTwoFactorEnrolment(
  deps: IdentityDeps,
  actor: Actor,
  sessionId: string | null,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[] }> {
  const user = await currentUser(deps, actor)
  if (user.totpEnabledAt) throw new AppError('conflict', 'auth.two_factor_already_on')
  if (!user.totpSecret) throw new AppError('precondition_failed', 'auth.enrolment_not_started')
  const now = deps.clock.now()
  if ((await acceptTotpCode(deps.db, totpSecretsOf(deps), user, code, now)) !== 'accepted') {
    throw new AppError('invalid_input', 'auth.enrolment_code_wrong', undefined, {
      code: problem('auth.code_mismatch'),
    })
  }
  const { codes, hashes } = newRecoveryCodes()
  await deps.db.transaction(async (tx) => {
    await updateUser(
      tx,
      actor.instansiId,
      actor.userId,
      { totpSecret: user.totpSecret, totpEnabledAt: now },
      now,
    )
    await replaceRecoveryCodes(tx, actor.instansiId, actor.userId, hashes)
    if (sessionId) await markSessionTwoFactorPassed(tx, sessionId)
    await recordChange(
      tx,
      actor,
      meta,
      ownChange(actor, 'user.two_factor_enable', { recoveryCodes: RECOVERY_CODE_COUNT }),
      now,
    )
  })
  return { recoveryCodes: codes }
}

/** Replaces all recovery codes (e.g. after using some); needs a current TOTP code. */
export async function regenerateRecoveryCodes(
  deps: IdentityDeps,
  actor: Actor,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[] }> {
  const user = await currentUser(deps, actor)
  const now = deps.clock.now()
  if (!user.totpEnabledAt || !user.totpSecret)
    throw new AppError('precondition_failed', 'auth.two_factor_not_on')
  assertNotLocked(user, now)
  await assertAddressNotThrottled(deps, meta.ip, now)
  const outcome = await acceptTotpCode(deps.db, totpSecretsOf(deps), user, code, now)
  if (outcome !== 'accepted') {
    await recordAccountFailure(
      deps,
      user,
      { kind: 'second_factor', method: 'totp', outcome },
      'recovery_codes_regenerate',
      meta,
      actor,
    )
    throw new AppError('invalid_input', 'auth.code_wrong_wait_next', undefined, {
      code: problem('auth.code_mismatch'),
    })
  }
  const { codes, hashes } = newRecoveryCodes()
  await deps.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.instansiId, actor.userId, hashes)
    await recordChange(tx, actor, meta, ownChange(actor, 'user.recovery_codes_regenerate'), now)
  })
  return { recoveryCodes: codes }
}

export async function disableTwoFactor(
  deps: IdentityDeps,
  actor: Actor,
  input: { password: string } & SecondFactorInput,
  meta: RequestMeta,
): Promise<void> {
  const user = await currentUser(deps, actor)
  if (!user.totpEnabledAt) throw new AppError('precondition_failed', 'auth.two_factor_not_on')
  if (requiresTwoFactor(await grantsOfUsers(deps.db, actor.instansiId, [actor.userId]))) {
    throw new AppError('forbidden', 'auth.two_factor_mandatory')
  }
  const now = deps.clock.now()
  assertNotLocked(user, now)
  await assertAddressNotThrottled(deps, meta.ip, now)
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAccountFailure(deps, user, { kind: 'password' }, 'two_factor_disable', meta, actor)
    throw new AppError('invalid_input', 'auth.password_wrong', undefined, {
      password: problem('auth.password_wrong'),
    })
  }
  const check = await checkSecondFactor(deps.db, totpSecretsOf(deps), user, input, now)
  if (!check.ok) {
    await recordAccountFailure(deps, user, secondFactorFailure(check), 'two_factor_disable', meta, actor)
    throw new AppError('invalid_input', 'auth.second_factor_wrong', undefined, {
      totp: problem('auth.code_mismatch'),
    })
  }
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, actor.instansiId, actor.userId, { totpSecret: null, totpEnabledAt: null }, now)
    await replaceRecoveryCodes(tx, actor.instansiId, actor.userId, [])
    if (check.usedRecoveryCode)
      await recordChange(
        tx,
        actor,
        meta,
        ownChange(actor, 'auth.recovery_code_used', { during: 'two_factor_disable' }),
        now,
      )
    await recordChange(tx, actor, meta, ownChange(actor, 'user.two_factor_disable'), now)
  })
}

/**
 * Completes a session that has not passed the second factor yet (single sign-on of an enrolled user). Only now is
 * the sign-in a success (finding 4.1): the failure count resets here, never at the provider's redirect.
 */
export async function verifySessionSecondFactor(
  deps: IdentityDeps,
  actor: Actor,
  sessionId: string,
  input: SecondFactorInput,
  meta: RequestMeta,
): Promise<void> {
  const user = await currentUser(deps, actor)
  const now = deps.clock.now()
  assertNotLocked(user, now)
  await assertAddressNotThrottled(deps, meta.ip, now)
  const check = await checkSecondFactor(deps.db, totpSecretsOf(deps), user, input, now)
  if (!check.ok) {
    await recordAccountFailure(deps, user, secondFactorFailure(check), 'session_two_factor', meta, actor)
    throw new AppError('invalid_input', 'auth.second_factor_wrong_or_used', undefined, {
      totp: problem('auth.code_mismatch'),
    })
  }
  await deps.db.transaction(async (tx) => {
    await markSessionTwoFactorPassed(tx, sessionId)
    await recordSuccessfulLogin(tx, user.id, now)
    await recordLoginAttempt(tx, { ip: meta.ip, email: user.email, succeeded: true }, now)
    if (check.usedRecoveryCode)
      await recordChange(
        tx,
        actor,
        meta,
        ownChange(actor, 'auth.recovery_code_used', { during: 'session_two_factor' }),
        now,
      )
    await recordChange(
      tx,
      actor,
      meta,
      ownChange(actor, 'auth.two_factor_verify', { recoveryCode: check.usedRecoveryCode }),
      now,
    )
  })
}

export async function twoFactorStatus(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
): Promise<{ enabled: boolean; recoveryCodesLeft: number; required: boolean }> {
  const user = await currentUser(deps, actor)
  return {
    enabled: user.totpEnabledAt !== null,
    recoveryCodesLeft: await countUnusedRecoveryCodes(deps.db, actor.instansiId, actor.userId),
    required: requiresTwoFactor(await grantsOfUsers(deps.db, actor.instansiId, [actor.userId])),
  }
}

export function randomBuffer(size: number): Buffer {
  return randomBytes(size)
}
