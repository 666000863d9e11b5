// Failed proofs of identity (password, TOTP, recovery code) count against the account, wherever they happen:
// the login form, finishing a single sign-on with a code, or re-entering the password in a session. After
// `config.login.maxAttempts` failures the account is locked for `lockMinutes`, so a 6-digit code or a password
// cannot be guessed through any of these doors.
import { appendAudit } from '../../db/audit-repository.ts'
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { registerFailedLogin, type UserRow } from '../../db/users-repository.ts'
import { AppError } from '../app-error.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { minutesUntil, wibTime } from './wib-time.ts'

export function lockedError(until: Date, now: Date): AppError {
  return new AppError(
    'locked',
    `Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi setelah pukul ${wibTime(until)} ` +
      `(${minutesUntil(until, now)} menit lagi), atau minta admin mengatur ulang kata sandi Anda.`,
    { lockedUntil: until.toISOString() },
  )
}

export function assertNotLocked(user: Pick<UserRow, 'lockedUntil'>, now: Date): void {
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now)
}

/**
 * Counts one failure; when it locks the account, the lock is audited, the user's sessions end (a half-finished
 * sign-on must not keep trying), and the locked error is thrown. Otherwise returns so the caller reports its own error.
 */
export async function recordAccountFailure(
  deps: Pick<IdentityDeps, 'db' | 'config' | 'clock'>,
  user: Pick<UserRow, 'id' | 'instansiId' | 'email'>,
  reason: string,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now()
  const lockUntil = new Date(now.getTime() + deps.config.login.lockMinutes * 60_000)
  const outcome = await deps.db.transaction(async (tx) => {
    const failed = await registerFailedLogin(tx, user.id, deps.config.login.maxAttempts, lockUntil)
    if (failed.justLocked) {
      const revokedSessions = await revokeUserSessions(tx, user.instansiId, user.id, now)
      await appendAudit(
        tx,
        {
          instansiId: user.instansiId,
          actorUserId: null,
          actorLabel: user.email,
          action: 'user.locked',
          objectType: 'user',
          objectId: user.id,
          after: { lockedUntil: lockUntil, reason, revokedSessions },
          ...meta,
        },
        now,
      )
    }
    return failed
  })
  if (outcome.justLocked) throw lockedError(lockUntil, now)
}
