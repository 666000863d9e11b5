// Keeping OAuth connections alive (issue #8): every five minutes (job refresh-connection-tokens) the tokens that
// expire within 15 minutes are refreshed through the platform's provider and stored with one compare-and-set on
// the sealed value (TikTok rotates its refresh token on every refresh: a stale writer must never put back the old
// one); `auth_expired` leaves the account needs_reconnect with the error as its health. The penanggung jawab is
// e-mailed (a notification) 7 days and 1 day before the account must be reconnected, once each per expiry.
import type { ConnectorError } from '../../connectors/connector.ts'
import { isConnectorError } from '../../connectors/connector.ts'
import { CHOSEN_ACCOUNT } from '../../connectors/oauth.ts'
import {
  listReconnectDueBefore,
  lockConnectionForRefresh,
  listTokensExpiringBefore,
  markExpiryWarned,
  replaceRefreshedTokens,
  type AccountConnectionRow,
} from '../../db/account-connections-repository.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { keyringOf, recordConnectorErrorIn } from './account-connector.ts'
import { CredentialsUnreadableError, openCredentials, sealCredentials } from './credential-cipher.ts'
import { oauthSetupOf } from './oauth-client.ts'
import type { OAuthDeps } from './oauth-connect.ts'
import { reconnectByOf, splitCredentials, withOAuthTokens } from './oauth-tokens.ts'

/** How long before its expiry a token is refreshed (the job runs every 5 minutes). */
export const REFRESH_AHEAD_MS = 15 * 60_000
const DAY_MS = 24 * 60 * 60_000
const BATCH = 100

export interface RefreshDeps extends OAuthDeps {
  mailEnabled: boolean
}

export interface RefreshResult {
  refreshed: number
  /** Another worker or a reconnect changed the credentials first: theirs stand. */
  superseded: number
  failed: Array<{ accountId: string; kind: ConnectorError['kind'] }>
}

export async function refreshExpiringTokens(deps: RefreshDeps): Promise<RefreshResult> {
  const now = deps.clock.now()
  const result: RefreshResult = { refreshed: 0, superseded: 0, failed: [] }
  const cutoff = new Date(now.getTime() + REFRESH_AHEAD_MS)
  const due = await listTokensExpiringBefore(deps.db, cutoff, BATCH)
  for (const row of due) {
    const outcome = await refreshOne(deps, row, cutoff)
    if (outcome === 'refreshed') result.refreshed++
    else if (outcome === 'superseded') result.superseded++
    else if (outcome !== 'skipped') result.failed.push({ accountId: row.accountId, kind: outcome.kind })
  }
  return result
}

async function refreshOne(
  deps: RefreshDeps,
  row: AccountConnectionRow,
  cutoff: Date,
): Promise<'refreshed' | 'superseded' | 'skipped' | ConnectorError> {
  const setup = oauthSetupOf(deps, row.platform)
  if (!setup.ok) return 'skipped'
  // The row stays locked through the platform's answer: a second worker skips it (or, on PGlite, waits and then
  // finds it no longer due), so a rotated refresh token is never sent twice. The write is a compare-and-set too.
  return deps.db.transaction(async (tx) => {
    const locked = await lockConnectionForRefresh(tx, row.instansiId, row.accountId)
    const expected = locked?.credentials
    if (!locked || !expected || locked.state !== 'connected') return 'superseded'
    if (!locked.tokenExpiresAt || locked.tokenExpiresAt >= cutoff) return 'superseded'
    let stored: Record<string, string>
    try {
      stored = openCredentials(keyringOf(deps), row.accountId, expected)
    } catch (error) {
      if (error instanceof CredentialsUnreadableError) return 'skipped'
      throw error
    }
    const { tokens } = splitCredentials(stored)
    if (!tokens) return 'skipped'
    const http = deps.fetch ?? globalThis.fetch
    try {
      const fresh = await setup.provider.refresh({ client: setup.client, tokens, fetch: http })
      // A platform that answers a refresh without a new refresh token keeps the old one working.
      // What the app noted in extra (the account chosen among a login's several) outlives the refresh: a login
      // with several Facebook Pages keeps posting on the chosen Page, never on whichever comes first.
      const next = {
        ...fresh,
        refreshToken: fresh.refreshToken ?? tokens.refreshToken,
        refreshExpiresAt: fresh.refreshToken ? fresh.refreshExpiresAt : tokens.refreshExpiresAt,
        extra: {
          ...tokens.extra,
          ...fresh.extra,
          ...(setup.provider.accountOptions && !tokens.extra[CHOSEN_ACCOUNT] && locked.platformAccountId
            ? { [CHOSEN_ACCOUNT]: locked.platformAccountId }
            : {}),
        },
      }
      const connection = await setup.provider.connectionOf(next, http)
      const sealed = sealCredentials(
        keyringOf(deps),
        row.accountId,
        withOAuthTokens(connection.credentials, next),
      )
      const replaced = await replaceRefreshedTokens(
        tx,
        row.instansiId,
        row.accountId,
        expected,
        {
          credentials: sealed.ciphertext,
          credentialsKeyId: sealed.keyId,
          tokenExpiresAt: next.expiresAt,
          refreshExpiresAt: next.refreshExpiresAt,
          reconnectBy: reconnectByOf(next),
          grantedScopes: [...next.scopes],
        },
        deps.clock.now(),
      )
      return replaced ? 'refreshed' : 'superseded'
    } catch (error) {
      if (!isConnectorError(error)) throw error
      // auth_expired: needs_reconnect (its people told, once); anything else is tried again next run (the token
      // has not expired yet).
      await recordConnectorErrorIn(tx, deps, { instansiId: row.instansiId, id: row.accountId }, error)
      return error
    }
  })
}

/** Sends the 7-day and 1-day warnings that are due; returns how many were sent. */
export async function warnExpiringConnections(deps: RefreshDeps): Promise<number> {
  const now = deps.clock.now()
  const due = await listReconnectDueBefore(deps.db, new Date(now.getTime() + 7 * DAY_MS), BATCH)
  let sent = 0
  for (const row of due) {
    const reconnectBy = row.reconnectBy
    if (!reconnectBy || reconnectBy <= now) continue
    const within1d = reconnectBy.getTime() - now.getTime() <= DAY_MS
    const days: 7 | 1 = within1d ? 1 : 7
    const already = days === 1 ? row.expiryWarned1dFor : row.expiryWarned7dFor
    if (already?.getTime() === reconnectBy.getTime()) continue
    const account = await getAccount(deps.db, row.instansiId, row.accountId)
    if (!account) continue
    const platform = isPlatform(account.platform) ? PLATFORM_LABELS[account.platform] : account.platform
    const warned = await deps.db.transaction(async (tx) => {
      if (!(await markExpiryWarned(tx, row.instansiId, row.accountId, days, reconnectBy))) return false
      // Inside the last day the 7-day warning is not sent any more: the 1-day one says more.
      if (days === 1) await markExpiryWarned(tx, row.instansiId, row.accountId, 7, reconnectBy)
      await notifyUsers(
        tx,
        row.instansiId,
        [account.penanggungJawab.userId],
        {
          kind: 'connections.token_expiring',
          titleKey: 'connections.notice.expiring_title',
          bodyKey: days === 1 ? 'connections.notice.expiring_body_1d' : 'connections.notice.expiring_body_7d',
          params: { handle: account.handle, platform },
          link: `/accounts?connection=${account.id}`,
        },
        { mailEnabled: deps.mailEnabled, now },
      )
      return true
    })
    if (warned) sent++
  }
  return sent
}
