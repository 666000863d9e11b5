// Password login with a second factor, per-account lockout and per-IP throttling. Lockout state lives in the
// users row and attempts in login_attempts, so the limits hold across every API process on one database.
import {
  countFailedAttemptsFromIp,
  oldestFailedAttemptFromIp,
  recordLoginAttempt,
} from '../../db/login-attempts-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { findUserByEmail, recordSuccessfulLogin, type UserRow } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChangeAs } from '../audit/record-change.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { requiresTwoFactor } from './load-actor.ts'
import { verifyPassword } from './password.ts'
import { checkSecondFactor, hasSecondFactorInput, type SecondFactorInput } from './second-factor.ts'
import { createSession, type NewSessionResult } from './sessions.ts'
import { minutesUntil } from './minutes-until.ts'
import { assertNotLocked, recordAccountFailure, secondFactorFailure } from './account-lockout.ts'

export interface LoginInput extends SecondFactorInput {
  email: string
  password: string
}

export interface LoginResult extends NewSessionResult {
  user: UserRow
  mustEnrolTwoFactor: boolean
}

/** Failed attempts one address may make within the lock window, across all accounts. */
export function ipFailureLimit(maxAttempts: number): number {
  return Math.max(20, maxAttempts * 4)
}

export async function login(deps: IdentityDeps, input: LoginInput, meta: RequestMeta): Promise<LoginResult> {
  const { db, config, clock } = deps
  const now = clock.now()
  const windowStart = new Date(now.getTime() - config.login.lockMinutes * 60_000)

  const ipFailures = await countFailedAttemptsFromIp(db, meta.ip, windowStart)
  if (ipFailures >= ipFailureLimit(config.login.maxAttempts)) {
    const oldest = (await oldestFailedAttemptFromIp(db, meta.ip, windowStart)) ?? now
    const retryAt = new Date(oldest.getTime() + config.login.lockMinutes * 60_000)
    throw new AppError('rate_limited', 'auth.address_throttled', {
      retryAt: retryAt.toISOString(),
      minutes: minutesUntil(retryAt, now),
    })
  }

  const user = await findUserByEmail(db, input.email)
  const usable = user && !user.disabledAt
  if (usable && user.lockedUntil && user.lockedUntil > now) {
    await recordLoginAttempt(db, { ip: meta.ip, email: input.email, succeeded: false }, now)
    assertNotLocked(user, now)
  }

  const passwordOk = await verifyPassword(usable ? user.passwordHash : null, input.password)
  if (!usable || !passwordOk) {
    await recordLoginAttempt(db, { ip: meta.ip, email: input.email, succeeded: false }, now)
    if (usable) await recordAccountFailure(deps, user, { kind: 'password' }, 'login', meta)
    throw new AppError('unauthenticated', 'auth.wrong_credentials')
  }

  let twoFactorPassed = false
  let usedRecoveryCode = false
  if (user.totpEnabledAt) {
    if (!hasSecondFactorInput(input)) {
      // The password was right; the form now asks for the code. Not counted as a failure.
      throw new AppError('two_factor_required', 'auth.second_factor_needed')
    }
    const check = await checkSecondFactor(db, deps.secret, user, input, now)
    if (!check.ok) {
      await recordLoginAttempt(db, { ip: meta.ip, email: input.email, succeeded: false }, now)
      await recordAccountFailure(deps, user, secondFactorFailure(check), 'login', meta)
      throw new AppError('unauthenticated', 'auth.second_factor_wrong_at_login', undefined, {
        totp: problem('auth.code_mismatch'),
      })
    }
    twoFactorPassed = true
    usedRecoveryCode = check.usedRecoveryCode
  }

  const grants = await grantsOfUsers(db, user.instansiId, [user.id])
  const result = await db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, user.id, now)
    const created = await createSession(deps, tx, user, { twoFactorPassed, method: 'password' }, meta)
    const origin = { instansiId: user.instansiId, userId: user.id, label: user.email }
    if (usedRecoveryCode) {
      await recordChangeAs(
        tx,
        origin,
        meta,
        {
          action: 'auth.recovery_code_used',
          objectType: 'user',
          objectId: user.id,
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
  await recordLoginAttempt(db, { ip: meta.ip, email: input.email, succeeded: true }, now)
  return { ...result, user, mustEnrolTwoFactor: !user.totpEnabledAt && requiresTwoFactor(grants) }
}
