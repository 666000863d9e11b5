// Connecting an X account: OAuth 2.0 Authorization Code with PKCE (S256), user context (platforms.md §3.3 item 6,
// §5). Sources: docs.x.com "OAuth 2.0 Authorization Code Flow with PKCE" (authorize URL, POST /2/oauth2/token,
// scopes) and "GET /2/users/me". The access token lives 2 h (`expires_in` 7200); a refresh token is given only
// with `offline.access`, and X hands a new one on each refresh (store it atomically). Token requests go through
// the `fetch` the app passes, authenticated as a confidential client (HTTP Basic with client id and secret).
import { ConnectorError } from '../connector.ts'
import type { OAuthClient, OAuthConnection, OAuthProvider, OAuthTokens } from '../oauth.ts'
import { rateLimitOf } from './x-errors.ts'

export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize'
export const X_TOKEN_URL = 'https://api.x.com/2/oauth2/token'
export const X_ME_URL = 'https://api.x.com/2/users/me?user.fields=username,name'

const BASE = ['tweet.read', 'users.read', 'offline.access']

interface TokenResponse {
  token_type?: string
  access_token?: string
  refresh_token?: string
  expires_in?: number
  scope?: string
  error?: string
  error_description?: string
}

function basic(client: OAuthClient): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`
}

function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.entries())
}

async function tokenRequest(
  client: OAuthClient,
  params: Record<string, string>,
  http: typeof globalThis.fetch,
  refreshing: boolean,
): Promise<TokenResponse> {
  let response: Response
  try {
    response = await http(X_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client) },
      body: new URLSearchParams({ ...params, client_id: client.clientId }).toString(),
    })
  } catch (error) {
    throw new ConnectorError('unavailable', 'X token endpoint unreachable', {
      reason: { key: 'x.unavailable' },
      cause: error,
    })
  }
  const body = (await response.json().catch(() => ({}))) as TokenResponse
  if (response.ok && body.access_token) return body
  const platform = {
    platformCode: body.error ?? String(response.status),
    platformMessage: body.error_description,
  }
  if (response.status === 429) {
    const limit = rateLimitOf(headersOf(response), new Date())
    throw new ConnectorError('rate_limited', 'X token endpoint is rate limiting', {
      ...platform,
      retryAt: limit.retryAt,
      rateLimitScope: 'platform',
      reason: { key: 'x.rate_limited', params: { retryAt: limit.retryAt.toISOString() } },
    })
  }
  if (response.status >= 500)
    throw new ConnectorError('unavailable', `X token endpoint answered ${response.status}`, {
      ...platform,
      reason: { key: 'x.unavailable' },
    })
  // invalid_grant / invalid_request on a refresh: the refresh token is spent or revoked; reconnect.
  if (refreshing || response.status === 401)
    throw new ConnectorError('auth_expired', 'X refused the refresh token', {
      ...platform,
      reason: { key: 'x.token_expired' },
    })
  throw new ConnectorError('rejected', 'X refused the authorization code', {
    ...platform,
    reason: { key: 'x.request_invalid' },
  })
}

function tokensOf(body: TokenResponse, now: Date, previous?: OAuthTokens): OAuthTokens {
  return {
    accessToken: body.access_token!,
    refreshToken: body.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: typeof body.expires_in === 'number' ? new Date(now.getTime() + body.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes: body.scope ? body.scope.split(/\s+/).filter(Boolean) : (previous?.scopes ?? []),
    extra: previous?.extra ?? {},
  }
}

export const X_OAUTH: OAuthProvider = {
  platform: 'x',
  pkce: 'S256',
  scopes: {
    // media.write: the v2 media upload with a user-context OAuth 2.0 token.
    publish: [...BASE, 'tweet.write', 'media.write'],
    read: [...BASE],
    reply: [...BASE, 'tweet.write'],
    moderate: [...BASE, 'tweet.moderate.write'],
    metrics: [...BASE],
    direct_messages: [...BASE, 'dm.read', 'dm.write'],
  },
  authorizationUrl({ client, state, codeChallenge, scopes }) {
    if (!codeChallenge) throw new Error('X requires a PKCE code challenge')
    const url = new URL(X_AUTHORIZE_URL)
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: [...new Set(scopes)].join(' '),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    })
      .toString()
      // Spaces between scopes as %20, as X's examples write them (URLSearchParams writes `+`).
      .replace(/\+/g, '%20')
    return url.toString()
  },
  async exchangeCode({ client, code, codeVerifier, fetch: http }) {
    if (!codeVerifier) throw new Error('X requires the PKCE code verifier')
    const body = await tokenRequest(
      client,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        code_verifier: codeVerifier,
      },
      http,
      false,
    )
    return tokensOf(body, new Date())
  },
  async refresh({ client, tokens, fetch: http }) {
    if (!tokens.refreshToken)
      throw new ConnectorError('auth_expired', 'no X refresh token (offline.access not granted)', {
        reason: { key: 'x.token_expired' },
      })
    const body = await tokenRequest(
      client,
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken },
      http,
      true,
    )
    return tokensOf(body, new Date(), tokens)
  },
  async connectionOf(tokens, http): Promise<OAuthConnection> {
    let response: Response
    try {
      response = await http(X_ME_URL, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
    } catch (error) {
      throw new ConnectorError('unavailable', 'X unreachable', {
        reason: { key: 'x.unavailable' },
        cause: error,
      })
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: { id: string; username: string; name?: string }
      title?: string
      detail?: string
    }
    if (response.status === 401 || response.status === 403)
      throw new ConnectorError('auth_expired', 'X refused the new token', {
        platformCode: String(response.status),
        platformMessage: body.detail ?? body.title,
        reason: { key: 'x.token_expired' },
      })
    if (!response.ok || !body.data)
      throw new ConnectorError('unavailable', `X answered ${response.status} to users/me`, {
        reason: { key: 'x.unavailable' },
      })
    return {
      platformAccountId: body.data.id,
      handle: body.data.username,
      displayName: body.data.name ?? null,
      credentials: {
        accessToken: tokens.accessToken,
        userId: body.data.id,
        username: body.data.username,
        ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt.toISOString() } : {}),
      },
    }
  },
}
