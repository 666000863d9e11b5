// Failed proofs of identity (password, TOTP, recovery code) count against the account AND against the network
// address, wherever they happen: the login form, finishing a single sign-on with a code, re-entering the password
// or a code in a session (password change, turning 2FA off, new recovery codes). After `config.login.maxAttempts`
// failures the account is locked for `lockMinutes`, and an address with too many failures in that window is
// throttled, so a 6-digit code or a password cannot be guessed through any of these doors, nor by spreading the
// guesses over many accounts. A lock holds on every door, single sign-on included (finding 4.1).
import {
  countFailedAttemptsFromIp,
  oldestFailedAttemptFromIp,
  recordLoginAttempt,
} from '../../db/login-attempts-repository.ts'
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { registerFailedLogin, type UserRow } from '../../db/users-repository.ts'
import type { Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { ANONYMOUS_LABEL, recordChangeAs, type ChangeOrigin } from '../audit/record-change.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import type { SecondFactorCheck } from './second-factor.ts'
import { minutesUntil } from './minutes-until.ts'

export function lockedError(until: Date, now: Date): AppError {
  return new AppError('locked', 'auth.account_locked', {
    until: until.toISOString(),
    minutes: minutesUntil(until, now),
  })
}

export function assertNotLocked(user: Pick<UserRow, 'lockedUntil'>, now: Date): void {
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now)
}

/** Failed attempts one address may make within the lock window, across all accounts and doors. */
export function ipFailureLimit(maxAttempts: number): number {
  return Math.max(20, maxAttempts * 4)
}

/** Refuses (rate_limited, saying when to retry) an address that failed too often within the lock window. */
export async function assertAddressNotThrottled(
  deps: Pick<IdentityDeps, 'db' | 'config'>,
  ip: string,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - deps.config.login.lockMinutes * 60_000)
  const failures = await countFailedAttemptsFromIp(deps.db, ip, windowStart)
  if (failures < ipFailureLimit(deps.config.login.maxAttempts)) return
  const oldest = (await oldestFailedAttemptFromIp(deps.db, ip, windowStart)) ?? now
  const retryAt = new Date(oldest.getTime() + deps.config.login.lockMinutes * 60_000)
  throw new AppError('rate_limited', 'auth.address_throttled', {
    retryAt: retryAt.toISOString(),
    minutes: minutesUntil(retryAt, now),
  })
}

/**
 * The lock state a series of failures leads to, counted exactly as the users row counts them: each failure
 * outside a lock adds one; the failure that reaches `maxAttempts` locks for `lockMs` and starts the count again;
 * failures during a lock do not count. Used for e-mails without an account, whose failures live in
 * login_attempts only, so they lock on the same attempt and for as long as a real account (finding 4.10).
 */
export function replayLock(
  failures: readonly Date[],
  maxAttempts: number,
  lockMs: number,
): { failures: number; lockedUntil: Date | null } {
  let count = 0
  let lockedUntil: Date | null = null
  for (const at of failures) {
    if (lockedUntil && at < lockedUntil) continue
    count += 1
    if (count >= maxAttempts) {
      lockedUntil = new Date(at.getTime() + lockMs)
      count = 0
    }
  }
  return { failures: count, lockedUntil }
}

/** What failed: a password, or a second-factor code (wrong, or a TOTP code already used: a replay). */
export type AccountFailure =
  | { kind: 'password' }
  | { kind: 'second_factor'; method: 'totp' | 'recovery_code'; outcome: 'wrong' | 'replayed' }

/** The failure a refused second-factor check counts as. */
export function secondFactorFailure(check: Pick<SecondFactorCheck, 'method' | 'outcome'>): AccountFailure {
  return {
    kind: 'second_factor',
    method: check.method,
    outcome: check.outcome === 'replayed' ? 'replayed' : 'wrong',
  }
}

/** Where it failed, as the audit entry records it. */
export type FailureDuring =
  'login' | 'password_change' | 'two_factor_disable' | 'recovery_codes_regenerate' | 'session_two_factor'

/**
 * Counts one failure against the account and the address and audits it (object: the user; actor: the signed-in
 * `by`, or anonymous at sign-in). When
 * it locks the account, the lock is audited, the user's sessions end (a half-finished sign-on must not keep
 * trying), and the locked error is thrown. Otherwise returns so the caller reports its own error.
 */
export async function recordAccountFailure(
  deps: Pick<IdentityDeps, 'db' | 'config' | 'clock'>,
  user: Pick<UserRow, 'id' | 'instansiId' | 'email'>,
  failure: AccountFailure,
  during: FailureDuring,
  meta: RequestMeta,
  by?: Actor,
): Promise<void> {
  const now = deps.clock.now()
  const lockUntil = new Date(now.getTime() + deps.config.login.lockMinutes * 60_000)
  const origin: ChangeOrigin = by
    ? { instansiId: by.instansiId, userId: by.userId, label: by.label }
    : { instansiId: user.instansiId, userId: null, label: ANONYMOUS_LABEL }
  const outcome = await deps.db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { ip: meta.ip, email: user.email, succeeded: false }, now)
    const failed = await registerFailedLogin(tx, user.id, deps.config.login.maxAttempts, lockUntil)
    await recordChangeAs(
      tx,
      origin,
      meta,
      failure.kind === 'password'
        ? { action: 'auth.password_failed', objectType: 'user', objectId: user.id, after: { during } }
        : {
            action: 'auth.two_factor_failed',
            objectType: 'user',
            objectId: user.id,
            after: { during, method: failure.method, replayed: failure.outcome === 'replayed' },
          },
      now,
    )
    if (failed.justLocked) {
      const revokedSessions = await revokeUserSessions(tx, user.instansiId, user.id, now)
      await recordChangeAs(
        tx,
        origin,
        meta,
        {
          action: 'user.locked',
          objectType: 'user',
          objectId: user.id,
          after: { lockedUntil: lockUntil, reason: failure.kind, revokedSessions },
        },
        now,
      )
    }
    return failed
  })
  if (outcome.justLocked) throw lockedError(lockUntil, now)
}
