// The one table of Graph API failures (Facebook Pages, Instagram and Threads share it) → the few ConnectorError kinds the
// publishing engine decides on. Graph answers `{"error":{"message","type","code","error_subcode","fbtrace_id"}}`
// (developers.facebook.com/docs/graph-api/guides/error-handling); rate limits come with the usage headers
// `X-App-Usage`, `X-Business-Use-Case-Usage` (with `estimated_time_to_regain_access` in minutes) and
// `X-Page-Usage` (developers.facebook.com/docs/graph-api/overview/rate-limiting). A write that timed out or got a
// 5xx after it was sent may have been made: `unknown_outcome` (reconcile through findPublished).
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import { ConnectorError, type ConnectorErrorKind } from '../connector.ts'

export type MetaPlatform = 'facebook' | 'instagram' | 'threads'
/** `write`: a request that creates something when it succeeds (a post, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

export const PLATFORM_LABEL: Record<MetaPlatform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
}

/** When no header says how long to wait (X-App-Usage is a rolling hour without a reset time). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000

export interface GraphErrorBody {
  message?: string
  type?: string
  code?: number
  error_subcode?: number
  is_transient?: boolean
  error_user_msg?: string
  fbtrace_id?: string
}

/** One row: a Graph error code (and subcode, when it matters) → kind and reason. First match wins. */
export interface MetaErrorRow {
  code: number
  subcode?: number
  kind: ConnectorErrorKind
  reason: MessageKey
  /** For rate limits: the app-wide limit (code 4) holds every account back. */
  scope?: 'account' | 'platform'
  /**
   * The platform says the request made nothing (it found nothing to act on), so even a write keeps this row's kind
   * and is safe to send again, instead of becoming `unknown_outcome`.
   */
  nothingMade?: boolean
  note: string
}

export const META_ERROR_TABLE: readonly MetaErrorRow[] = [
  {
    code: 190,
    kind: 'auth_expired',
    reason: 'meta.token_expired',
    note: 'OAuthException: token invalid/expired (subcodes 458–467, 492)',
  },
  {
    code: 102,
    kind: 'auth_expired',
    reason: 'meta.token_expired',
    note: 'API session: the login session is gone',
  },
  {
    code: 10,
    kind: 'auth_expired',
    reason: 'meta.permission_missing',
    note: 'permission denied (not granted or not approved)',
  },
  {
    code: 200,
    kind: 'auth_expired',
    reason: 'meta.permission_missing',
    note: 'permission error (200–299 family)',
  },
  {
    code: 4,
    kind: 'rate_limited',
    reason: 'meta.rate_limited',
    scope: 'platform',
    note: 'application request limit (X-App-Usage)',
  },
  { code: 17, kind: 'rate_limited', reason: 'meta.rate_limited', note: 'user request limit' },
  { code: 32, kind: 'rate_limited', reason: 'meta.rate_limited', note: 'Page request limit (X-Page-Usage)' },
  { code: 613, kind: 'rate_limited', reason: 'meta.rate_limited', note: 'calls within one hour exceeded' },
  { code: 80001, kind: 'rate_limited', reason: 'meta.rate_limited', note: 'Pages Business Use Case limit' },
  {
    code: 80002,
    kind: 'rate_limited',
    reason: 'meta.rate_limited',
    note: 'Instagram Business Use Case limit',
  },
  {
    code: 9,
    subcode: 2207042,
    kind: 'rate_limited',
    reason: 'meta.publishing_limit_hit',
    note: 'Instagram: 24 h publishing limit reached',
  },
  {
    code: 368,
    kind: 'rejected',
    reason: 'meta.policy_blocked',
    note: 'temporarily blocked for policy violations',
  },
  { code: 506, kind: 'rejected', reason: 'meta.duplicate_post', note: 'duplicate status message' },
  {
    code: 100,
    subcode: 33,
    kind: 'rejected',
    reason: 'meta.not_found',
    note: 'object does not exist or cannot be loaded',
  },
  { code: 803, kind: 'rejected', reason: 'meta.not_found', note: 'alias does not exist' },
  {
    code: 9004,
    subcode: 2207052,
    kind: 'rejected',
    reason: 'meta.media_fetch_failed',
    note: 'Instagram could not fetch the media URL',
  },
  {
    code: 9004,
    kind: 'rejected',
    reason: 'meta.media_fetch_failed',
    note: 'Facebook could not fetch the media URL',
  },
  { code: 352, kind: 'rejected', reason: 'meta.media_unsupported', note: 'video file format not supported' },
  {
    code: 36003,
    kind: 'rejected',
    reason: 'meta.media_unsupported',
    note: 'Instagram: aspect ratio not supported',
  },
  { code: 100, kind: 'rejected', reason: 'meta.invalid_request', note: 'invalid parameter' },
  {
    code: 24,
    subcode: 4279009,
    kind: 'unavailable',
    reason: 'meta.container_not_found',
    nothingMade: true,
    note: 'Threads: media container not found yet (threads_publish too soon after creating it)',
  },
  {
    code: 1,
    kind: 'unavailable',
    reason: 'meta.unavailable',
    note: 'API unknown (transient); a write: unknown_outcome',
  },
  {
    code: 2,
    kind: 'unavailable',
    reason: 'meta.unavailable',
    note: 'service temporarily unavailable; a write: unknown_outcome',
  },
]

function rowFor(error: GraphErrorBody): MetaErrorRow | undefined {
  const code = error.code ?? -1
  return (
    META_ERROR_TABLE.find((row) => row.code === code && row.subcode === error.error_subcode) ??
    META_ERROR_TABLE.find((row) => row.code === code && row.subcode === undefined) ??
    (code >= 200 && code < 300 ? META_ERROR_TABLE.find((row) => row.code === 200) : undefined)
  )
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

/**
 * When to try again after a rate limit: the longest `estimated_time_to_regain_access` (minutes) in
 * X-Business-Use-Case-Usage, else Retry-After, else a default wait (X-App-Usage and X-Page-Usage only give
 * percentages of a rolling hour).
 */
export function retryAtFromUsage(headers: Headers, now: Date): Date {
  const buc = parseJson(headers.get('x-business-use-case-usage'))
  let minutes = 0
  if (buc && typeof buc === 'object')
    for (const entries of Object.values(buc as Record<string, unknown>))
      if (Array.isArray(entries))
        for (const entry of entries) {
          const value = (entry as { estimated_time_to_regain_access?: unknown })
            .estimated_time_to_regain_access
          if (typeof value === 'number' && value > minutes) minutes = value
        }
  if (minutes > 0) return new Date(now.getTime() + minutes * 60_000)
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter && /^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000)
  return new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS)
}

/** The ConnectorError for a Graph answer that was not 2xx. */
export function graphErrorToConnectorError(
  platform: MetaPlatform,
  status: number,
  body: unknown,
  headers: Headers,
  effect: RequestEffect,
  now: Date,
): ConnectorError {
  const label = PLATFORM_LABEL[platform]
  const error = (body as { error?: GraphErrorBody } | undefined)?.error ?? {}
  const platformCode =
    error.code === undefined
      ? `http_${status}`
      : error.error_subcode === undefined
        ? String(error.code)
        : `${error.code}/${error.error_subcode}`
  const details = { platformCode, platformMessage: error.message ?? `HTTP ${status}` }
  const row = error.code === undefined ? undefined : rowFor(error)

  if (row?.kind === 'rate_limited' || (!row && status === 429)) {
    const retryAt = retryAtFromUsage(headers, now)
    return new ConnectorError('rate_limited', `${label} is rate limiting (${platformCode})`, {
      ...details,
      retryAt,
      rateLimitScope: row?.scope ?? 'account',
      reason: {
        key: row?.reason ?? 'meta.rate_limited',
        params: { platform: label, retryAt: retryAt.toISOString() },
      },
    })
  }
  if (row && row.kind !== 'unavailable')
    return new ConnectorError(row.kind, `${label} refused: ${details.platformMessage}`, {
      ...details,
      reason: { key: row.reason, params: { platform: label } },
    })
  if (row || status >= 500 || error.is_transient === true) {
    // A write answered with a server failure may have been made before it failed.
    if (effect === 'write' && status !== 503 && row?.nothingMade !== true)
      return new ConnectorError('unknown_outcome', `${label} answered ${status} to a write`, {
        ...details,
        reason: { key: 'meta.unknown_outcome', params: { platform: label } },
      })
    return new ConnectorError('unavailable', `${label} answered ${status}`, {
      ...details,
      reason: { key: row?.reason ?? 'meta.unavailable', params: { platform: label } },
    })
  }
  if (status === 401)
    return new ConnectorError('auth_expired', `${label} answered 401`, {
      ...details,
      reason: { key: 'meta.token_expired', params: { platform: label } },
    })
  if (status === 404)
    return new ConnectorError('rejected', `${label} answered 404`, {
      ...details,
      reason: { key: 'meta.not_found', params: { platform: label } },
    })
  return new ConnectorError('rejected', `${label} refused: ${details.platformMessage}`, {
    ...details,
    reason: { key: 'meta.refused', params: { platform: label } },
  })
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** A fetch that threw (no answer): a write may have arrived unless the connection never opened. */
export function networkErrorToConnectorError(
  platform: MetaPlatform,
  error: unknown,
  effect: RequestEffect,
): ConnectorError {
  const label = PLATFORM_LABEL[platform]
  let notSent = false
  let current: unknown = error
  for (let depth = 0; depth < 10 && current; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) notSent = true
    current = current instanceof Error ? current.cause : undefined
  }
  if (effect === 'read' || notSent)
    return new ConnectorError('unavailable', `${label} could not be reached`, {
      cause: error,
      reason: { key: 'meta.unavailable', params: { platform: label } },
    })
  return new ConnectorError('unknown_outcome', `${label} did not answer a write it may have received`, {
    cause: error,
    reason: { key: 'meta.unknown_outcome', params: { platform: label } },
  })
}
