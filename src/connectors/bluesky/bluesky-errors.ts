// XRPC errors, HTTP statuses and network failures → the few ConnectorError kinds the publishing engine decides on.
// What a failure means depends on the request: a read or an idempotent write (upload, delete, threadgate) that
// timed out can simply be tried again (`unavailable`), but a createRecord that timed out or failed with a 5xx may
// have made the post (`unknown_outcome`: reconcile through findPublished, never send it again blindly).
import { XRPCError } from '@atproto/api'
import { ConnectorError } from '../connector.ts'

/** `write`: a request that creates something when it succeeds (a post, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000

// Failures before a byte of the request left: the platform cannot have acted on it.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

// Errors the PDS answers when the session is gone for good (the refresh already failed, or never can succeed).
const AUTH_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthenticationRequired',
  'AuthMissing',
  'AccountTakedown',
  'AccountDeactivated',
  'InvalidPassword',
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

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** When to try again: `RateLimit-Reset` (epoch seconds), else `Retry-After` (seconds or an HTTP date). */
export function retryAtFrom(
  headers: Record<string, string | undefined> | undefined,
  now: Date,
): Date | undefined {
  const reset = headers?.['ratelimit-reset']
  if (reset && /^\d+$/.test(reset.trim())) {
    const at = new Date(Number(reset.trim()) * 1000)
    return at > now ? at : now
  }
  const retryAfter = headers?.['retry-after']?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000)
    const at = new Date(retryAfter)
    if (!Number.isNaN(at.getTime())) return at > now ? at : now
  }
  return undefined
}

function rejectedReason(error: XRPCError): ConnectorError['reason'] {
  const text = `${error.error} ${error.message}`
  const graphemes = /longer than (\d+) graphemes/i.exec(text)
  if (graphemes) return { key: 'bluesky.text_over_limit', params: { maximum: Number(graphemes[1]) } }
  if ((error.status as number) === 413 || /BlobTooLarge|too large/i.test(text))
    return { key: 'bluesky.image_too_large', params: { maximum: 2_000_000 } }
  if (/RecordNotFound|not found|could not locate/i.test(text)) return { key: 'bluesky.post_not_found' }
  return { key: 'bluesky.request_refused' }
}

/** The ConnectorError for anything a Bluesky call threw; a ConnectorError anywhere in the cause chain wins. */
export function toConnectorError(error: unknown, effect: RequestEffect, now: Date): ConnectorError {
  const chain = causes(error)
  const own = chain.find((item): item is ConnectorError => item instanceof ConnectorError)
  if (own) return own

  const xrpc = chain.find((item): item is XRPCError => item instanceof XRPCError)
  const platform = { platformCode: xrpc?.error, platformMessage: xrpc?.message, cause: error }
  const status: number = xrpc?.status ?? 0

  if (xrpc && (status === 401 || AUTH_ERRORS.has(xrpc.error)))
    return new ConnectorError('auth_expired', 'the Bluesky session no longer works', {
      ...platform,
      reason: { key: 'bluesky.session_expired' },
    })
  if (xrpc && status === 429) {
    const retryAt = retryAtFrom(xrpc.headers, now) ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS)
    return new ConnectorError('rate_limited', 'Bluesky is rate limiting this account', {
      ...platform,
      retryAt,
      reason: { key: 'bluesky.rate_limited', params: { retryAt: retryAt.toISOString() } },
    })
  }
  if (xrpc && status >= 400 && status < 500)
    return new ConnectorError('rejected', `Bluesky refused the request: ${xrpc.message}`, {
      ...platform,
      reason: rejectedReason(xrpc),
    })
  if (xrpc && status >= 500) {
    // 503 says the server did not take the request; any other 5xx to a write may come after the record was made.
    if (effect === 'read' || status === 503)
      return new ConnectorError('unavailable', `Bluesky answered ${status}`, {
        ...platform,
        retryAt: retryAtFrom(xrpc.headers, now),
        reason: { key: 'bluesky.unavailable' },
      })
    return unknownOutcome(`Bluesky answered ${status} to a write`, platform)
  }

  // No answer (XRPCError status 1 "Unknown", or a bare fetch failure) or an answer that failed validation.
  const notSent = chain.some((item) => NOT_SENT_CODES.has(errorCode(item) ?? ''))
  if (effect === 'read' || notSent)
    return new ConnectorError('unavailable', 'Bluesky could not be reached', {
      ...platform,
      reason: { key: 'bluesky.unavailable' },
    })
  return unknownOutcome('Bluesky did not answer a write it may have received', platform)
}

function unknownOutcome(
  message: string,
  platform: { platformCode?: string; platformMessage?: string; cause: unknown },
): ConnectorError {
  return new ConnectorError('unknown_outcome', message, {
    ...platform,
    reason: { key: 'bluesky.unknown_outcome' },
  })
}
