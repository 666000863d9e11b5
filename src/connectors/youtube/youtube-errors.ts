// YouTube's answers → the few ConnectorError kinds the publishing engine decides on: ONE table, keyed by the HTTP
// status and the first `error.errors[].reason` of Google's error body (YouTube Data API "Errors" page,
// https://developers.google.com/youtube/v3/docs/errors, and the OAuth token endpoint's `error` field).
// What a 5xx or a lost answer means depends on the request: a read, or the start of a resumable upload (it makes
// a session, not a video), can be tried again (`unavailable`); once the video's bytes were sent, the video may
// exist (`unknown_outcome`: reconcile through findPublished, never upload it again blindly).
import { ConnectorError, type ConnectorErrorKind } from '../connector.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import { nextQuotaReset } from './youtube-quota.ts'

/** `write`: a request that may create something (the upload's bytes, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000

/** An answer YouTube (or Google's token endpoint) gave that was not a success, read off the wire. */
export class YouTubeHttpError extends Error {
  readonly status: number
  readonly body: unknown
  readonly headers: Headers

  constructor(status: number, body: unknown, headers: Headers) {
    super(`YouTube answered ${status}`)
    this.status = status
    this.body = body
    this.headers = headers
    this.name = 'YouTubeHttpError'
  }
}

interface ErrorRow {
  kind: ConnectorErrorKind
  key: MessageKey
  /** For rate_limited: until the next midnight Pacific (daily quotas), else from Retry-After. */
  until?: 'quota_reset' | 'retry_after'
  scope?: 'account' | 'platform'
}

/**
 * `status:reason` → what it means; `status:*` for any other reason of that status. Statuses and reasons not in
 * the table: other 4xx → rejected (request_refused), 5xx → by the request's effect.
 */
export const YOUTUBE_ERROR_TABLE: Readonly<Record<string, ErrorRow>> = {
  // The access token is gone, or the refresh token was revoked / expired (7 days for a "Testing" app).
  '401:*': { kind: 'auth_expired', key: 'youtube.auth_expired' },
  '400:invalid_grant': { kind: 'auth_expired', key: 'youtube.auth_expired' },
  '401:youtubeSignupRequired': { kind: 'auth_expired', key: 'youtube.channel_missing' },
  '403:insufficientPermissions': { kind: 'auth_expired', key: 'youtube.scope_missing' },
  // The project's 10 000 daily units are spent: every account waits for midnight Pacific.
  '403:quotaExceeded': {
    kind: 'rate_limited',
    key: 'youtube.quota_exceeded',
    until: 'quota_reset',
    scope: 'platform',
  },
  '403:dailyLimitExceeded': {
    kind: 'rate_limited',
    key: 'youtube.quota_exceeded',
    until: 'quota_reset',
    scope: 'platform',
  },
  // The channel uploaded as many videos as YouTube allows it today.
  '400:uploadLimitExceeded': { kind: 'rate_limited', key: 'youtube.upload_limit', until: 'quota_reset' },
  '403:rateLimitExceeded': { kind: 'rate_limited', key: 'youtube.rate_limited', until: 'retry_after' },
  '403:userRateLimitExceeded': { kind: 'rate_limited', key: 'youtube.rate_limited', until: 'retry_after' },
  '429:*': { kind: 'rate_limited', key: 'youtube.rate_limited', until: 'retry_after' },
  '403:forbidden': { kind: 'rejected', key: 'youtube.forbidden' },
  '403:commentsDisabled': { kind: 'rejected', key: 'youtube.comments_disabled' },
  '403:*': { kind: 'rejected', key: 'youtube.forbidden' },
  '400:invalidTitle': { kind: 'rejected', key: 'youtube.invalid_metadata' },
  '400:invalidDescription': { kind: 'rejected', key: 'youtube.invalid_metadata' },
  '400:invalidVideoMetadata': { kind: 'rejected', key: 'youtube.invalid_metadata' },
  '400:mediaBodyRequired': { kind: 'rejected', key: 'youtube.video_rejected' },
  '400:invalidFilename': { kind: 'rejected', key: 'youtube.video_rejected' },
  '400:*': { kind: 'rejected', key: 'youtube.request_refused' },
  '404:*': { kind: 'rejected', key: 'youtube.not_found' },
}

// Failures before a byte of the request left: the platform cannot have acted on it.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current: unknown = error
  while (current !== undefined && current !== null && chain.length < 10) {
    chain.push(current)
    current = current instanceof Error ? current.cause : undefined
  }
  return chain
}

interface Answer {
  status: number
  reason: string | undefined
  message: string | undefined
  headers: Headers | undefined
}

/** Google's error bodies: `{error: {code, message, errors: [{reason, domain}]}}`, or the token endpoint's `{error}`. */
function readBody(body: unknown): { reason: string | undefined; message: string | undefined } {
  let value = body
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return { reason: undefined, message: value as string }
    }
  }
  if (typeof value !== 'object' || value === null) return { reason: undefined, message: undefined }
  const error = (value as { error?: unknown; error_description?: unknown }).error
  if (typeof error === 'string') {
    const description = (value as { error_description?: unknown }).error_description
    return { reason: error, message: typeof description === 'string' ? description : error }
  }
  if (typeof error !== 'object' || error === null) return { reason: undefined, message: undefined }
  const { message, errors } = error as { message?: unknown; errors?: unknown }
  const first = Array.isArray(errors) ? (errors[0] as { reason?: unknown } | undefined) : undefined
  return {
    reason: typeof first?.reason === 'string' ? first.reason : undefined,
    message: typeof message === 'string' ? message : undefined,
  }
}

function toHeaders(value: unknown): Headers | undefined {
  if (value instanceof Headers) return value
  if (typeof value === 'object' && value !== null)
    return new Headers(
      Object.entries(value as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  return undefined
}

/** The status and reason of an answer, from our own YouTubeHttpError or the SDK's GaxiosError. */
function answerOf(chain: unknown[]): Answer | undefined {
  for (const item of chain) {
    if (item instanceof YouTubeHttpError)
      return { status: item.status, ...readBody(item.body), headers: item.headers }
    if (typeof item === 'object' && item !== null && 'response' in item) {
      const response = (item as { response?: { status?: unknown; data?: unknown; headers?: unknown } })
        .response
      if (response && typeof response.status === 'number')
        return { status: response.status, ...readBody(response.data), headers: toHeaders(response.headers) }
    }
  }
  return undefined
}

/** When to try again after a short-term limit: `Retry-After` (seconds or an HTTP date). */
export function retryAtFrom(headers: Headers | undefined, now: Date): Date | undefined {
  const retryAfter = headers?.get('retry-after')?.trim()
  if (!retryAfter) return undefined
  if (/^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000)
  const at = new Date(retryAfter)
  return Number.isNaN(at.getTime()) ? undefined : at > now ? at : now
}

/** The table's row for an answer (exported for the test that walks every row). */
export function rowFor(status: number, reason: string | undefined): ErrorRow | undefined {
  return YOUTUBE_ERROR_TABLE[`${status}:${reason ?? ''}`] ?? YOUTUBE_ERROR_TABLE[`${status}:*`]
}

/** The ConnectorError for anything a YouTube call threw; a ConnectorError anywhere in the cause chain wins. */
export function toConnectorError(error: unknown, effect: RequestEffect, now: Date): ConnectorError {
  const chain = causes(error)
  const own = chain.find((item): item is ConnectorError => item instanceof ConnectorError)
  if (own) return own

  const answer = answerOf(chain)
  if (answer) {
    const platform = {
      platformCode: answer.reason ?? String(answer.status),
      platformMessage: answer.message,
      cause: error,
    }
    const row = rowFor(answer.status, answer.reason)
    if (row?.kind === 'rate_limited') {
      const retryAt =
        row.until === 'quota_reset'
          ? nextQuotaReset(now)
          : (retryAtFrom(answer.headers, now) ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS))
      return new ConnectorError('rate_limited', `YouTube limit: ${answer.reason ?? answer.status}`, {
        ...platform,
        retryAt,
        rateLimitScope: row.scope ?? 'account',
        reason: { key: row.key, params: { retryAt: retryAt.toISOString() } },
      })
    }
    if (row)
      return new ConnectorError(row.kind, `YouTube refused: ${answer.message ?? answer.status}`, {
        ...platform,
        reason: { key: row.key },
      })
    if (answer.status >= 400 && answer.status < 500)
      return new ConnectorError('rejected', `YouTube refused: ${answer.message ?? answer.status}`, {
        ...platform,
        reason: { key: 'youtube.request_refused' },
      })
    if (effect === 'read')
      return new ConnectorError('unavailable', `YouTube answered ${answer.status}`, {
        ...platform,
        retryAt: retryAtFrom(answer.headers, now),
        reason: { key: 'youtube.unavailable' },
      })
    return new ConnectorError('unknown_outcome', `YouTube answered ${answer.status} after the upload began`, {
      ...platform,
      reason: { key: 'youtube.unknown_outcome' },
    })
  }

  // No answer: a timeout or a broken connection.
  const notSent = chain.some((item) => {
    const code = typeof item === 'object' && item !== null ? (item as { code?: unknown }).code : undefined
    return typeof code === 'string' && NOT_SENT_CODES.has(code)
  })
  if (effect === 'read' || notSent)
    return new ConnectorError('unavailable', 'YouTube could not be reached', {
      cause: error,
      reason: { key: 'youtube.unavailable' },
    })
  return new ConnectorError('unknown_outcome', 'YouTube did not answer a write it may have received', {
    cause: error,
    reason: { key: 'youtube.unknown_outcome' },
  })
}
