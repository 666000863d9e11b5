// Deliveries a platform pushes (issue #8): Meta (Facebook, Instagram), X Account Activity, Telegram, TikTok. Each
// platform folder exports a WebhookVerifier; the app's one route (/api/webhooks/<platform>) keeps the raw body,
// hands it here, answers fast, de-duplicates, counts rejections and processes accepted events as a job. Checks run
// over the raw bytes (never re-serialised JSON) with constant-time comparison (platforms.md §4).
import type { Interaction } from './connector.ts'

export interface WebhookRequest {
  method: 'GET' | 'POST'
  /** The query string's parameters (a handshake: Meta's hub.*, X's crc_token). */
  query: Readonly<Record<string, string>>
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | undefined>>
  rawBody: Uint8Array
}

/** The deployment's secrets for the platform's webhooks (from its settings). */
export interface WebhookSecrets {
  /** The key of the signature: Meta's app secret, X's consumer secret, TikTok's client secret, Telegram's token. */
  signingSecret: string
  /** Meta's hub.verify_token, chosen when subscribing. */
  verifyToken?: string
}

/** Something that happened on an account, as a platform tells it. */
export type WebhookEvent =
  | {
      kind: 'interaction'
      /** The platform's id of the account it happened on (a Page id, a bot's chat, an X user id). */
      accountExternalId: string
      interaction: Interaction
    }
  | { kind: 'interaction_deleted'; accountExternalId: string; externalId: string }
  | { kind: 'interaction_edited'; accountExternalId: string; externalId: string; text: string }
  /** A delivery the app does not act on yet (kept for the count, not processed). */
  | { kind: 'ignored'; accountExternalId: string | null; type: string }

export type WebhookRejection =
  | 'missing_signature'
  | 'bad_signature'
  /** Older than the platform's tolerance (TikTok's `t`), or replayed (the app's de-duplication). */
  | 'stale'
  | 'bad_verify_token'
  | 'malformed'

export type WebhookVerdict =
  /** A subscription handshake answered as the platform asks (Meta's hub.challenge, X's CRC response token). */
  | { kind: 'handshake'; status: number; contentType: string; body: string }
  /**
   * Signature good: the events, and an id for de-duplication (the platform's delivery id, or a hash of the raw
   * body when it gives none) with the time it says it sent the delivery, for the replay window.
   */
  | { kind: 'accepted'; deliveryId: string; sentAt: Date | null; events: WebhookEvent[] }
  | { kind: 'rejected'; reason: WebhookRejection }

export interface WebhookVerifier {
  platform: string
  /** Pure: no I/O; the app de-duplicates deliveryId and enforces its replay window with `sentAt`. */
  verify(request: WebhookRequest, secrets: WebhookSecrets, now: Date): WebhookVerdict
}
