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
import {
  CHOSEN_ACCOUNT,
  type OAuthAccountOption,
  type OAuthClient,
  type OAuthConnection,
  type OAuthProvider,
  type OAuthTokens,
} from '../oauth.ts'

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

interface PageAnswer {
  id: string
  name?: string
  username?: string
  category?: string
  link?: string
  access_token?: string
  tasks?: string[]
}

/** Pages listed per request, and how many requests at most (a Humas login rarely manages more than a few dozen). */
const PAGE_LIMIT = 100
const MAX_PAGE_REQUESTS = 10

/**
 * The Pages the person can post on through this login: `/me/accounts` (every page of its paging), keeping those
 * with a Page token and the CREATE_CONTENT task. developers.facebook.com/docs/graph-api/reference/user/accounts
 */
async function postablePages(
  http: typeof fetch,
  userToken: string,
): Promise<(PageAnswer & { access_token: string })[]> {
  const pages: PageAnswer[] = []
  let after: string | undefined
  for (let request = 0; request < MAX_PAGE_REQUESTS; request++) {
    const answer = await graphGet<{
      data: PageAnswer[]
      paging?: { cursors?: { after?: string }; next?: string }
    }>(http, 'me/accounts', {
      fields: 'id,name,username,category,link,access_token,tasks',
      limit: String(PAGE_LIMIT),
      access_token: userToken,
      ...(after ? { after } : {}),
    })
    pages.push(...answer.data)
    after = answer.paging?.next ? answer.paging.cursors?.after : undefined
    if (!after) break
  }
  return pages.filter(
    (page): page is PageAnswer & { access_token: string } =>
      Boolean(page.access_token) && (page.tasks ?? []).includes('CREATE_CONTENT'),
  )
}

function optionOf(page: PageAnswer): OAuthAccountOption {
  return {
    platformAccountId: page.id,
    name: page.name ?? null,
    handle: page.username ?? null,
    category: page.category ?? null,
    url: page.link ?? `https://www.facebook.com/${page.username ?? page.id}`,
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
  async accountOptions(tokens, http): Promise<OAuthAccountOption[]> {
    return (await postablePages(http, tokens.accessToken)).map(optionOf)
  },
  async connectionOf(tokens, http): Promise<OAuthConnection> {
    // The Page the app chose (by the registry, or the person among accountOptions); a login with one Page needs
    // no choice. A chosen Page the login no longer lets Warta post on is refused, never swapped for another.
    const pages = await postablePages(http, tokens.accessToken)
    const wanted = tokens.extra[CHOSEN_ACCOUNT]
    if (pages.length === 0)
      throw new ConnectorError('rejected', 'the Facebook login gave no Page this person can post on', {
        reason: { key: 'meta.no_postable_page', params: { platform: 'Facebook' } },
      })
    const page = wanted ? pages.find((item) => item.id === wanted) : pages.length === 1 ? pages[0] : undefined
    if (wanted && !page)
      throw new ConnectorError(
        'auth_expired',
        'the Facebook login no longer allows posting on the chosen Page',
        {
          reason: { key: 'meta.page_not_granted', params: { platform: 'Facebook', page: wanted } },
        },
      )
    if (!page)
      throw new ConnectorError('rejected', 'the Facebook login manages several Pages and none was chosen', {
        reason: { key: 'meta.page_not_chosen', params: { platform: 'Facebook' } },
      })
    return {
      platformAccountId: page.id,
      handle: page.username ?? page.id,
      displayName: page.name ?? null,
      credentials: { pageId: page.id, pageAccessToken: page.access_token },
    }
  },
}
