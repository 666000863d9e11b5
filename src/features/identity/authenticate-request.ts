// Who is calling: a browser session (cookie) or a personal API token (Authorization: Bearer). Returns the actor
// and, for sessions, what the session is still limited to (2FA enrolment or verification, password change).
import { findLiveApiToken, touchApiToken } from '../../db/api-tokens-repository.ts'
import type { Actor } from '../access/policy.ts'
import type { IdentityDeps } from './identity-deps.ts'
import { actorFrom, requiresTwoFactor } from './load-actor.ts'
import { isApiTokenFormat, sha256Hex } from './secret-token.ts'
import { resolveSession } from './sessions.ts'

/**
 * enrol_two_factor: admin/penanggung_jawab without 2FA; verify_two_factor: enrolled user whose session has not
 * passed the second factor yet (OIDC login); change_password: an admin reset the password.
 */
export type SessionRestriction = 'enrol_two_factor' | 'verify_two_factor' | 'change_password'

export interface Authenticated {
  actor: Actor
  kind: 'session' | 'token'
  sessionId: string | null
  csrfToken: string | null
  restriction: SessionRestriction | null
}

export async function authenticateSessionToken(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  token: string,
): Promise<Authenticated | null> {
  const found = await resolveSession(deps, token)
  if (!found) return null
  const grantRows = found.grants
  const actor = actorFrom(found.user, 'session', grantRows)
  let restriction: SessionRestriction | null = null
  if (found.user.totpEnabledAt && !found.session.twoFactorPassed) restriction = 'verify_two_factor'
  else if (!found.user.totpEnabledAt && requiresTwoFactor(grantRows)) restriction = 'enrol_two_factor'
  else if (found.user.mustChangePassword) restriction = 'change_password'
  return {
    actor,
    kind: 'session',
    sessionId: found.session.id,
    csrfToken: found.session.csrfToken,
    restriction,
  }
}

export async function authenticateApiToken(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  token: string,
): Promise<Authenticated | null> {
  if (!isApiTokenFormat(token)) return null
  const now = deps.clock.now()
  const found = await findLiveApiToken(deps.db, sha256Hex(token), now)
  if (!found) return null
  const lastUsed = found.token.lastUsedAt?.getTime() ?? 0
  if (now.getTime() - lastUsed > 60_000) await touchApiToken(deps.db, found.token.id, now)
  const actor = actorFrom(found.user, 'token', found.grants, found.token.grants)
  // Tokens are made from a full session, but the user may have been given an admin role since then.
  const restriction: SessionRestriction | null =
    requiresTwoFactor(found.grants) && !found.user.totpEnabledAt ? 'enrol_two_factor' : null
  return { actor, kind: 'token', sessionId: null, csrfToken: null, restriction }
}
