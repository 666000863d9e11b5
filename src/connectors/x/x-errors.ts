// The one error table of the X connector: HTTP status / X error code → ConnectorError kind, with X's reason
// mapped to a catalogue key (src/shared/messages/x-messages.ts). Sources: docs.x.com "Error codes and responses"
// (v2 problem types, v1.1 codes 187/89), "Rate limits" (x-rate-limit-* and x-app-limit-24hour-* headers).
//
// | status / code                                   | kind            | reason                          |
// |-------------------------------------------------|-----------------|---------------------------------|
// | 401 (any), v1.1 code 89 / 32                    | auth_expired    | x.token_expired                 |
// | 403 unsupported-authentication / missing scope  | auth_expired    | x.scope_missing                 |
// | 403 client-forbidden (client-not-enrolled)      | rejected        | x.app_forbidden                 |
// | 403 "duplicate content", v1.1 code 187          | rejected        | x.duplicate_content             |
// | 403 hidden reply in someone else's conversation | rejected        | x.hide_not_own_conversation     |
// | 403 other                                       | rejected        | x.not_permitted                 |
// | 402 (pay-per-use credits depleted)              | rejected        | x.credits_depleted              |
// | 404, v1.1 code 144                              | rejected        | x.post_not_found                |
// | 400 / 413 / 422 other 4xx                       | rejected        | x.request_invalid               |
// | 429                                             | rate_limited    | x.rate_limited (x-rate-limit-reset; app 24 h limit → platform scope) |
// | media processing "failed" (finalize → STATUS)  | rejected        | x.media_rejected                |
// | 503, or any 5xx to a read                       | unavailable     | x.unavailable                   |
// | other 5xx to a write                            | unknown_outcome | x.unknown_outcome               |
// | no answer to a read / not sent (ECONNREFUSED…)  | unavailable     | x.unavailable                   |
// | no answer / cut answer to a write               | unknown_outcome | x.unknown_outcome               |
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2'
import { ConnectorError } from '../connector.ts'

/** `write`: a request that creates something when it succeeds (a post, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

export const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

type Headers = Record<string, string | string[] | undefined>

function header(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name]
  return Array.isArray(value) ? value[0] : value
}

function epochHeader(headers: Headers | undefined, name: string, now: Date): Date | undefined {
  const value = header(headers, name)?.trim()
  if (!value || !/^\d+$/.test(value)) return undefined
  const at = new Date(Number(value) * 1000)
  return at > now ? at : now
}

/**
 * When to try again after a 429: the app's 24-hour limit when it is exhausted (every account waits), else the
 * endpoint's window `x-rate-limit-reset` (epoch seconds). X sends no Retry-After.
 */
export function rateLimitOf(
  headers: Headers | undefined,
  now: Date,
): { retryAt: Date; scope: 'account' | 'platform' } {
  if (header(headers, 'x-app-limit-24hour-remaining')?.trim() === '0') {
    const at = epochHeader(headers, 'x-app-limit-24hour-reset', now)
    if (at) return { retryAt: at, scope: 'platform' }
  }
  const at = epochHeader(headers, 'x-rate-limit-reset', now)
  return { retryAt: at ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS), scope: 'account' }
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current: unknown = error
  while (current !== undefined && current !== null && chain.length < 10) {
    chain.push(current)
    current = current instanceof Error ? current.cause : undefined
  }
  return chain
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

interface Problem {
  text: string
  type: string
  codes: number[]
}

/** X's own words from a v2 problem (`title`, `detail`, `type`, `reason`) or a v1.1 `errors[]` body. */
function problemOf(error: ApiResponseError): Problem {
  const data = (error.data ?? {}) as unknown as Record<string, unknown>
  const parts: string[] = []
  const codes: number[] = []
  for (const key of ['title', 'detail', 'reason', 'error', 'error_description'])
    if (typeof data[key] === 'string') parts.push(data[key])
  if (Array.isArray(data.errors))
    for (const item of data.errors as Record<string, unknown>[]) {
      if (typeof item.message === 'string') parts.push(item.message)
      if (typeof item.detail === 'string') parts.push(item.detail)
      if (typeof item.code === 'number') codes.push(item.code)
    }
  return { text: parts.join(' — '), type: typeof data.type === 'string' ? data.type : '', codes }
}

function fail(
  kind: ConnectorError['kind'],
  message: string,
  reason: NonNullable<ConnectorError['reason']>,
  details: Omit<ConstructorParameters<typeof ConnectorError>[2] & object, 'reason'>,
): ConnectorError {
  return new ConnectorError(kind, message, { ...details, reason })
}

function fromResponse(error: ApiResponseError, effect: RequestEffect, now: Date): ConnectorError {
  const status = error.code
  const problem = problemOf(error)
  const platform = {
    platformCode:
      problem.codes[0] !== undefined
        ? String(problem.codes[0])
        : `${status}${problem.type && problem.type !== 'about:blank' ? ` ${problem.type}` : ''}`,
    platformMessage: problem.text || error.message,
    cause: error,
  }
  const text = `${problem.type} ${problem.text}`
  if (status === 401 || problem.codes.includes(89) || problem.codes.includes(32))
    return fail('auth_expired', 'the X token no longer works', { key: 'x.token_expired' }, platform)
  if (status === 429) {
    const limit = rateLimitOf(error.headers, now)
    return fail(
      'rate_limited',
      'X is rate limiting this account',
      { key: 'x.rate_limited', params: { retryAt: limit.retryAt.toISOString() } },
      { ...platform, retryAt: limit.retryAt, rateLimitScope: limit.scope },
    )
  }
  if (problem.codes.includes(187) || /duplicate/i.test(problem.text))
    return fail('rejected', 'X refused duplicate content', { key: 'x.duplicate_content' }, platform)
  if (status === 403) {
    if (/unsupported-authentication|scope/i.test(text))
      return fail('auth_expired', 'the X token lacks a scope', { key: 'x.scope_missing' }, platform)
    if (/client-forbidden|client-not-enrolled/i.test(text))
      return fail('rejected', 'the X app is not enrolled', { key: 'x.app_forbidden' }, platform)
    if (/hid|conversation/i.test(problem.text))
      return fail('rejected', 'X refused to hide the reply', { key: 'x.hide_not_own_conversation' }, platform)
    return fail('rejected', `X refused the request: ${problem.text}`, { key: 'x.not_permitted' }, platform)
  }
  if (status === 402)
    return fail('rejected', 'the X API credits are used up', { key: 'x.credits_depleted' }, platform)
  if (status === 404 || problem.codes.includes(144))
    return fail('rejected', 'the post is gone on X', { key: 'x.post_not_found' }, platform)
  if (status >= 400 && status < 500)
    return fail('rejected', `X refused the request: ${problem.text}`, { key: 'x.request_invalid' }, platform)
  if (effect === 'read' || status === 503)
    return fail('unavailable', `X answered ${status}`, { key: 'x.unavailable' }, platform)
  return fail('unknown_outcome', `X answered ${status} to a write`, { key: 'x.unknown_outcome' }, platform)
}

/** The ConnectorError for anything an X call threw; a ConnectorError anywhere in the cause chain wins. */
export function toConnectorError(error: unknown, effect: RequestEffect, now: Date): ConnectorError {
  const chain = causes(error)
  const own = chain.find((item): item is ConnectorError => item instanceof ConnectorError)
  if (own) return own
  const response = chain.find((item): item is ApiResponseError => item instanceof ApiResponseError)
  if (response) return fromResponse(response, effect, now)

  const processing = chain.find(
    (item): item is Error => item instanceof Error && /^Media processing failed/.test(item.message),
  )
  if (processing)
    return fail(
      'rejected',
      processing.message,
      {
        key: 'x.media_rejected',
        params: { detail: processing.message.replace(/^Media processing failed:\s*/, '') },
      },
      { platformMessage: processing.message, cause: error },
    )

  const requestError = chain.find((item): item is ApiRequestError => item instanceof ApiRequestError)
  const notSent =
    chain.some((item) => NOT_SENT_CODES.has(errorCode(item) ?? '')) ||
    NOT_SENT_CODES.has(errorCode(requestError?.requestError) ?? '')
  const cut = chain.some((item) => item instanceof ApiPartialResponseError)
  const platform = { platformMessage: error instanceof Error ? error.message : String(error), cause: error }
  if (effect === 'read' || (notSent && !cut))
    return fail('unavailable', 'X could not be reached', { key: 'x.unavailable' }, platform)
  return fail(
    'unknown_outcome',
    'X did not answer a write it may have received',
    { key: 'x.unknown_outcome' },
    platform,
  )
}
