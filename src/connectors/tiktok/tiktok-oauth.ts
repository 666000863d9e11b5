// Connecting a TikTok account through Login Kit for Web (OAuth 2.0): authorize at www.tiktok.com/v2/auth/authorize/,
// token at open.tiktokapis.com/v2/oauth/token/. Access tokens live 2 h and refresh tokens 180 days (older pages say
// 24 h / 365 days: the times come from `expires_in` / `refresh_expires_in`, never from constants), and EVERY
// refresh returns a NEW refresh token: the old one is dead once refresh() returns, so the app must store the new
// tokens atomically (one write of the sealed credentials) before using them; losing them forces a reconnect.
// Source: developers.tiktok.com "Login Kit for Web", "Manage User Access Tokens", "Scopes overview".
//
// No PKCE: Warta is a web app with a server-side client secret. Login Kit for Web lists client_key, scope,
// redirect_uri, state and response_type as the authorize parameters, and the token endpoint's code_verifier is
// "Required for mobile and desktop app only" (Manage User Access Tokens). Login Kit for Desktop, which does use
// PKCE, documents its challenge as the hex SHA-256 of the verifier, not RFC 7636's base64url ('S256-hex' in
// connectors/oauth.ts). See docs/platforms/tiktok.md.
import { ConnectorError, type ConnectorCredentials } from '../connector.ts'
import type { OAuthProvider, OAuthTokens } from '../oauth.ts'
import { TIKTOK_API, TikTokConnector } from './tiktok-connector.ts'

export const TIKTOK_AUTHORIZE_URL = 'https://www.tiktok.com/v2/auth/authorize/'
export const TIKTOK_TOKEN_URL = `${TIKTOK_API}/v2/oauth/token/`

interface TokenAnswer {
  access_token?: string
  expires_in?: number
  open_id?: string
  refresh_token?: string
  refresh_expires_in?: number
  scope?: string
  token_type?: string
  error?: string
  error_description?: string
  log_id?: string
}

async function tokenRequest(
  http: typeof fetch,
  form: Record<string, string>,
  grant: 'code' | 'refresh',
): Promise<OAuthTokens> {
  const now = new Date()
  let response: Response
  try {
    response = await http(TIKTOK_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache' },
      body: new URLSearchParams(form).toString(),
    })
  } catch (error) {
    throw new ConnectorError('unavailable', 'TikTok token endpoint unreachable', {
      cause: error,
      reason: { key: 'tiktok.unavailable' },
    })
  }
  let answer: TokenAnswer = {}
  try {
    answer = (await response.json()) as TokenAnswer
  } catch {
    // The status decides.
  }
  if (response.status >= 500)
    throw new ConnectorError('unavailable', `TikTok token endpoint answered ${response.status}`, {
      reason: { key: 'tiktok.unavailable' },
    })
  if (response.status === 429)
    throw new ConnectorError('rate_limited', 'TikTok token endpoint rate limited', {
      retryAt: new Date(now.getTime() + 60_000),
      reason: {
        key: 'tiktok.rate_limited',
        params: { retryAt: new Date(now.getTime() + 60_000).toISOString() },
      },
    })
  if (!response.ok || answer.error || !answer.access_token) {
    // invalid_grant on a refresh: the refresh token expired, was revoked or was already rotated away.
    const kind = grant === 'refresh' ? 'auth_expired' : 'rejected'
    throw new ConnectorError(kind, `TikTok token endpoint: ${answer.error ?? response.status}`, {
      platformCode: answer.error,
      platformMessage: answer.error_description ?? answer.log_id,
      reason: { key: grant === 'refresh' ? 'tiktok.token_expired' : 'tiktok.invalid_request' },
    })
  }
  const at = (seconds: number | undefined) =>
    seconds === undefined ? null : new Date(now.getTime() + seconds * 1000)
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? null,
    expiresAt: at(answer.expires_in),
    refreshExpiresAt: at(answer.refresh_expires_in),
    scopes: (answer.scope ?? '')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean),
    extra: answer.open_id ? { openId: answer.open_id } : {},
  }
}

/** The connector's credentials from stored tokens. */
export function tiktokCredentials(tokens: OAuthTokens): ConnectorCredentials {
  return {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt.toISOString() } : {}),
    ...(tokens.refreshExpiresAt ? { refreshExpiresAt: tokens.refreshExpiresAt.toISOString() } : {}),
    scopes: tokens.scopes.join(','),
    ...tokens.extra,
  }
}

export const tiktokOAuth: OAuthProvider = {
  platform: 'tiktok',
  pkce: false,
  scopes: {
    publish: ['video.publish', 'video.upload'],
    read: ['user.info.basic', 'user.info.profile', 'video.list'],
    reply: [],
    moderate: [],
    metrics: ['video.list'],
    direct_messages: [],
  },
  authorizationUrl({ client, state, codeChallenge, scopes }) {
    const url = new URL(TIKTOK_AUTHORIZE_URL)
    url.searchParams.set('client_key', client.clientId)
    url.searchParams.set('scope', scopes.join(','))
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('redirect_uri', client.redirectUri)
    url.searchParams.set('state', state)
    if (codeChallenge) {
      url.searchParams.set('code_challenge', codeChallenge)
      url.searchParams.set('code_challenge_method', 'S256')
    }
    return url.toString()
  },
  exchangeCode({ client, code, codeVerifier, fetch: http }) {
    return tokenRequest(
      http,
      {
        client_key: client.clientId,
        client_secret: client.clientSecret,
        code,
        grant_type: 'authorization_code',
        redirect_uri: client.redirectUri,
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
      },
      'code',
    )
  },
  refresh({ client, tokens, fetch: http }) {
    if (!tokens.refreshToken)
      return Promise.reject(
        new ConnectorError('auth_expired', 'no TikTok refresh token', {
          reason: { key: 'tiktok.token_expired' },
        }),
      )
    return tokenRequest(
      http,
      {
        client_key: client.clientId,
        client_secret: client.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      },
      'refresh',
    )
  },
  async connectionOf(tokens, http) {
    const credentials = tiktokCredentials(tokens)
    const who = await new TikTokConnector({
      account: { handle: '', platformAccountId: tokens.extra.openId ?? null },
      credentials,
      saveCredentials: () => Promise.resolve(),
      now: () => new Date(),
      fetch: http,
    }).verify()
    return { ...who, credentials: { ...credentials, openId: who.platformAccountId } }
  },
}
