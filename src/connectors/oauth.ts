// Connecting an account through the platform's OAuth 2.0 (issue #8): what each platform folder says about its
// flow, so the app's one set of routes (start → platform → callback), its token store (encrypted at rest) and its
// refresh job serve every platform. A platform folder exports an OAuthProvider beside its connector; the app owns
// state, PKCE verifiers, storage and timing. Like the rest of src/connectors it imports nothing from the app.
//
//   start:    authorizationUrl({ client, state, codeChallenge, scopes })      → redirect the browser
//   callback: exchangeCode({ client, code, codeVerifier, fetch })              → OAuthTokens
//             connectionOf(tokens, fetch)                                      → who the account is, what it may do
//             accountOptions(tokens, fetch), when one login manages several accounts (Facebook Pages): the ones it
//             may post as; the app picks one (by the registry, or the person chooses) and names it in
//             tokens.extra[CHOSEN_ACCOUNT] before connectionOf
//   refresh:  refresh({ client, tokens, fetch }) before tokens.expiresAt        → OAuthTokens (store atomically:
//             TikTok rotates its refresh token on every refresh, so the old one is dead once this returns)
import { createHash } from 'node:crypto'
import type { ConnectorCredentials } from './connector.ts'

/** The app's registration with the platform (from the deployment's settings; never in the database in clear). */
export interface OAuthClient {
  clientId: string
  clientSecret: string
  /** The callback address registered with the platform, e.g. https://warta.example.go.id/api/oauth/callback. */
  redirectUri: string
}

export interface OAuthTokens {
  accessToken: string
  /** Null where the platform gives none (Mastodon, Facebook Page tokens). */
  refreshToken: string | null
  /** From the platform's `expires_in` (never from constants); null when the token does not expire. */
  expiresAt: Date | null
  /** When the refresh token itself dies (TikTok's 180 days, YouTube's idle limit), when the platform says. */
  refreshExpiresAt: Date | null
  /** The scopes the platform granted (it may grant fewer than asked). */
  scopes: readonly string[]
  /** Whatever else the connector needs later (e.g. Facebook's page id, an instance URL), as strings. */
  extra: Readonly<Record<string, string>>
}

/** What Warta does with an account, each needing its own scopes. */
export type OAuthFeature = 'publish' | 'read' | 'reply' | 'moderate' | 'metrics' | 'direct_messages'

export interface OAuthConnection {
  platformAccountId: string
  handle: string
  displayName: string | null
  /** The credentials the platform's connector reads (its ConnectorContext.credentials), sealed by the app. */
  credentials: ConnectorCredentials
}

/** The key in OAuthTokens.extra naming the account chosen among accountOptions (kept, so a refresh finds it again). */
export const CHOSEN_ACCOUNT = 'chosenAccountId'

/** One account a login may act for, where a login manages several (a Facebook Page). No token: only what to show. */
export interface OAuthAccountOption {
  platformAccountId: string
  /** The name shown on the platform. */
  name: string | null
  /** The handle in the platform's addresses (a Page's username), when it has one. */
  handle: string | null
  /** What the platform says it is (a Page's category). */
  category: string | null
  /** Its address on the platform. */
  url: string | null
}

/**
 * Whether, and how, the authorization request carries a PKCE challenge (RFC 7636, method S256):
 * - `false`: none (the platform's web flow authenticates the app with its client secret; Facebook, Instagram, and
 *   TikTok's Login Kit for Web);
 * - `'S256'`: BASE64URL(SHA-256(verifier)) without padding, as RFC 7636 says (X, YouTube);
 * - `'S256-hex'`: the SHA-256 of the verifier in lower-case hex, still sent as code_challenge_method=S256 — what
 *   TikTok's Login Kit for Desktop documents (docs/platforms/tiktok.md).
 */
export type PkceMethod = false | 'S256' | 'S256-hex'

/** The challenge for `verifier` in the provider's encoding; null when it uses no PKCE. */
export function codeChallengeOf(method: PkceMethod, verifier: string): string | null {
  if (method === false) return null
  const digest = createHash('sha256').update(verifier, 'ascii')
  return method === 'S256-hex' ? digest.digest('hex') : digest.digest('base64url')
}

export interface OAuthProvider {
  platform: string
  /** Whether the authorization request carries a PKCE challenge, and how it is encoded (codeChallengeOf). */
  pkce: PkceMethod
  /** The scopes each feature needs; the app asks for the union and says which features a missing scope disables. */
  scopes: Readonly<Record<OAuthFeature, readonly string[]>>
  authorizationUrl(input: {
    client: OAuthClient
    state: string
    /** The challenge in the provider's `pkce` encoding (codeChallengeOf), or null when it uses none. */
    codeChallenge: string | null
    scopes: readonly string[]
  }): string
  exchangeCode(input: {
    client: OAuthClient
    code: string
    codeVerifier: string | null
    fetch: typeof globalThis.fetch
  }): Promise<OAuthTokens>
  /** Throws ConnectorError('auth_expired') when the refresh token no longer works (the account must reconnect). */
  refresh(input: {
    client: OAuthClient
    tokens: OAuthTokens
    fetch: typeof globalThis.fetch
  }): Promise<OAuthTokens>
  /**
   * Where one login manages several accounts: those the grant lets Warta post as (none: the login gave no such
   * account). connectionOf then connects the one named in tokens.extra[CHOSEN_ACCOUNT].
   */
  accountOptions?(tokens: OAuthTokens, http: typeof globalThis.fetch): Promise<OAuthAccountOption[]>
  /** Who the tokens belong to, and the connector's credentials built from them. */
  connectionOf(tokens: OAuthTokens, http: typeof globalThis.fetch): Promise<OAuthConnection>
}

/** The features a grant cannot serve: each feature whose scopes are not all granted. */
export function missingFeatures(provider: OAuthProvider, granted: readonly string[]): OAuthFeature[] {
  const have = new Set(granted)
  return (Object.keys(provider.scopes) as OAuthFeature[]).filter((feature) =>
    provider.scopes[feature].some((scope) => !have.has(scope)),
  )
}
