// Connecting a Facebook Page through Facebook Login (platforms.md §3.1 item 7, §5): the dialog gives a code → a
// short-lived user token → `fb_exchange_token` gives a long-lived user token (~60 days, from `expires_in`) →
// `/me/accounts` gives the Page's own token, which does not expire (it dies with a password change, the loss of
// the Page role or de-authorisation: then Graph answers 190 and the account must reconnect). Offices that can
// should use a System User token from Business Manager instead (pasted, no OAuth).
// developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow,
// developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived,
// developers.facebook.com/docs/pages-api/getting-started
import { ConnectorError } from '../connector.ts'
import { GRAPH_VERSION, FACEBOOK_GRAPH } from '../meta/graph-client.ts'
import { graphErrorToConnectorError } from '../meta/meta-errors.ts'
import type { OAuthClient, OAuthConnection, OAuthProvider, OAuthTokens } from '../oauth.ts'

async function graphGet<T>(http: typeof fetch, path: string, params: Record<string, string>): Promise<T> {
  const url = new URL(`${FACEBOOK_GRAPH}/${GRAPH_VERSION}/${path}`)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  const response = await http(url)
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok || (body as { error?: unknown } | undefined)?.error !== undefined)
    throw graphErrorToConnectorError('facebook', response.status, body, response.headers, 'read', new Date())
  return body as T
}

interface TokenAnswer {
  access_token: string
  token_type?: string
  expires_in?: number
}

async function grantedScopes(http: typeof fetch, token: string): Promise<string[]> {
  const answer = await graphGet<{ data: { permission: string; status: string }[] }>(http, 'me/permissions', {
    access_token: token,
  })
  return answer.data.filter((item) => item.status === 'granted').map((item) => item.permission)
}

async function longLived(client: OAuthClient, http: typeof fetch, token: string): Promise<OAuthTokens> {
  const answer = await graphGet<TokenAnswer>(http, 'oauth/access_token', {
    grant_type: 'fb_exchange_token',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    fb_exchange_token: token,
  })
  return {
    accessToken: answer.access_token,
    refreshToken: null,
    // The user token's life; the Page token made from it does not expire.
    expiresAt: typeof answer.expires_in === 'number' ? new Date(Date.now() + answer.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes: await grantedScopes(http, answer.access_token),
    extra: {},
  }
}

export const facebookOAuth: OAuthProvider = {
  platform: 'facebook',
  pkce: false,
  scopes: {
    publish: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'],
    read: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content'],
    reply: ['pages_manage_engagement'],
    moderate: ['pages_manage_engagement'],
    metrics: ['read_insights', 'pages_read_engagement'],
    direct_messages: ['pages_messaging'],
  },
  authorizationUrl({ client, state, scopes }) {
    const url = new URL(`https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`)
    url.searchParams.set('client_id', client.clientId)
    url.searchParams.set('redirect_uri', client.redirectUri)
    url.searchParams.set('state', state)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('scope', scopes.join(','))
    return url.toString()
  },
  async exchangeCode({ client, code, fetch: http }) {
    const short = await graphGet<TokenAnswer>(http, 'oauth/access_token', {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uri: client.redirectUri,
      code,
    })
    return longLived(client, http, short.access_token)
  },
  async refresh({ client, tokens, fetch: http }) {
    // A long-lived user token can be exchanged again while it still works; a dead one needs the person back.
    try {
      return await longLived(client, http, tokens.accessToken)
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth_expired') throw error
      if (error instanceof ConnectorError && error.kind === 'rejected')
        throw new ConnectorError('auth_expired', 'the Facebook user token cannot be exchanged any more', {
          reason: { key: 'meta.token_expired', params: { platform: 'Facebook' } },
          platformCode: error.platformCode,
          platformMessage: error.platformMessage,
        })
      throw error
    }
  },
  async connectionOf(tokens, http): Promise<OAuthConnection> {
    const pages = await graphGet<{
      data: { id: string; name?: string; username?: string; access_token?: string; tasks?: string[] }[]
    }>(http, 'me/accounts', {
      fields: 'id,name,username,access_token,tasks',
      access_token: tokens.accessToken,
    })
    // The Page chosen in the dialog; with several, the one named in `extra.pageId`, else the first the person can
    // post on (the interface gives no account hint: connect one Page per dialog).
    const wanted = tokens.extra.pageId
    const page =
      pages.data.find((item) => item.id === wanted) ??
      pages.data.find((item) => item.access_token && (item.tasks ?? []).includes('CREATE_CONTENT'))
    if (!page?.access_token)
      throw new ConnectorError('rejected', 'the Facebook login gave no Page this person can post on', {
        reason: { key: 'meta.permission_missing', params: { platform: 'Facebook' } },
      })
    return {
      platformAccountId: page.id,
      handle: page.username ?? page.id,
      displayName: page.name ?? null,
      credentials: { pageId: page.id, pageAccessToken: page.access_token },
    }
  },
}
