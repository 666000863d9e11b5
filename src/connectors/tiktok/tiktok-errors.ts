// TikTok's answers → the few ConnectorError kinds the publishing engine decides on. Every TikTok v2 answer carries
// `error: { code, message, log_id }` (code "ok" on success) beside the HTTP status; the table below is keyed on
// that code, the status decides what the table does not know. Sources: developers.tiktok.com "Error handling"
// (v2 error codes), "Content Posting API — Direct Post / Photo Post" (error tables) and "Get Post Status"
// (fail_reason values), "Rate limits" (429 rate_limit_exceeded over a one-minute sliding window; TikTok documents
// no reset header, so the wait is a minute unless a Retry-After or X-RateLimit-Reset header says otherwise).
//
// What a failure means depends on the request: a read that timed out can be tried again (`unavailable`), but an
// init that timed out or failed with a 5xx may have started a post (`unknown_outcome`: reconcile through
// findPublished, never send it again blindly).
import { ConnectorError, type ConnectorErrorKind } from '../connector.ts'

/** `write`: a request that creates something when it succeeds (an init, a chunk); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

/** TikTok's documented windows: init endpoints 6 / minute / token, other endpoints per minute. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000
const DAY_MS = 24 * 60 * 60 * 1000

type Row = {
  kind: ConnectorErrorKind
  reason:
    | 'tiktok.token_expired'
    | 'tiktok.scope_missing'
    | 'tiktok.rate_limited'
    | 'tiktok.daily_post_cap'
    | 'tiktok.too_many_pending'
    | 'tiktok.user_cap_reached'
    | 'tiktok.banned_from_posting'
    | 'tiktok.unaudited_private_only'
    | 'tiktok.url_not_verified'
    | 'tiktok.privacy_mismatch'
    | 'tiktok.media_check_failed'
    | 'tiktok.media_pull_failed'
    | 'tiktok.content_refused'
    | 'tiktok.invalid_request'
    | 'tiktok.unavailable'
  /** For `rate_limited` without a header: how long to wait. */
  waitMs?: number
  scope?: 'account' | 'platform'
}

/** THE table: TikTok `error.code` (and Get Post Status `fail_reason`) → kind and the reason for a person. */
export const TIKTOK_ERROR_TABLE: Readonly<Record<string, Row>> = {
  access_token_invalid: { kind: 'auth_expired', reason: 'tiktok.token_expired' },
  auth_removed: { kind: 'auth_expired', reason: 'tiktok.token_expired' },
  scope_not_authorized: { kind: 'auth_expired', reason: 'tiktok.scope_missing' },
  scope_permission_missed: { kind: 'auth_expired', reason: 'tiktok.scope_missing' },
  rate_limit_exceeded: {
    kind: 'rate_limited',
    reason: 'tiktok.rate_limited',
    waitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
  },
  spam_risk_too_many_posts: { kind: 'rate_limited', reason: 'tiktok.daily_post_cap', waitMs: DAY_MS },
  spam_risk_too_many_pending_share: {
    kind: 'rate_limited',
    reason: 'tiktok.too_many_pending',
    waitMs: DAY_MS,
  },
  reached_active_user_cap: {
    kind: 'rate_limited',
    reason: 'tiktok.user_cap_reached',
    waitMs: DAY_MS,
    scope: 'platform',
  },
  spam_risk_user_banned_from_posting: { kind: 'rejected', reason: 'tiktok.banned_from_posting' },
  spam_risk_text: { kind: 'rejected', reason: 'tiktok.content_refused' },
  spam_risk: { kind: 'rejected', reason: 'tiktok.content_refused' },
  unaudited_client_can_only_post_to_private_accounts: {
    kind: 'rejected',
    reason: 'tiktok.unaudited_private_only',
  },
  url_ownership_unverified: { kind: 'rejected', reason: 'tiktok.url_not_verified' },
  privacy_level_option_mismatch: { kind: 'rejected', reason: 'tiktok.privacy_mismatch' },
  invalid_param: { kind: 'rejected', reason: 'tiktok.invalid_request' },
  invalid_file_upload: { kind: 'rejected', reason: 'tiktok.media_check_failed' },
  file_format_check_failed: { kind: 'rejected', reason: 'tiktok.media_check_failed' },
  duration_check_failed: { kind: 'rejected', reason: 'tiktok.media_check_failed' },
  frame_rate_check_failed: { kind: 'rejected', reason: 'tiktok.media_check_failed' },
  picture_size_check_failed: { kind: 'rejected', reason: 'tiktok.media_check_failed' },
  video_pull_failed: { kind: 'rejected', reason: 'tiktok.media_pull_failed' },
  photo_pull_failed: { kind: 'rejected', reason: 'tiktok.media_pull_failed' },
  publish_cancelled: { kind: 'rejected', reason: 'tiktok.invalid_request' },
  // A failure TikTok reports for a request it took and then dropped: nothing was posted, try again later.
  internal: { kind: 'unavailable', reason: 'tiktok.unavailable' },
}

/** When to try again: `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset` (epoch seconds). */
export function retryAtFrom(headers: Headers | undefined, now: Date): Date | undefined {
  const retryAfter = headers?.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000)
    const at = new Date(retryAfter)
    if (!Number.isNaN(at.getTime())) return at > now ? at : now
  }
  const reset = headers?.get('x-ratelimit-reset')?.trim()
  if (reset && /^\d+$/.test(reset)) {
    const at = new Date(Number(reset) * 1000)
    return at > now ? at : now
  }
  return undefined
}

export interface TikTokFailure {
  /** The HTTP status, or 0 when no answer came (network failure, timeout). */
  status: number
  /** TikTok's `error.code` (or a status `fail_reason`), when it gave one. */
  code?: string
  message?: string
  logId?: string
  headers?: Headers
  cause?: unknown
}

function fromRow(row: Row, failure: TikTokFailure, now: Date): ConnectorError {
  const platform = {
    platformCode: failure.code,
    platformMessage: failure.message ?? failure.logId,
    cause: failure.cause,
  }
  if (row.kind === 'rate_limited') {
    const retryAt =
      retryAtFrom(failure.headers, now) ??
      new Date(now.getTime() + (row.waitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS))
    return new ConnectorError('rate_limited', `TikTok: ${failure.code ?? failure.status}`, {
      ...platform,
      retryAt,
      rateLimitScope: row.scope ?? 'account',
      reason: { key: row.reason, params: { retryAt: retryAt.toISOString() } },
    })
  }
  if (row.reason === 'tiktok.scope_missing')
    return new ConnectorError(row.kind, `TikTok: ${failure.code}`, {
      ...platform,
      reason: { key: row.reason, params: { scope: failure.message ?? failure.code ?? '' } },
    })
  if (row.reason === 'tiktok.media_check_failed')
    return new ConnectorError(row.kind, `TikTok: ${failure.code}`, {
      ...platform,
      reason: { key: row.reason, params: { check: failure.code ?? '' } },
    })
  return new ConnectorError(row.kind, `TikTok: ${failure.code ?? failure.status}`, {
    ...platform,
    retryAt: row.kind === 'unavailable' ? retryAtFrom(failure.headers, now) : undefined,
    reason: { key: row.reason },
  })
}

/** The ConnectorError for a failed TikTok call: its `error.code` when the table knows it, else its status. */
export function toConnectorError(failure: TikTokFailure, effect: RequestEffect, now: Date): ConnectorError {
  if (failure.cause instanceof ConnectorError) return failure.cause
  const row = failure.code ? TIKTOK_ERROR_TABLE[failure.code] : undefined
  // A 5xx to a write, even with a code the table knows, may come after TikTok started the post.
  if (row && !(failure.status >= 500 && effect === 'write')) return fromRow(row, failure, now)

  const platform = {
    platformCode: failure.code,
    platformMessage: failure.message ?? failure.logId,
    cause: failure.cause,
  }
  const { status } = failure
  if (status === 401) return fromRow(TIKTOK_ERROR_TABLE.access_token_invalid!, failure, now)
  if (status === 429) return fromRow(TIKTOK_ERROR_TABLE.rate_limit_exceeded!, failure, now)
  if (status >= 400 && status < 500)
    return new ConnectorError('rejected', `TikTok refused the request (${status})`, {
      ...platform,
      reason: { key: 'tiktok.invalid_request' },
    })
  // 5xx or no answer: a read (or a 503, which says TikTok did not take it) can simply be tried again.
  if (effect === 'read' || status === 503)
    return new ConnectorError('unavailable', `TikTok answered ${status || 'nothing'}`, {
      ...platform,
      retryAt: retryAtFrom(failure.headers, now),
      reason: { key: 'tiktok.unavailable' },
    })
  return new ConnectorError('unknown_outcome', `TikTok answered ${status || 'nothing'} to a write`, {
    ...platform,
    reason: { key: 'tiktok.unknown_outcome' },
  })
}
