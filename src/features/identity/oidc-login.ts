// OpenID Connect single sign-on (authorization code flow with state, nonce and PKCE). A user is matched by a
// verified e-mail and must already exist: the admin creates users and their roles; SSO only proves identity.
// Once linked, the provider's subject must stay the same, so a reassigned e-mail at the provider cannot take
// over the Warta account.
import * as oidc from 'openid-client'
import { recordLoginAttempt } from '../../db/login-attempts-repository.ts'
import { saveOidcLoginState, takeOidcLoginState } from '../../db/oidc-login-states-repository.ts'
import {
  findUserByEmail,
  recordSuccessfulLogin,
  setOidcSubject,
  type UserRow,
} from '../../db/users-repository.ts'
import type { Config } from '../../config.ts'
import { AppError } from '../app-error.ts'
import { recordChangeAs } from '../audit/record-change.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { createSession, type NewSessionResult } from './sessions.ts'
import { sha256Hex } from './secret-token.ts'
import type { SsoFailure } from '../../shared/sso-failures.ts'

const STATE_MINUTES = 10
let discovered: { issuer: string; config: Promise<oidc.Configuration> } | undefined

function providerConfig(settings: NonNullable<Config['oidc']>): Promise<oidc.Configuration> {
  if (discovered?.issuer !== settings.issuer) {
    const insecure = settings.issuer.startsWith('http://')
    const config = oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      { client_secret: settings.clientSecret },
      oidc.ClientSecretBasic(settings.clientSecret),
      // Plain http only when the operator configured an http issuer (a provider on the same host or a test).
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    )
    discovered = { issuer: settings.issuer, config }
    // A failed discovery (provider down) must not be cached for the life of the process.
    config.catch(() => {
      if (discovered?.config === config) discovered = undefined
    })
  }
  return discovered.config
}

export function oidcRedirectUri(config: Config): string {
  return `${config.publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback`
}

function settingsOf(config: Config): NonNullable<Config['oidc']> {
  if (!config.oidc) throw new AppError('not_found', 'auth.sso_disabled')
  return config.oidc
}

/** Returns the provider URL to send the browser to, and the state to bind to the browser in a cookie. */
export async function startOidcLogin(
  deps: Pick<IdentityDeps, 'db' | 'config' | 'clock'>,
): Promise<{ url: string; state: string }> {
  const settings = settingsOf(deps.config)
  const config = await providerConfig(settings)
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const codeVerifier = oidc.randomPKCECodeVerifier()
  const now = deps.clock.now()
  await saveOidcLoginState(
    deps.db,
    {
      stateHash: sha256Hex(state),
      nonce,
      codeVerifier,
      expiresAt: new Date(now.getTime() + STATE_MINUTES * 60_000),
    },
    now,
  )
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(deps.config),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  })
  return { url: url.href, state }
}

export type OidcFailure = SsoFailure

export class OidcLoginError extends Error {
  readonly reason: OidcFailure
  constructor(reason: OidcFailure, message: string) {
    super(message)
    this.reason = reason
  }
}

/**
 * Finishes the login from the provider's redirect. `callbackUrl` is the full URL the browser came back to;
 * `boundState` is the state from the browser's cookie (login CSRF: the callback must belong to this browser).
 */
export async function finishOidcLogin(
  deps: IdentityDeps,
  callbackUrl: URL,
  boundState: string | undefined,
  meta: RequestMeta,
): Promise<NewSessionResult & { user: UserRow }> {
  const settings = settingsOf(deps.config)
  const state = callbackUrl.searchParams.get('state') ?? ''
  if (!state || !boundState || state !== boundState)
    throw new OidcLoginError('invalid_state', 'OIDC state does not match the browser')
  const now = deps.clock.now()
  const pending = await takeOidcLoginState(deps.db, sha256Hex(state), now)
  if (!pending) throw new OidcLoginError('invalid_state', 'OIDC state unknown, used or expired')
  const config = await providerConfig(settings)
  let claims: oidc.IDToken | undefined
  let profile: { email?: unknown; email_verified?: unknown }
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    })
    claims = tokens.claims()
    profile = { email: claims?.email, email_verified: claims?.email_verified }
    // Conformant providers put scope claims (email) in the UserInfo response, not the ID token.
    if (claims && typeof claims.email !== 'string')
      profile = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
  } catch (error) {
    throw new OidcLoginError(
      'provider_error',
      `OIDC code exchange failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (!claims) throw new OidcLoginError('provider_error', 'no ID token')
  const email = typeof profile.email === 'string' ? profile.email : ''
  if (!email || profile.email_verified !== true)
    throw new OidcLoginError('email_unverified', 'provider did not assert a verified e-mail')
  const user = await findUserByEmail(deps.db, email)
  if (!user || user.disabledAt) throw new OidcLoginError('unknown_user', `no active user for ${email}`)
  if (user.oidcSubject && user.oidcSubject !== claims.sub)
    throw new OidcLoginError('subject_mismatch', 'e-mail is linked to another provider subject')
  // A lock holds here too: the provider proves who it is, not that the codes guessed after it may go on.
  if (user.lockedUntil && user.lockedUntil > now)
    throw new OidcLoginError('locked', `account locked until ${user.lockedUntil.toISOString()}`)

  const session = await deps.db.transaction(async (tx) => {
    if (!user.oidcSubject) await setOidcSubject(tx, user.id, claims.sub)
    // With a second factor the sign-in succeeds only once the code is proven (verifySessionSecondFactor): until
    // then the failure count stands, so each new single sign-on does not give a fresh round of guesses.
    if (!user.totpEnabledAt) {
      await recordSuccessfulLogin(tx, user.id, now)
      await recordLoginAttempt(tx, { ip: meta.ip, email: user.email, succeeded: true }, now)
    }
    const created = await createSession(deps, tx, user, { twoFactorPassed: false, method: 'oidc' }, meta)
    await recordChangeAs(
      tx,
      { instansiId: user.instansiId, userId: user.id, label: user.email },
      meta,
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: created.session.id,
        after: {
          method: 'oidc',
          issuer: settings.issuer,
          subject: claims.sub,
          linked: !user.oidcSubject,
          twoFactorPending: user.totpEnabledAt !== null,
        },
      },
      now,
    )
    return created
  })
  return { ...session, user }
}
