// X Account Activity deliveries (platforms.md §4). Sources: docs.x.com "Account Activity API: securing webhooks"
// (CRC: GET ?crc_token=… answered with {"response_token": "sha256=" + base64(HMAC-SHA256(consumer secret,
// crc_token))}; every POST signed in `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret,
// raw body)>`) and "Account Activity data objects" (for_user_id, tweet_create_events with v1.1 tweet objects,
// tweet_delete_events). X signs no timestamp: the app's de-duplication on `deliveryId` stops replays, and
// `sentAt` is the newest `timestamp_ms` inside the signed body, for the app's replay window.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Interaction } from '../connector.ts'
import type {
  WebhookEvent,
  WebhookRequest,
  WebhookSecrets,
  WebhookVerdict,
  WebhookVerifier,
} from '../webhook.ts'

const SIGNATURE_HEADER = 'x-twitter-webhooks-signature'
const PREFIX = 'sha256='

function sign(secret: string, data: Uint8Array | string): string {
  return PREFIX + createHmac('sha256', secret).update(data).digest('base64')
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The CRC answer for a `crc_token` (exported for the app's on-demand check and the tests). */
export function xCrcResponseToken(crcToken: string, consumerSecret: string): string {
  return sign(consumerSecret, crcToken)
}

interface V1User {
  id_str?: string
  screen_name?: string
  name?: string
}

interface V1Tweet {
  id_str?: string
  text?: string
  full_text?: string
  truncated?: boolean
  extended_tweet?: { full_text?: string; display_text_range?: [number, number] }
  display_text_range?: [number, number]
  created_at?: string
  timestamp_ms?: string
  user?: V1User
  in_reply_to_status_id_str?: string | null
  is_quote_status?: boolean
  quoted_status_id_str?: string
  retweeted_status?: unknown
}

interface ActivityBody {
  for_user_id?: string
  tweet_create_events?: V1Tweet[]
  tweet_delete_events?: { status?: { id?: string; user_id?: string }; timestamp_ms?: string }[]
  [key: string]: unknown
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

function textOf(tweet: V1Tweet): string {
  const full = tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? ''
  const range = tweet.extended_tweet?.display_text_range ?? tweet.display_text_range
  const chars = [...full]
  return unescapeText(range ? chars.slice(range[0], range[1]).join('') : full)
}

function interactionOf(tweet: V1Tweet): Interaction {
  const reply = tweet.in_reply_to_status_id_str ?? null
  const quote = tweet.is_quote_status ? (tweet.quoted_status_id_str ?? null) : null
  const handle = tweet.user?.screen_name ?? ''
  return {
    externalId: tweet.id_str ?? '',
    kind: reply ? 'reply' : quote ? 'quote' : 'mention',
    author: { externalId: tweet.user?.id_str ?? '', handle, displayName: tweet.user?.name ?? null },
    text: textOf(tweet),
    createdAt: tweet.timestamp_ms
      ? new Date(Number(tweet.timestamp_ms))
      : new Date(tweet.created_at ?? Date.now()),
    url: handle && tweet.id_str ? `https://x.com/${handle}/status/${tweet.id_str}` : null,
    parentExternalId: reply ?? quote,
    // Account Activity gives v1.1 objects, which carry no conversation id.
    rootExternalId: null,
  }
}

function eventsOf(body: ActivityBody): { events: WebhookEvent[]; sentAt: Date | null } {
  const account = body.for_user_id ?? null
  const events: WebhookEvent[] = []
  let newest = 0
  const seen = (stamp: string | undefined) => {
    if (stamp && /^\d+$/.test(stamp)) newest = Math.max(newest, Number(stamp))
  }
  for (const tweet of body.tweet_create_events ?? []) {
    seen(tweet.timestamp_ms)
    if (!account || !tweet.id_str || tweet.user?.id_str === account || tweet.retweeted_status)
      events.push({ kind: 'ignored', accountExternalId: account, type: 'tweet_create_events' })
    else events.push({ kind: 'interaction', accountExternalId: account, interaction: interactionOf(tweet) })
  }
  for (const deleted of body.tweet_delete_events ?? []) {
    seen(deleted.timestamp_ms)
    if (account && deleted.status?.id)
      events.push({ kind: 'interaction_deleted', accountExternalId: account, externalId: deleted.status.id })
  }
  for (const key of Object.keys(body))
    if (
      key !== 'for_user_id' &&
      key !== 'tweet_create_events' &&
      key !== 'tweet_delete_events' &&
      key !== 'user_has_blocked'
    )
      events.push({ kind: 'ignored', accountExternalId: account, type: key })
  return { events, sentAt: newest > 0 ? new Date(newest) : null }
}

export const X_WEBHOOK: WebhookVerifier = {
  platform: 'x',
  verify(request: WebhookRequest, secrets: WebhookSecrets, _now: Date): WebhookVerdict {
    if (request.method === 'GET') {
      const crc = request.query.crc_token
      if (!crc) return { kind: 'rejected', reason: 'malformed' }
      return {
        kind: 'handshake',
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ response_token: xCrcResponseToken(crc, secrets.signingSecret) }),
      }
    }
    const given = request.headers[SIGNATURE_HEADER]
    if (!given) return { kind: 'rejected', reason: 'missing_signature' }
    if (!given.startsWith(PREFIX) || !sameText(given, sign(secrets.signingSecret, request.rawBody)))
      return { kind: 'rejected', reason: 'bad_signature' }
    let body: ActivityBody
    try {
      const parsed: unknown = JSON.parse(Buffer.from(request.rawBody).toString('utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { kind: 'rejected', reason: 'malformed' }
      body = parsed as ActivityBody
    } catch {
      return { kind: 'rejected', reason: 'malformed' }
    }
    const { events, sentAt } = eventsOf(body)
    const deliveryId = createHash('sha256').update(request.rawBody).digest('hex')
    return { kind: 'accepted', deliveryId, sentAt, events }
  },
}
