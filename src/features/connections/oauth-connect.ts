// Connecting an account through its platform's OAuth 2.0 (issue #8), for any platform folder's OAuthProvider
// (connectors/oauth.ts). Start: whoever may connect the account (account.manage, as connectAccount) gets the
// platform's authorization address; the state is random, kept only as its hash with the account and the user, the
// PKCE verifier sealed, for ten minutes and once. Callback (public: the browser returns from the platform without
// our CSRF header): the state is consumed, the user's right re-checked, the code exchanged, the account read from
// the tokens, and the connection stored like connectAccount stores one (sealed, audited) with the token times, the
// scopes granted and the features a missing scope disables. The answer is where to send the browser back.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { isConnectorError } from '../../connectors/connector.ts'
import { codeChallengeOf, type OAuthConnection, type OAuthTokens } from '../../connectors/oauth.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import {
  consumeOAuthState,
  deleteExpiredOAuthStates,
  insertOAuthState,
} from '../../db/oauth-states-repository.ts'
import { findUserById } from '../../db/users-repository.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import type { ChangeMeta } from '../audit/record-change.ts'
import { loadActor } from '../identity/load-actor.ts'
import { keyringOf, recordConnectorError, type ConnectionDeps } from './account-connector.ts'
import { openCredentials, sealCredentials } from './credential-cipher.ts'
import { decideAccount, keepOAuthChoice, withChosenAccount } from './oauth-account-choice.ts'
import { oauthSetupOf, scopesToAsk } from './oauth-client.ts'
import { storeOAuthConnection } from './store-oauth-connection.ts'

export const OAUTH_STATE_MINUTES = 10

export interface OAuthDeps extends ConnectionDeps {
  /** The platform's HTTP (tests hand in one that reaches their fake platform). */
  fetch?: typeof globalThis.fetch
}

function labelOf(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform
}

export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('base64url')
}

export async function startOAuthConnect(
  deps: OAuthDeps,
  actor: Actor,
  accountId: string,
): Promise<{ authorizationUrl: string; expiresAt: string }> {
  const account = await getAccount(deps.db, actor.instansiId, accountId)
  if (!account) throw new AppError('not_found', 'accounts.not_found')
  authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  const platform = labelOf(account.platform)
  const setup = oauthSetupOf(deps, account.platform)
  if (!setup.ok)
    throw new AppError(
      'invalid_input',
      setup.reason === 'not_oauth' ? 'connections.oauth.not_offered' : 'connections.oauth.not_configured',
      { platform, variable: `WARTA_OAUTH_${account.platform.toUpperCase()}` },
    )
  const now = deps.clock.now()
  const state = randomBytes(32).toString('base64url')
  // A verifier only for a provider that uses PKCE; its challenge in the encoding the provider declares.
  const pkce = setup.provider.pkce
  const verifier = pkce === false ? null : randomBytes(48).toString('base64url')
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_MINUTES * 60_000)
  await deleteExpiredOAuthStates(deps.db, account.instansiId, now)
  await insertOAuthState(deps.db, {
    id: randomUUID(),
    instansiId: account.instansiId,
    accountId: account.id,
    userId: actor.userId,
    platform: account.platform,
    stateHash: hashState(state),
    codeVerifier: verifier && sealCredentials(keyringOf(deps), account.id, { verifier }).ciphertext,
    expiresAt,
  })
  const authorizationUrl = setup.provider.authorizationUrl({
    client: setup.client,
    state,
    codeChallenge: verifier && codeChallengeOf(pkce, verifier),
    scopes: scopesToAsk(setup.provider),
  })
  return { authorizationUrl, expiresAt: expiresAt.toISOString() }
}

/** How a callback ended, for the accounts page (its words are in the web app, by outcome). */
// choose_page: the login manages several Pages and the registry names none of them (or several): the person
// chooses (oauth-account-choice.ts); no_page: it gives none Warta may post on; page_in_use: the one it would connect
// is another Warta account's.
export type OAuthOutcome =
  | 'connected'
  | 'denied'
  | 'state_invalid'
  | 'not_allowed'
  | 'not_configured'
  | 'refused'
  | 'unavailable'
  | 'choose_page'
  | 'no_page'
  | 'page_in_use'

export interface OAuthCallbackResult {
  outcome: OAuthOutcome
  /** The account the state was for, when the state was good. */
  accountId: string | null
  /** The pending choice to make, with choose_page. */
  choiceId?: string
}

/** Where the browser goes back to: the accounts page with the account's connection open and the outcome. */
export function oauthReturnPath(result: OAuthCallbackResult): string {
  const connection = result.accountId ? `connection=${result.accountId}&` : ''
  const choice = result.choiceId ? `&choice=${result.choiceId}` : ''
  return `/accounts?${connection}oauth=${result.outcome}${choice}`
}

export async function finishOAuthConnect(
  deps: OAuthDeps,
  input: { code?: string | undefined; state?: string | undefined; error?: string | undefined },
  meta: ChangeMeta,
): Promise<OAuthCallbackResult> {
  if (!input.state) return { outcome: 'state_invalid', accountId: null }
  const now = deps.clock.now()
  const pending = await consumeOAuthState(deps.db, hashState(input.state), now)
  if (!pending) return { outcome: 'state_invalid', accountId: null }
  const accountId = pending.accountId
  // The person declined at the platform (error=access_denied) or the platform sent no code.
  if (input.error || !input.code) return { outcome: 'denied', accountId }

  const account = await getAccount(deps.db, pending.instansiId, accountId)
  const user = await findUserById(deps.db, pending.instansiId, pending.userId)
  if (!account || !user || account.platform !== pending.platform)
    return { outcome: 'state_invalid', accountId: null }
  // The right to connect is checked again: it may have been taken away in the ten minutes.
  const { actor } = await loadActor(deps.db, user, 'session')
  try {
    authorize(actor, 'account.manage', { instansiId: account.instansiId, unitPath: account.unitPath })
  } catch {
    return { outcome: 'not_allowed', accountId }
  }
  const setup = oauthSetupOf(deps, account.platform)
  if (!setup.ok) return { outcome: 'not_configured', accountId }
  const http = deps.fetch ?? globalThis.fetch
  const verifier = pending.codeVerifier
    ? (openCredentials(keyringOf(deps), account.id, pending.codeVerifier).verifier ?? null)
    : null

  let tokens: OAuthTokens
  let connection: OAuthConnection
  try {
    tokens = await setup.provider.exchangeCode({
      client: setup.client,
      code: input.code,
      codeVerifier: verifier,
      fetch: http,
    })
    // One login, several accounts (Facebook Pages): the registry names one, or the person chooses.
    if (setup.provider.accountOptions) {
      const options = await setup.provider.accountOptions(tokens, http)
      const decision = await decideAccount(deps, account, options)
      if (decision.kind === 'none') return { outcome: 'no_page', accountId }
      if (decision.kind === 'in_use') return { outcome: 'page_in_use', accountId }
      if (decision.kind === 'choose') {
        const choiceId = await keepOAuthChoice(deps, { account, userId: user.id, tokens, options })
        return { outcome: 'choose_page', accountId, choiceId }
      }
      tokens = withChosenAccount(tokens, decision.platformAccountId)
    }
    connection = await setup.provider.connectionOf(tokens, http)
  } catch (error) {
    if (!isConnectorError(error)) throw error
    await recordConnectorError(deps, account, error)
    return {
      outcome: error.kind === 'rate_limited' || error.kind === 'unavailable' ? 'unavailable' : 'refused',
      accountId,
    }
  }
  await storeOAuthConnection(deps, actor, account, tokens, connection, meta)
  return { outcome: 'connected', accountId }
}
