// Connecting a YouTube channel through Google OAuth 2.0 (web server flow, "Using OAuth 2.0 for Web Server
// Applications", https://developers.google.com/identity/protocols/oauth2/web-server): access_type=offline gives a
// refresh token; prompt=consent makes Google give it again on a reconnect. Access tokens live `expires_in`
// seconds (an hour); refresh tokens die after 7 days while the consent screen is in "Testing", when revoked, and
// after about six months unused (platforms.md §3.4.6, §5). Google keeps the refresh token on a refresh (the
// answer carries none), so the old one is kept.
import { ConnectorError } from '../connector.ts'
import type { OAuthConnection, OAuthProvider, OAuthTokens } from '../oauth.ts'
import { toConnectorError, YouTubeHttpError } from './youtube-errors.ts'

export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth'
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token'
const CHANNELS_URL = 'https://youtube.googleapis.com/youtube/v3/channels'

const SCOPE = 'https://www.googleapis.com/auth/'
export const YOUTUBE_SCOPES = {
  upload: `${SCOPE}youtube.upload`,
  readonly: `${SCOPE}youtube.readonly`,
  forceSsl: `${SCOPE}youtube.force-ssl`,
} as const

interface TokenAnswer {
  access_token?: unknown
  expires_in?: unknown
  refresh_token?: unknown
  refresh_token_expires_in?: unknown
  scope?: unknown
}

async function postToken(http: typeof fetch, form: Record<string, string>, now: Date): Promise<TokenAnswer> {
  try {
    const response = await http(GOOGLE_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    if (!response.ok) throw new YouTubeHttpError(response.status, await response.text(), response.headers)
    return (await response.json()) as TokenAnswer
  } catch (error) {
    // Asking for a token creates nothing on YouTube: a lost answer is `unavailable`.
    throw toConnectorError(error, 'read', now)
  }
}

function tokensOf(answer: TokenAnswer, now: Date, previous: OAuthTokens | null): OAuthTokens {
  if (typeof answer.access_token !== 'string')
    throw new ConnectorError('rejected', 'no access_token in the token answer', {
      reason: { key: 'youtube.request_refused' },
    })
  const seconds = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? new Date(now.getTime() + value * 1000) : null
  const refreshToken = typeof answer.refresh_token === 'string' ? answer.refresh_token : null
  return {
    accessToken: answer.access_token,
    refreshToken: refreshToken ?? previous?.refreshToken ?? null,
    expiresAt: seconds(answer.expires_in),
    // Google says when a refresh token is time-limited (time-based access, "Testing" apps); else it keeps it.
    refreshExpiresAt:
      seconds(answer.refresh_token_expires_in) ??
      (refreshToken ? null : (previous?.refreshExpiresAt ?? null)),
    scopes:
      typeof answer.scope === 'string' ? answer.scope.split(' ').filter(Boolean) : (previous?.scopes ?? []),
    extra: previous?.extra ?? {},
  }
}

export const youtubeOAuth: OAuthProvider = {
  platform: 'youtube',
  // Google accepts S256 PKCE for web server clients too; it guards the code on its way back.
  pkce: 'S256',
  scopes: {
    publish: [YOUTUBE_SCOPES.upload, YOUTUBE_SCOPES.readonly],
    read: [YOUTUBE_SCOPES.forceSsl],
    reply: [YOUTUBE_SCOPES.forceSsl],
    // setModerationStatus and deleting the channel's own videos.
    moderate: [YOUTUBE_SCOPES.forceSsl],
    metrics: [YOUTUBE_SCOPES.readonly],
    // The Data API has no direct messages; nothing to ask for (the capability says no).
    direct_messages: [],
  },

  authorizationUrl({ client, state, codeChallenge, scopes }) {
    const url = new URL(GOOGLE_AUTHORIZE_URL)
    url.searchParams.set('client_id', client.clientId)
    url.searchParams.set('redirect_uri', client.redirectUri)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('scope', scopes.join(' '))
    url.searchParams.set('access_type', 'offline')
    url.searchParams.set('prompt', 'consent')
    url.searchParams.set('include_granted_scopes', 'true')
    url.searchParams.set('state', state)
    if (codeChallenge) {
      url.searchParams.set('code_challenge', codeChallenge)
      url.searchParams.set('code_challenge_method', 'S256')
    }
    return url.toString()
  },

  async exchangeCode({ client, code, codeVerifier, fetch: http }) {
    const now = new Date()
    const answer = await postToken(
      http,
      {
        grant_type: 'authorization_code',
        code,
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uri: client.redirectUri,
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
      },
      now,
    )
    return tokensOf(answer, now, null)
  },

  async refresh({ client, tokens, fetch: http }) {
    const now = new Date()
    if (!tokens.refreshToken)
      throw new ConnectorError('auth_expired', 'no refresh token: reconnect', {
        reason: { key: 'youtube.auth_expired' },
      })
    const answer = await postToken(
      http,
      {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
      now,
    )
    return tokensOf(answer, now, tokens)
  },

  async connectionOf(tokens, http): Promise<OAuthConnection> {
    const now = new Date()
    const channel = await (async () => {
      try {
        const response = await http(`${CHANNELS_URL}?part=snippet,contentDetails&mine=true`, {
          headers: { authorization: `Bearer ${tokens.accessToken}` },
        })
        if (!response.ok) throw new YouTubeHttpError(response.status, await response.text(), response.headers)
        const body = (await response.json()) as {
          items?: {
            id?: string
            snippet?: { title?: string; customUrl?: string }
            contentDetails?: { relatedPlaylists?: { uploads?: string } }
          }[]
        }
        return body.items?.[0]
      } catch (error) {
        throw toConnectorError(error, 'read', now)
      }
    })()
    if (!channel?.id)
      throw new ConnectorError('auth_expired', 'the Google account has no YouTube channel', {
        reason: { key: 'youtube.channel_missing' },
      })
    return {
      platformAccountId: channel.id,
      handle: channel.snippet?.customUrl || channel.id,
      displayName: channel.snippet?.title || null,
      credentials: {
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt.toISOString() } : {}),
        channelId: channel.id,
        uploadsPlaylistId: channel.contentDetails?.relatedPlaylists?.uploads ?? `UU${channel.id.slice(2)}`,
      },
    }
  },
}
