// Connecting a Threads profile through the Threads Authorization Window: authorize → code → short-lived token
// (1 h, `POST graph.threads.net/oauth/access_token`) → `th_exchange_token` → long-lived token (60 days, from
// `expires_in`) → `th_refresh_token` (once the token is ≥ 24 h old and still valid) gives a new 60 days. A token
// not refreshed within its 60 days dies: the account must reconnect.
// developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions,
// …/threads/get-started/long-lived-tokens, …/threads/troubleshooting/debug-access-token
//
// The token answers name no scopes. `debug_token` lists them, but Threads only answers it for a tester's token (the
// profiles connected while the app is in review); for everyone else the scopes asked for are taken as granted, and a
// permission that is in fact missing surfaces as `meta.permission_missing` on the call that needs it.
import { ConnectorError } from '../connector.ts'
import { THREADS_GRAPH, THREADS_GRAPH_VERSION } from '../meta/graph-client.ts'
import { graphErrorToConnectorError } from '../meta/meta-errors.ts'
import type { OAuthConnection, OAuthProvider, OAuthTokens } from '../oauth.ts'

/** The Authorization Window as the current documentation gives it (threads.net redirects here). */
export const THREADS_AUTHORIZE_URL = 'https://threads.com/oauth/authorize'

async function answerOf<T>(response: Response): Promise<T> {
  return (await answerWithText<T>(response)).body
}

async function answerWithText<T>(response: Response): Promise<{ body: T; text: string }> {
  const text = await response.text().catch(() => '')
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!response.ok || (body as { error?: unknown } | undefined)?.error !== undefined)
    throw graphErrorToConnectorError('threads', response.status, body, response.headers, 'read', new Date())
  return { body: body as T, text }
}

/**
 * The code exchange answers `user_id` as a JSON number, and a Threads user id can pass 2^53: read its digits from
 * the text rather than from the parsed (rounded) number.
 */
function userIdOf(text: string, parsed: string | number | undefined): string | undefined {
  const digits = /"user_id"\s*:\s*"?(\d+)/.exec(text)?.[1]
  return digits ?? (parsed === undefined ? undefined : String(parsed))
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
    refreshToken: null, // Threads refreshes the access token itself (th_refresh_token)
    expiresAt: typeof answer.expires_in === 'number' ? new Date(Date.now() + answer.expires_in * 1000) : null,
    refreshExpiresAt: null,
    scopes,
    extra,
  }
}

const SCOPES = {
  publish: ['threads_basic', 'threads_content_publish', 'threads_delete'],
  read: ['threads_basic', 'threads_read_replies', 'threads_manage_mentions'],
  reply: ['threads_basic', 'threads_manage_replies'],
  moderate: ['threads_basic', 'threads_manage_replies'],
  metrics: ['threads_basic', 'threads_manage_insights'],
  // Threads has no direct messages in its API.
  direct_messages: [],
} as const

const ALL_SCOPES = [...new Set(Object.values(SCOPES).flat())]

/** The scopes the token carries by `debug_token`, or null when Threads does not answer it for this token. */
async function grantedScopes(http: typeof fetch, token: string): Promise<string[] | null> {
  const url = new URL(`${THREADS_GRAPH}/${THREADS_GRAPH_VERSION}/debug_token`)
  url.searchParams.set('input_token', token)
  url.searchParams.set('access_token', token)
  try {
    const answer = await answerOf<{ data?: { scopes?: unknown; is_valid?: boolean } }>(await http(url))
    const scopes = answer.data?.scopes
    return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : null
  } catch (error) {
    if (error instanceof ConnectorError && error.kind !== 'unavailable') return null
    throw error
  }
}

export const threadsOAuth: OAuthProvider = {
  platform: 'threads',
  pkce: false,
  scopes: SCOPES,
  authorizationUrl({ client, state, scopes }) {
    const url = new URL(THREADS_AUTHORIZE_URL)
    url.searchParams.set('client_id', client.clientId)
    url.searchParams.set('redirect_uri', client.redirectUri)
    url.searchParams.set('scope', scopes.join(','))
    url.searchParams.set('response_type', 'code')
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
    const { body: short, text } = await answerWithText<{ access_token?: string; user_id?: string | number }>(
      await http(`${THREADS_GRAPH}/oauth/access_token`, { method: 'POST', body: form }),
    )
    const userId = userIdOf(text, short.user_id)
    if (!short.access_token || userId === undefined)
      throw new ConnectorError('rejected', 'Threads gave no token for the code', {
        reason: { key: 'meta.refused', params: { platform: 'Threads' } },
      })
    const exchange = new URL(`${THREADS_GRAPH}/access_token`)
    exchange.searchParams.set('grant_type', 'th_exchange_token')
    exchange.searchParams.set('client_secret', client.clientSecret)
    exchange.searchParams.set('access_token', short.access_token)
    const long = await answerOf<LongLivedAnswer>(await http(exchange))
    const scopes = (await grantedScopes(http, long.access_token)) ?? ALL_SCOPES
    return tokensFrom(long, scopes, { threadsUserId: userId })
  },
  async refresh({ tokens, fetch: http }) {
    const url = new URL(`${THREADS_GRAPH}/refresh_access_token`)
    url.searchParams.set('grant_type', 'th_refresh_token')
    url.searchParams.set('access_token', tokens.accessToken)
    try {
      return tokensFrom(await answerOf<LongLivedAnswer>(await http(url)), tokens.scopes, { ...tokens.extra })
    } catch (error) {
      // An expired (or revoked) long-lived token cannot be refreshed: the person authorizes again.
      if (error instanceof ConnectorError && error.kind === 'rejected')
        throw new ConnectorError('auth_expired', 'the Threads token cannot be refreshed any more', {
          reason: { key: 'meta.token_expired', params: { platform: 'Threads' } },
          platformCode: error.platformCode,
          platformMessage: error.platformMessage,
        })
      throw error
    }
  },
  async connectionOf(tokens, http): Promise<OAuthConnection> {
    const url = new URL(`${THREADS_GRAPH}/${THREADS_GRAPH_VERSION}/me`)
    url.searchParams.set('fields', 'id,username,name')
    url.searchParams.set('access_token', tokens.accessToken)
    const me = await answerOf<{ id: string; username?: string; name?: string }>(await http(url))
    const threadsUserId = me.id ?? tokens.extra.threadsUserId
    return {
      platformAccountId: threadsUserId,
      handle: me.username ?? threadsUserId,
      displayName: me.name ?? null,
      credentials: { threadsUserId, accessToken: tokens.accessToken },
    }
  },
}
