// Meta's webhooks (Facebook Pages and Instagram): the subscription handshake (`hub.mode=subscribe`,
// `hub.verify_token`, answer `hub.challenge` as plain text) and the `X-Hub-Signature-256: sha256=<hex>` HMAC with
// the app secret over the raw body, compared in constant time (platforms.md §4;
// developers.facebook.com/docs/graph-api/webhooks/getting-started). Meta gives no delivery id: the body's hash
// de-duplicates, and the newest `entry[].time` is when it was sent (the app's replay window).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type {
  WebhookEvent,
  WebhookRequest,
  WebhookSecrets,
  WebhookVerdict,
  WebhookVerifier,
} from '../webhook.ts'
import { graphTime } from './graph-client.ts'

/** Constant-time check of `sha256=<hex>` over the raw bytes; false for a missing or wrongly prefixed header. */
export function isValidMetaSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header?.startsWith('sha256=')) return false
  const expected = Buffer.from('sha256=' + createHmac('sha256', appSecret).update(rawBody).digest('hex'))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** One `changes[]` entry: its field and value (value shapes differ per field). */
export interface MetaChange {
  field: string
  value: Record<string, unknown>
}

/** How each platform reads its `changes[]` into events. */
export type MetaChangeReader = (
  accountExternalId: string,
  change: MetaChange,
  /** The entry's `time`: when a change carries no time of its own (Instagram comments). */
  entryTime: Date | null,
) => WebhookEvent

interface MetaDelivery {
  object?: unknown
  entry?: { id?: unknown; time?: unknown; changes?: unknown }[]
}

function epochToDate(value: number): Date {
  // Page deliveries give seconds; some Instagram deliveries give milliseconds.
  return new Date(value > 1e12 ? value : value * 1000)
}

export function createMetaWebhookVerifier(
  platform: 'facebook' | 'instagram',
  object: 'page' | 'instagram',
  readChange: MetaChangeReader,
): WebhookVerifier {
  return {
    platform,
    verify(request: WebhookRequest, secrets: WebhookSecrets, _now: Date): WebhookVerdict {
      if (request.method === 'GET') {
        const { query } = request
        if (query['hub.mode'] !== 'subscribe' || typeof query['hub.challenge'] !== 'string')
          return { kind: 'rejected', reason: 'malformed' }
        if (!secrets.verifyToken || !sameSecret(query['hub.verify_token'] ?? '', secrets.verifyToken))
          return { kind: 'rejected', reason: 'bad_verify_token' }
        return { kind: 'handshake', status: 200, contentType: 'text/plain', body: query['hub.challenge'] }
      }
      const header = request.headers['x-hub-signature-256']
      if (header === undefined || header === '') return { kind: 'rejected', reason: 'missing_signature' }
      if (!isValidMetaSignature(request.rawBody, header, secrets.signingSecret))
        return { kind: 'rejected', reason: 'bad_signature' }
      let delivery: MetaDelivery
      try {
        delivery = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as MetaDelivery
      } catch {
        return { kind: 'rejected', reason: 'malformed' }
      }
      if (delivery.object !== object || !Array.isArray(delivery.entry))
        return { kind: 'rejected', reason: 'malformed' }
      const events: WebhookEvent[] = []
      let sentAt: Date | null = null
      for (const entry of delivery.entry) {
        const account = typeof entry.id === 'string' ? entry.id : null
        const entryTime = typeof entry.time === 'number' ? epochToDate(entry.time) : null
        if (entryTime && (!sentAt || entryTime > sentAt)) sentAt = entryTime
        const changes = Array.isArray(entry.changes) ? (entry.changes as MetaChange[]) : []
        if (!account) {
          events.push({ kind: 'ignored', accountExternalId: null, type: 'entry_without_id' })
          continue
        }
        for (const change of changes) {
          if (typeof change?.field !== 'string' || typeof change.value !== 'object' || change.value === null)
            events.push({ kind: 'ignored', accountExternalId: account, type: 'malformed_change' })
          else events.push(readChange(account, change, entryTime))
        }
      }
      const deliveryId = createHash('sha256').update(request.rawBody).digest('hex')
      return { kind: 'accepted', deliveryId, sentAt, events }
    },
  }
}

/** A string field of a change value, or undefined. */
export function str(value: Record<string, unknown>, key: string): string | undefined {
  const found = value[key]
  return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : undefined
}

/** A time field (epoch seconds or Graph time text) of a change value. */
export function timeOf(value: Record<string, unknown>, key: string, fallback: Date): Date {
  const found = value[key]
  if (typeof found === 'number') return epochToDate(found)
  if (typeof found === 'string') return graphTime(found)
  return fallback
}
