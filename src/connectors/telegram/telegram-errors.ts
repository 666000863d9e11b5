// The Telegram connector's one error table: a Bot API answer (`ok: false`, `error_code`, `description`,
// `parameters.retry_after`) or a network failure → the few ConnectorError kinds the publishing engine decides on.
// The Bot API has no stable machine codes beyond the HTTP-like `error_code`, so 400s are told apart by their
// documented description text (core.telegram.org/bots/api#making-requests, and the descriptions the API answers).
// A write (a post, a reply) that timed out or got a 5xx may have been made: `unknown_outcome`, reconciled through
// findPublished; a read, or a failure before a byte left, is `unavailable`.
import { GrammyError, HttpError } from 'grammy'
import { ConnectorError } from '../connector.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'

/** `write`: a request that creates something when it succeeds (a post, a reply); everything else is `read`. */
export type RequestEffect = 'read' | 'write'

export const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000

type Reason = { key: MessageKey; params?: Record<string, string | number> }

/** One row per refusal Warta tells apart; the first row whose pattern matches the description wins. */
interface Row {
  status: number
  pattern: RegExp
  kind: 'auth_expired' | 'rejected'
  reason: Reason
}

export const TELEGRAM_ERROR_TABLE: readonly Row[] = [
  // 401: the token was revoked or replaced in @BotFather.
  { status: 401, pattern: /./, kind: 'auth_expired', reason: { key: 'telegram.token_revoked' } },
  // 403: "bot was kicked from the channel chat", "bot is not a member of the channel chat", "bot was blocked by the user".
  { status: 403, pattern: /./, kind: 'auth_expired', reason: { key: 'telegram.bot_removed' } },
  // 409: "Conflict: can't use getUpdates method while webhook is active" (another program owns the bot's updates).
  { status: 409, pattern: /./, kind: 'rejected', reason: { key: 'telegram.webhook_active' } },
  { status: 400, pattern: /chat not found/i, kind: 'rejected', reason: { key: 'telegram.chat_not_found' } },
  {
    status: 400,
    pattern: /not enough rights|need administrator rights|CHAT_ADMIN_REQUIRED|CHAT_WRITE_FORBIDDEN/i,
    kind: 'rejected',
    reason: { key: 'telegram.bot_not_admin' },
  },
  {
    status: 400,
    pattern: /caption is too long/i,
    kind: 'rejected',
    reason: { key: 'telegram.caption_too_long', params: { maximum: 1024, length: 0 } },
  },
  {
    status: 400,
    pattern: /message is too long|text is too long/i,
    kind: 'rejected',
    reason: { key: 'telegram.text_too_long', params: { maximum: 4096 } },
  },
  {
    status: 400,
    pattern: /message can't be deleted/i,
    kind: 'rejected',
    reason: { key: 'telegram.delete_too_old' },
  },
  {
    status: 400,
    pattern: /message to (delete|edit|reply|be replied) not found|message not found|MESSAGE_ID_INVALID/i,
    kind: 'rejected',
    reason: { key: 'telegram.message_not_found' },
  },
  {
    status: 400,
    pattern:
      /PHOTO_|IMAGE_PROCESS_FAILED|wrong file|file is too big|failed to get HTTP URL content|wrong type of the web page content|VIDEO_|group send failed/i,
    kind: 'rejected',
    reason: { key: 'telegram.media_refused' },
  },
  // Anything else the API refused for good (400 and other 4xx).
  { status: 0, pattern: /./, kind: 'rejected', reason: { key: 'telegram.request_refused' } },
]

// Failures before a byte of the request left: Telegram cannot have acted on it.
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
    if (current instanceof HttpError) current = current.error
    else current = current instanceof Error ? current.cause : undefined
  }
  return chain
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** The row of the table for a Bot API refusal. */
export function rowFor(status: number, description: string): Row {
  return (
    TELEGRAM_ERROR_TABLE.find((row) => row.status === status && row.pattern.test(description)) ??
    TELEGRAM_ERROR_TABLE.find((row) => row.status === 0 && row.pattern.test(description))!
  )
}

/** The ConnectorError for anything a Bot API call threw; a ConnectorError anywhere in the cause chain wins. */
export function toConnectorError(error: unknown, effect: RequestEffect, now: Date): ConnectorError {
  const chain = causes(error)
  const own = chain.find((item): item is ConnectorError => item instanceof ConnectorError)
  if (own) return own

  const api = chain.find((item): item is GrammyError => item instanceof GrammyError)
  if (api) {
    const platform = {
      platformCode: String(api.error_code),
      platformMessage: api.description,
      cause: error,
    }
    if (api.error_code === 429) {
      const seconds = api.parameters?.retry_after
      const retryAt =
        typeof seconds === 'number'
          ? new Date(now.getTime() + seconds * 1000)
          : new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS)
      return new ConnectorError('rate_limited', 'Telegram is limiting this bot', {
        ...platform,
        retryAt,
        reason: { key: 'telegram.rate_limited', params: { retryAt: retryAt.toISOString() } },
      })
    }
    if (api.error_code >= 500) {
      if (effect === 'read')
        return new ConnectorError('unavailable', `Telegram answered ${api.error_code}`, {
          ...platform,
          reason: { key: 'telegram.unavailable' },
        })
      return unknownOutcome(`Telegram answered ${api.error_code} to a write`, platform)
    }
    const row = rowFor(api.error_code, api.description)
    return new ConnectorError(row.kind, `Telegram refused the request: ${api.description}`, {
      ...platform,
      reason: row.reason,
    })
  }

  // No answer: the connection failed, or the request timed out (grammy's HttpError).
  const notSent = chain.some((item) => NOT_SENT_CODES.has(errorCode(item) ?? ''))
  const platform = { platformMessage: error instanceof Error ? error.message : String(error), cause: error }
  if (effect === 'read' || notSent)
    return new ConnectorError('unavailable', 'Telegram could not be reached', {
      ...platform,
      reason: { key: 'telegram.unavailable' },
    })
  return unknownOutcome('Telegram did not answer a write it may have received', platform)
}

function unknownOutcome(
  message: string,
  platform: { platformCode?: string; platformMessage?: string; cause: unknown },
): ConnectorError {
  return new ConnectorError('unknown_outcome', message, {
    ...platform,
    reason: { key: 'telegram.unknown_outcome' },
  })
}
