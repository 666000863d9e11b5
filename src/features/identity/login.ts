// Password login with a second factor, per-account lockout and per-address throttling. Lockout state lives in the
// users row and attempts in login_attempts, so the limits hold across every API process on one database.
//
// Known and unknown e-mails answer alike (finding 4.10): a wrong password for an e-mail that belongs to no active
// user counts in login_attempts under that e-mail, and the same count that locks a real account "locks" it, with
// the same message and lock time; both paths verify an argon2 hash, so they take as long.
import { failedAttemptTimesForEmail, recordLoginAttempt } from '../../db/login-attempts-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { findUserByEmail, recordSuccessfulLogin, type UserRow } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChangeAs } from '../audit/record-change.ts'
import { totpSecretsOf, type IdentityDeps, type RequestMeta } from './identity-deps.ts'
import { requiresTwoFactor } from './load-actor.ts'
import { verifyPassword } from './password.ts'
import { checkSecondFactor, hasSecondFactorInput, type SecondFactorInput } from './second-factor.ts'
import { createSession, type NewSessionResult } from './sessions.ts'
import {
  assertAddressNotThrottled,
  assertNotLocked,
  lockedError,
  recordAccountFailure,
  replayLock,
  secondFactorFailure,
} from './account-lockout.ts'

export { ipFailureLimit } from './account-lockout.ts'

export interface LoginInput extends SecondFactorInput {
  email: string
  password: string
}

export interface LoginResult extends NewSessionResult {
  user: UserRow
  mustEnrolTwoFactor: boolean
}

/** How far back the failures of an unknown e-mail are replayed (login_attempts keeps a day). */
const UNKNOWN_EMAIL_HORIZON_MS = 24 * 3_600_000

/**
 * A wrong password for an e-mail without an active user: recorded, and answered exactly as a real account
 * would be — 401 until the configured number of failures, then "locked until …" for the lock time.
 */
async function refuseUnknownEmail(
  deps: IdentityDeps,
  email: string,
  meta: RequestMeta,
  now: Date,
): Promise<never> {
  const { maxAttempts, lockMinutes } = deps.config.login
  const earlier = await failedAttemptTimesForEmail(
    deps.db,
    email,
    new Date(now.getTime() - UNKNOWN_EMAIL_HORIZON_MS),
  )
  await recordLoginAttempt(deps.db, { ip: meta.ip, email, succeeded: false }, now)
  const state = replayLock(earlier, maxAttempts, lockMinutes * 60_000)
  if (state.lockedUntil && state.lockedUntil > now) throw lockedError(state.lockedUntil, now)
  if (state.failures + 1 >= maxAttempts)
    throw lockedError(new Date(now.getTime() + lockMinutes * 60_000), now)
  throw new AppError('unauthenticated', 'auth.wrong_credentials')
}

export async function login(deps: IdentityDeps, input: LoginInput, meta: RequestMeta): Promise<LoginResult> {
  const { db, clock } = deps
  const now = clock.now()
  await assertAddressNotThrottled(deps, meta.ip, now)

  const user = await findUserByEmail(db, input.email)
  const usable = user && !user.disabledAt ? user : undefined
  if (usable?.lockedUntil && usable.lockedUntil > now) {
    // Verified anyway, so a locked account answers as slowly as any other.
    await verifyPassword(usable.passwordHash, input.password)
    await recordLoginAttempt(db, { ip: meta.ip, email: input.email, succeeded: false }, now)
    assertNotLocked(usable, now)
  }

  const passwordOk = await verifyPassword(usable ? usable.passwordHash : null, input.password)
  if (!usable) return refuseUnknownEmail(deps, input.email, meta, now)
  if (!passwordOk) {
    await recordAccountFailure(deps, usable, { kind: 'password' }, 'login', meta)
    throw new AppError('unauthenticated', 'auth.wrong_credentials')
  }

  let twoFactorPassed = false
  let usedRecoveryCode = false
  if (usable.totpEnabledAt) {
    if (!hasSecondFactorInput(input)) {
      // The password was right; the form now asks for the code. Not counted as a failure.
      throw new AppError('two_factor_required', 'auth.second_factor_needed')
    }
    const check = await checkSecondFactor(db, totpSecretsOf(deps), usable, input, now)
    if (!check.ok) {
      await recordAccountFailure(deps, usable, secondFactorFailure(check), 'login', meta)
      throw new AppError('unauthenticated', 'auth.second_factor_wrong_at_login', undefined, {
        totp: problem('auth.code_mismatch'),
      })
    }
    twoFactorPassed = true
    usedRecoveryCode = check.usedRecoveryCode
  }

  const grants = await grantsOfUsers(db, usable.instansiId, [usable.id])
  const result = await db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, usable.id, now)
    await recordLoginAttempt(tx, { ip: meta.ip, email: input.email, succeeded: true }, now)
    const created = await createSession(deps, tx, usable, { twoFactorPassed, method: 'password' }, meta)
    const origin = { instansiId: usable.instansiId, userId: usable.id, label: usable.email }
    if (usedRecoveryCode) {
      await recordChangeAs(
        tx,
        origin,
        meta,
        {
          action: 'auth.recovery_code_used',
          objectType: 'user',
          objectId: usable.id,
          after: { during: 'login' },
        },
        now,
      )
    }
    await recordChangeAs(
      tx,
      origin,
      meta,
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: created.session.id,
        after: { method: 'password', twoFactor: twoFactorPassed },
      },
      now,
    )
    return created
  })
  return { ...result, user: usable, mustEnrolTwoFactor: !usable.totpEnabledAt && requiresTwoFactor(grants) }
}
