// Housekeeping: sessions that expired or were revoked more than a day ago (kept a day so the session list and
// support questions can still see them), login attempts older than a day (the throttle window is minutes), and
// abandoned single sign-on logins. Idempotent: running it twice deletes nothing more.
import { purgeLoginLeftovers } from '../../db/identity-repository.ts'
import { deleteDeadSessions } from '../../db/session-repository.ts'
import type { IdentityDeps } from './identity-deps.ts'

const DAY_MS = 24 * 3_600_000

export async function purgeExpiredSessions(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
): Promise<{ sessions: number; other: number }> {
  const now = deps.clock.now()
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const sessions = await deleteDeadSessions(deps.db, dayAgo)
  const other = await purgeLoginLeftovers(deps.db, dayAgo, now)
  return { sessions, other }
}
