// Mastodon's HTTP answers and network failures → the few ConnectorError kinds the publishing engine decides on.
// ONE table (ERROR_TABLE below), each row tested in mastodon-errors.test.ts. What a failure means depends on the
// request: a read or a repeatable write (media upload, delete) that timed out can be tried again (`unavailable`),
// but a status that timed out or got a 5xx after sending may exist (`unknown_outcome`: reconcile through
// findPublished). Sources: https://docs.joinmastodon.org/api/guidelines/#errors (statuses and `error` bodies),
// https://docs.joinmastodon.org/api/rate-limits/ (X-RateLimit-Reset, an ISO 8601 time).
import { MastoHttpError, MastoTimeoutError } from 'masto'
import { ConnectorError } from '../connector.ts'

/** `write`: a request that creates a status when it succeeds (a post, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

/** Mastodon's limits are counted over 5 minutes: without a readable reset, wait one window. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5 * 60_000

// Failures before a byte of the request left: the instance cannot have acted on it.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

interface Failure {
  status: number
  message: string
}

interface Answer {
  effect: RequestEffect
  headers: Headers | undefined
  now: Date
  cause: unknown
}

interface Row {
  /** What the row is for, in the test's words. */
  name: string
  matches: (failure: Failure, effect: RequestEffect) => boolean
  build: (failure: Failure, answer: Answer) => ConnectorError
}

/** When to try again: `X-RateLimit-Reset` (ISO 8601), else `Retry-After` (seconds or an HTTP date). */
export function retryAtFrom(headers: Headers | undefined, now: Date): Date | undefined {
  const reset = headers?.get('x-ratelimit-reset')?.trim()
  if (reset) {
    const at = new Date(reset)
    if (!Number.isNaN(at.getTime())) return at > now ? at : now
  }
  const retryAfter = headers?.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000)
    const at = new Date(retryAfter)
    if (!Number.isNaN(at.getTime())) return at > now ? at : now
  }
  return undefined
}

function make(
  kind: ConnectorError['kind'],
  key: NonNullable<ConnectorError['reason']>['key'],
  message: string,
  failure: Failure,
  answer: Answer,
  extra: { retryAt?: Date | undefined; params?: Record<string, string | number> } = {},
): ConnectorError {
  return new ConnectorError(kind, message, {
    platformCode: String(failure.status),
    platformMessage: failure.message,
    cause: answer.cause,
    ...(extra.retryAt ? { retryAt: extra.retryAt } : {}),
    reason: extra.params ? { key, params: extra.params } : { key },
  })
}

/** The table: the first row that matches the answer decides. */
export const ERROR_TABLE: readonly Row[] = [
  {
    name: '401 token invalid or revoked',
    matches: (f) => f.status === 401,
    build: (f, a) =>
      make('auth_expired', 'mastodon.token_invalid', 'the Mastodon token no longer works', f, a),
  },
  {
    name: '403 outside the authorized scopes',
    matches: (f) => f.status === 403 && /scope/i.test(f.message),
    build: (f, a) => make('auth_expired', 'mastodon.scope_missing', 'the Mastodon token lacks a scope', f, a),
  },
  {
    name: '403 login disabled, suspended or unconfirmed',
    matches: (f) => f.status === 403 && /login|suspended|disabled|confirm/i.test(f.message),
    build: (f, a) =>
      make('auth_expired', 'mastodon.account_disabled', 'the Mastodon account is disabled', f, a),
  },
  {
    name: '403 other',
    matches: (f) => f.status === 403,
    build: (f, a) => make('rejected', 'mastodon.forbidden', `Mastodon refused: ${f.message}`, f, a),
  },
  {
    name: '404 or 410 record not found',
    matches: (f) => f.status === 404 || f.status === 410,
    build: (f, a) =>
      make('rejected', 'mastodon.status_not_found', `Mastodon has no such record: ${f.message}`, f, a),
  },
  {
    name: '413 media too large',
    matches: (f) => f.status === 413,
    build: (f, a) => make('rejected', 'mastodon.media_too_large', 'the media file is too large', f, a),
  },
  {
    name: '422 media not finished processing',
    matches: (f) => f.status === 422 && /not finished processing/i.test(f.message),
    build: (f, a) =>
      make('unavailable', 'mastodon.media_processing', 'Mastodon is still processing the media', f, a),
  },
  {
    name: '422 character limit exceeded',
    matches: (f) => f.status === 422 && /character limit of \d+ exceeded/i.test(f.message),
    build: (f, a) => {
      const maximum = Number(/character limit of (\d+)/i.exec(f.message)![1])
      return make('rejected', 'mastodon.text_over_limit', `Mastodon refused the text: ${f.message}`, f, a, {
        params: { maximum },
      })
    },
  },
  {
    name: '422 other validation failure',
    matches: (f) => f.status === 422 || f.status === 400,
    build: (f, a) =>
      make('rejected', 'mastodon.validation_failed', `Mastodon refused the request: ${f.message}`, f, a, {
        params: { reason: f.message },
      }),
  },
  {
    name: '429 rate limited',
    matches: (f) => f.status === 429,
    build: (f, a) => {
      const retryAt = retryAtFrom(a.headers, a.now) ?? new Date(a.now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS)
      return make('rate_limited', 'mastodon.rate_limited', 'Mastodon is rate limiting this account', f, a, {
        retryAt,
        params: { retryAt: retryAt.toISOString() },
      })
    },
  },
  {
    name: '503, or another 5xx to a read: not taken, try later',
    matches: (f, effect) => f.status === 503 || (f.status >= 500 && f.status < 600 && effect === 'read'),
    build: (f, a) =>
      make('unavailable', 'mastodon.unavailable', `Mastodon answered ${f.status}`, f, a, {
        retryAt: retryAtFrom(a.headers, a.now),
      }),
  },
  {
    name: '5xx to a write: may have been made',
    matches: (f) => f.status >= 500 && f.status < 600,
    build: (f, a) =>
      make('unknown_outcome', 'mastodon.unknown_outcome', `Mastodon answered ${f.status} to a write`, f, a),
  },
  {
    name: 'any other 4xx',
    matches: (f) => f.status >= 400 && f.status < 500,
    build: (f, a) =>
      make('rejected', 'mastodon.validation_failed', `Mastodon refused the request: ${f.message}`, f, a, {
        params: { reason: f.message },
      }),
  },
]

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

/** The ConnectorError for anything a Mastodon call threw; a ConnectorError anywhere in the cause chain wins. */
export function toConnectorError(error: unknown, effect: RequestEffect, now: Date): ConnectorError {
  const chain = causes(error)
  const own = chain.find((item): item is ConnectorError => item instanceof ConnectorError)
  if (own) return own

  const http = chain.find((item): item is MastoHttpError => item instanceof MastoHttpError)
  if (http) {
    // masto keeps the Response as the error's cause: its headers carry the rate limit's reset.
    const headers = http.cause instanceof Response ? http.cause.headers : undefined
    const failure: Failure = {
      status: http.statusCode,
      message: [http.message, http.description].filter(Boolean).join(': '),
    }
    const row = ERROR_TABLE.find((candidate) => candidate.matches(failure, effect))
    if (row) return row.build(failure, { effect, headers, now, cause: error })
  }

  // No readable answer: a timeout, a refused connection, or a body that was not JSON (a proxy's error page).
  const message = error instanceof Error ? error.message : String(error)
  const notSent = chain.some((item) => NOT_SENT_CODES.has(errorCode(item) ?? ''))
  const timedOut = chain.some((item) => item instanceof MastoTimeoutError)
  if (effect === 'read' || (notSent && !timedOut))
    return new ConnectorError('unavailable', 'Mastodon could not be reached', {
      platformMessage: message,
      cause: error,
      reason: { key: 'mastodon.unavailable' },
    })
  return new ConnectorError('unknown_outcome', 'Mastodon did not answer a write it may have received', {
    platformMessage: message,
    cause: error,
    reason: { key: 'mastodon.unknown_outcome' },
  })
}
