// Housekeeping: sessions that expired or were revoked more than a day ago (kept a day so the session list and
// support questions can still see them), login attempts and password reset requests older than a day (their
// throttle windows are minutes to an hour), and abandoned single sign-on logins. Idempotent: running it twice deletes nothing more; workers running it at
// the same time take different sessions (claimAndRecheck) instead of waiting on each other.
import { deleteLoginAttemptsBefore } from '../../db/login-attempts-repository.ts'
import { deleteExpiredOidcLoginStates } from '../../db/oidc-login-states-repository.ts'
import { deletePasswordResetsBefore } from '../../db/password-resets-repository.ts'
import { deleteSessions, lockDeadSessions } from '../../db/sessions-repository.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import type { IdentityDeps } from './identity-deps.ts'

const DAY_MS = 24 * 3_600_000
const BATCH = 500

export async function purgeExpiredSessions(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
): Promise<{ sessions: number; other: number }> {
  const now = deps.clock.now()
  const dayAgo = new Date(now.getTime() - DAY_MS)
  let sessions = 0
  for (;;) {
    const batch = await claimAndRecheck(deps.db, {
      claim: (tx) => lockDeadSessions(tx, dayAgo, BATCH),
      isStillDue: (session) =>
        session.expiresAt < dayAgo || (session.revokedAt !== null && session.revokedAt < dayAgo),
      act: (tx, due) =>
        deleteSessions(
          tx,
          due.map((session) => session.id),
        ),
    })
    sessions += batch.outcome ?? 0
    if (batch.claimed < BATCH || batch.due === 0) break
  }
  const attempts = await deleteLoginAttemptsBefore(deps.db, dayAgo)
  const states = await deleteExpiredOidcLoginStates(deps.db, now)
  const resets = await deletePasswordResetsBefore(deps.db, dayAgo)
  return { sessions, other: attempts + states + resets }
}
