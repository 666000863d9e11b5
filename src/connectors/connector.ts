// The one interface every platform connector implements (house-style.md "Connector contract"), and the one error
// it throws. A connector speaks to one account on one platform; it maps the platform's JSON to these types before
// anything leaves its folder, so publishing, the inbox and the account health never see a platform's shapes.
//
// Connectors import nothing from the app but src/shared (tests/unit/layering.test.ts). What they need from the
// app (the account's credentials, a way to store refreshed ones, the clock, HTTP) comes in through
// ConnectorContext when the connector is made; adding a platform is adding a folder and one registry line.
import type { MessageKey } from '../shared/messages/catalogue.ts'
import type { MessageParams } from '../shared/messages/format-message.ts'
import type { TextCounting } from '../shared/platform-rules.ts'

/**
 * What went wrong, in the few kinds the publishing engine decides on (and nothing else):
 * - `auth_expired`: the credentials no longer work; ask the penanggung jawab to reconnect, never retry blindly.
 * - `rate_limited`: wait until `retryAt` (from `Retry-After` or the platform's usage headers), then try again.
 * - `rejected`: the platform refused this content for good (too long, bad media, policy); `reason` says why in
 *   the catalogue's words, `platformMessage` keeps the platform's own text for the log.
 * - `unavailable`: the platform did not take the request (5xx before acceptance, connection refused); retry later
 *   with backoff.
 * - `unknown_outcome`: the request may have been accepted (timeout or 5xx after sending a write); never send it
 *   again blindly: mark `unconfirmed` and reconcile through `findPublished`.
 */
export const CONNECTOR_ERROR_KINDS = [
  'auth_expired',
  'rate_limited',
  'rejected',
  'unavailable',
  'unknown_outcome',
] as const
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number]

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind
  /** For `rate_limited` (and `unavailable` when the platform says so): the earliest time to try again. */
  readonly retryAt: Date | undefined
  /**
   * For `rate_limited`: whom the limit holds back — this account (the default), or every account of the platform
   * (an app-wide or address-wide limit, when the platform says so): the engine pauses that scope until `retryAt`.
   */
  readonly rateLimitScope: 'account' | 'platform'
  /** Why, for a person, in the shared catalogue (src/shared/messages). */
  readonly reason: { key: MessageKey; params?: MessageParams } | undefined
  /** The platform's own code and text, for the log and the account's health; never shown as the only reason. */
  readonly platformCode: string | undefined
  readonly platformMessage: string | undefined

  constructor(
    kind: ConnectorErrorKind,
    message: string,
    details: {
      retryAt?: Date
      rateLimitScope?: 'account' | 'platform'
      reason?: { key: MessageKey; params?: MessageParams }
      platformCode?: string
      platformMessage?: string
      cause?: unknown
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'ConnectorError'
    this.kind = kind
    this.retryAt = details.retryAt
    this.rateLimitScope = details.rateLimitScope ?? 'account'
    this.reason = details.reason
    this.platformCode = details.platformCode
    this.platformMessage = details.platformMessage
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError
}

/**
 * What a platform can do, so the UI never offers what it cannot (platforms.md §7). The text and media fields come
 * from the shared table of platform rules (posting-rules.ts); the rest is the connector's own.
 */
export interface ConnectorCapabilities {
  /** The longest text, counted as the platform counts it (src/shared/count-text.ts `countText`). */
  maxTextLength: number
  /** How the platform counts text (src/shared/platform-rules.ts TEXT_COUNTINGS). */
  textCounting: TextCounting
  maxImages: number
  video: boolean
  /** Alt text is sent with images (the composer then requires it). */
  altText: boolean
  readComments: boolean
  readMentions: boolean
  readDirectMessages: boolean
  reply: boolean
  /** Hide a reply by someone else (Bluesky threadgate, Facebook/Instagram is_hidden, X hidden replies). */
  hideReply: boolean
  /** Delete a reply by someone else (Facebook, Instagram, YouTube reject, Telegram < 48 h). */
  deleteReply: boolean
  deleteOwnPost: boolean
  /** The metrics `fetchMetrics` fills (a subset of PostMetrics' keys). */
  metrics: readonly (keyof PostMetrics)[]
}

export interface MediaItem {
  kind: 'image' | 'video'
  mimeType: string
  /** The file's bytes, read when the connector needs them. */
  read: () => Promise<Uint8Array>
  byteLength: number
  altText: string
  /** A public address of the file, for platforms that download media themselves (Instagram, TikTok). */
  publicUrl?: string
}

export interface PublishRequest {
  /**
   * The (post, account) id: the same request always carries the same key, so a connector whose platform honours
   * one sends it, and `findPublished` can recognise the post later.
   */
  idempotencyKey: string
  text: string
  media: readonly MediaItem[]
}

export interface PublishedPost {
  platformPostId: string
  url: string
  publishedAt: Date
}

/** A comment, reply, mention, quote or direct message someone else sent to the account. */
export interface Interaction {
  /** The platform's id, unique per platform (the inbox keys on platform + externalId). */
  externalId: string
  kind: 'comment' | 'reply' | 'mention' | 'quote' | 'direct_message'
  author: { externalId: string; handle: string; displayName: string | null }
  text: string
  createdAt: Date
  url: string | null
  /** The item it answers, and the top of its thread (a platform conversation id). */
  parentExternalId: string | null
  rootExternalId: string | null
}

export interface InteractionPage {
  items: Interaction[]
  /** Pass back to get what came after; null when there is nothing more for now. */
  cursor: string | null
}

export interface PostMetrics {
  likes: number | null
  shares: number | null
  replies: number | null
  quotes: number | null
  views: number | null
}

/**
 * A platform's own count of what the account may still publish, as the platform reports it (Instagram's
 * `content_publishing_limit`, Threads' `threads_publishing_limit`): `used` of `total` in a moving window.
 */
export interface PublishingQuota {
  used: number
  total: number
  windowSeconds: number
}

/**
 * One API call that counts against a quota the platform does not report back (YouTube's 10,000 daily units per
 * project): the connector tells the app through `ConnectorContext.meter`, and the app adds the calls up per day.
 */
export interface MeteredCall {
  /** The platform's name for the method, e.g. `videos.insert`. */
  method: string
  units: number
}

/**
 * How fast the inbox may poll an account while it is hot (a post just published, a citizen just wrote): declared
 * by platforms without webhooks whose read limits allow it. The interval stretches when many accounts are hot at
 * once, so that together they stay within `requestsPerMinute` (a share of the platform's read limit, leaving the
 * rest to publishing, metrics and replies).
 */
export interface HotPolling {
  /** The shortest time between two polls of one hot account. */
  intervalMs: number
  /** Read requests per minute the deployment spends on hot polls of this platform, all its accounts together. */
  requestsPerMinute: number
}

/** Credentials as stored (encrypted at rest by the app): the connector alone knows their shape. */
export type ConnectorCredentials = Readonly<Record<string, string>>

export interface ConnectorContext {
  /** The account on the platform: its handle as registered, and the platform's id once known. */
  account: { handle: string; platformAccountId: string | null }
  credentials: ConnectorCredentials
  /** Called when the connector refreshed its session; the app stores the new credentials atomically. */
  saveCredentials: (credentials: ConnectorCredentials) => Promise<void>
  now: () => Date
  /** HTTP, so tests can refuse every unexpected request; defaults to the global fetch. */
  fetch?: typeof fetch
  /** Told of each call that costs quota units (platforms with a metered quota); absent in tests that do not care. */
  meter?: (call: MeteredCall) => void
}

/** The interaction a reply answers, and the top of its thread. */
export interface ReplyTarget {
  externalId: string
  rootExternalId: string | null
}

export interface Connector {
  readonly platform: string
  readonly capabilities: ConnectorCapabilities
  /** Checks the credentials and answers who they belong to (used when connecting an account and for health). */
  verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }>
  publish(request: PublishRequest): Promise<PublishedPost>
  /**
   * The post this account published for the request, or null when it did not: how an `unconfirmed` publication
   * is reconciled (by reading the account, never by publishing again blindly).
   */
  findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null>
  fetchInteractions(cursor: string | null): Promise<InteractionPage>
  /**
   * Answers an interaction. `idempotencyKey` is our reply's id: a connector whose platform honours a key sends it
   * (the same key answers the same reply and never makes a second), so a retry after an unknown outcome is safe there.
   */
  reply(to: ReplyTarget, text: string, options?: { idempotencyKey?: string }): Promise<PublishedPost>
  /**
   * Our reply under `to`, where the connector can read the thread: how a reply stuck in `sending` (the process died
   * after calling the platform) or `unconfirmed` is reconciled — by reading, never by replying again. Null when it
   * is not there. Absent when the platform's thread cannot be read back.
   */
  findReply?(
    to: ReplyTarget,
    request: { idempotencyKey: string; text: string },
    since: Date,
  ): Promise<PublishedPost | null>
  /** Throws `rejected` when the capability is missing; the UI should not have offered it. */
  hideReply(externalId: string): Promise<void>
  deleteReply(externalId: string): Promise<void>
  deletePost(platformPostId: string): Promise<void>
  fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>>
  /** The platform's publishing quota for the account, where the platform reports one (else absent). */
  publishingQuota?(): Promise<PublishingQuota | null>
}

export type ConnectorFactory = (context: ConnectorContext) => Connector
