// Connecting an Instagram professional account through Instagram Login ("Instagram API with Instagram Login",
// graph.instagram.com), the flow platforms.md §3.2 item 6 and §5 describe: no Facebook Page needs to be linked,
// the scopes are the `instagram_business_*` ones, and the token can be refreshed server-side — authorize → code →
// short-lived token (1 h) → `ig_exchange_token` → long-lived token (60 days, from `expires_in`) →
// `ig_refresh_token` (once the token is ≥ 24 h old and still valid) gives a new 60 days.
// developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login,
// developers.facebook.com/docs/instagram-platform/reference/access_token, …/reference/refresh_access_token
import { ConnectorError } from '../connector.ts'
import { GRAPH_VERSION, INSTAGRAM_GRAPH } from '../meta/graph-client.ts'
import { graphErrorToConnectorError } from '../meta/meta-errors.ts'
import type { OAuthConnection, OAuthProvider, OAuthTokens } from '../oauth.ts'

async function answerOf<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok || (body as { error?: unknown; error_type?: unknown } | undefined)?.error !== undefined) {
    // api.instagram.com answers `{"error_type","code","error_message"}`; graph.instagram.com the Graph shape.
    const flat = body as { error_type?: string; code?: number; error_message?: string } | undefined
    const graphBody =
      (body as { error?: unknown } | undefined)?.error !== undefined
        ? body
        : { error: { message: flat?.error_message, type: flat?.error_type, code: flat?.code } }
    throw graphErrorToConnectorError(
      'instagram',
      response.status,
      graphBody,
      response.headers,
      'read',
      new Date(),
    )
  }
  return body as T
}

interface LongLivedAnswer {
  access_token: string
  token_type?: string
  expires_in?: number
}

function tokensFrom(
  answer: LongLivedAnswer,
  scopes: readonly string[],
  extra: Record<string, string>,
): OAuthTokens {
  return {
    accessToken: answer.access_token,
    refreshToken: null, // Instagram refreshes the access token itself (ig_refresh_token)
    expiresAt: typeof answer.expires_in === 'number' ? new Date(Date.now() + answer.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes,
    extra,
  }
}

export const instagramOAuth: OAuthProvider = {
  platform: 'instagram',
  pkce: false,
  scopes: {
    publish: ['instagram_business_basic', 'instagram_business_content_publish'],
    read: ['instagram_business_basic', 'instagram_business_manage_comments'],
    reply: ['instagram_business_manage_comments'],
    moderate: ['instagram_business_manage_comments'],
    metrics: ['instagram_business_basic', 'instagram_business_manage_insights'],
    direct_messages: ['instagram_business_manage_messages'],
  },
  authorizationUrl({ client, state, scopes }) {
    const url = new URL('https://www.instagram.com/oauth/authorize')
    url.searchParams.set('client_id', client.clientId)
    url.searchParams.set('redirect_uri', client.redirectUri)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('scope', scopes.join(','))
    url.searchParams.set('state', state)
    return url.toString()
  },
  async exchangeCode({ client, code, fetch: http }) {
    const form = new URLSearchParams({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: client.redirectUri,
      code,
    })
    const short = await answerOf<
      | { data: { access_token: string; user_id: string | number; permissions?: string | string[] }[] }
      | { access_token: string; user_id: string | number; permissions?: string | string[] }
    >(await http('https://api.instagram.com/oauth/access_token', { method: 'POST', body: form }))
    // The current documentation wraps the answer in `data: [...]`; older answers were flat.
    const first = 'data' in short ? short.data[0] : short
    if (!first?.access_token)
      throw new ConnectorError('rejected', 'Instagram gave no token for the code', {
        reason: { key: 'meta.refused', params: { platform: 'Instagram' } },
      })
    const permissions = first.permissions ?? []
    const scopes = (Array.isArray(permissions) ? permissions : permissions.split(',')).map((scope) =>
      scope.trim(),
    )
    const exchange = new URL(`${INSTAGRAM_GRAPH}/access_token`)
    exchange.searchParams.set('grant_type', 'ig_exchange_token')
    exchange.searchParams.set('client_secret', client.clientSecret)
    exchange.searchParams.set('access_token', first.access_token)
    const long = await answerOf<LongLivedAnswer>(await http(exchange))
    return tokensFrom(long, scopes, { igUserId: String(first.user_id) })
  },
  async refresh({ tokens, fetch: http }) {
    const url = new URL(`${INSTAGRAM_GRAPH}/refresh_access_token`)
    url.searchParams.set('grant_type', 'ig_refresh_token')
    url.searchParams.set('access_token', tokens.accessToken)
    try {
      return tokensFrom(await answerOf<LongLivedAnswer>(await http(url)), tokens.scopes, { ...tokens.extra })
    } catch (error) {
      // An expired (or revoked) long-lived token cannot be refreshed: the person logs in again.
      if (error instanceof ConnectorError && error.kind === 'rejected')
        throw new ConnectorError('auth_expired', 'the Instagram token cannot be refreshed any more', {
          reason: { key: 'meta.token_expired', params: { platform: 'Instagram' } },
          platformCode: error.platformCode,
          platformMessage: error.platformMessage,
        })
      throw error
    }
  },
  async connectionOf(tokens, http): Promise<OAuthConnection> {
    const url = new URL(`${INSTAGRAM_GRAPH}/${GRAPH_VERSION}/me`)
    url.searchParams.set('fields', 'user_id,username,name')
    url.searchParams.set('access_token', tokens.accessToken)
    const me = await answerOf<{ id: string; user_id?: string; username?: string; name?: string }>(
      await http(url),
    )
    const igUserId = me.user_id ?? tokens.extra.igUserId ?? me.id
    return {
      platformAccountId: igUserId,
      handle: me.username ?? igUserId,
      displayName: me.name ?? null,
      credentials: { igUserId, accessToken: tokens.accessToken },
    }
  },
}
