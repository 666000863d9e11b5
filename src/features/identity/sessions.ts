// Creating, resolving and ending browser sessions.
import type { Db } from '../../db/client.ts'
import {
  findLiveSession,
  insertSession,
  listLiveSessions,
  revokeSession,
  touchSession,
  type SessionRow,
  type SessionWithUser,
} from '../../db/sessions-repository.ts'
import { AppError } from '../app-error.ts'
import { recordChange } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { randomToken, sha256Hex } from './secret-token.ts'

export const SESSION_COOKIE = 'warta_session'

export interface NewSessionResult {
  /** The cookie value; never stored. */
  token: string
  session: SessionRow
}

export async function createSession(
  deps: Pick<IdentityDeps, 'config' | 'clock'>,
  db: Db,
  user: { id: string; instansiId: string },
  options: { twoFactorPassed: boolean; method: SessionRow['method'] },
  meta: RequestMeta,
): Promise<NewSessionResult> {
  const now = deps.clock.now()
  const token = randomToken(32)
  const session = await insertSession(db, {
    instansiId: user.instansiId,
    userId: user.id,
    tokenHash: sha256Hex(token),
    csrfToken: randomToken(32),
    twoFactorPassed: options.twoFactorPassed,
    method: options.method,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionHours * 3_600_000),
  })
  return { token, session }
}

export async function resolveSession(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  token: string,
): Promise<SessionWithUser | undefined> {
  if (token.length < 20 || token.length > 100) return undefined
  const now = deps.clock.now()
  const found = await findLiveSession(deps.db, sha256Hex(token), now)
  // Last-seen is kept to the minute: most requests skip the write entirely.
  if (found && now.getTime() - found.session.lastSeenAt.getTime() > 60_000)
    await touchSession(deps.db, found.session.id, now)
  return found
}

export interface SessionView {
  id: string
  current: boolean
  method: string
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

export async function listMySessions(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  actor: Actor,
  currentSessionId: string | null,
): Promise<SessionView[]> {
  const rows = await listLiveSessions(deps.db, actor.instansiId, actor.userId, deps.clock.now())
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    method: row.method,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  }))
}

export async function revokeMySession(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  actor: Actor,
  sessionId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const revoked = await revokeSession(tx, actor.instansiId, actor.userId, sessionId, now)
    if (!revoked) throw new AppError('not_found', 'auth.session_not_found')
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'session.revoke',
        objectType: 'session',
        objectId: sessionId,
        before: { ip: revoked.ip, userAgent: revoked.userAgent, createdAt: revoked.createdAt },
      },
      now,
    )
  })
}

export async function logout(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  actor: Actor,
  sessionId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const revoked = await revokeSession(tx, actor.instansiId, actor.userId, sessionId, now)
    if (!revoked) return
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'auth.logout', objectType: 'session', objectId: sessionId },
      now,
    )
  })
}
