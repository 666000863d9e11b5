// Mastodon through `masto` (its one importer), for one account on one instance. Credentials are the instance's
// address and an access token the office made in Preferences → Development (docs/platforms/mastodon.md says why
// a token and not OAuth). Statuses are addressed by the instance's own id (platformPostId, Interaction.externalId).
// platforms.md §3.8 and §7 list the facts this follows; mastodon-errors.ts maps every failure to a kind.
//
// - publish: media through POST /api/v2/media (202 while processing → poll GET /api/v1/media/:id until `url`),
//   then POST /api/v1/statuses with the request's idempotency key as Mastodon's `Idempotency-Key` header (the
//   instance answers the first status for a repeated key for about an hour).
// - findPublished: the account's own statuses since `since` (Link pagination), matched on the text as sent and the
//   number of attachments: Mastodon keeps no client marker on a status, and a marker in the text is not acceptable.
// - fetchInteractions: mention notifications (replies to the account mention it; direct messages are mentions with
//   `direct` visibility). The cursor is the newest notification id read; the next call reads forward from it with
//   `min_id` and follows the `prev` Link, the first call reads back through `next` Links (bounded).
import { createRestAPIClient, type mastodon } from 'masto'
import { createHash } from 'node:crypto'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type ConnectorFactory,
  type Interaction,
  type InteractionPage,
  type MediaItem,
  type PostMetrics,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import { toConnectorError, type RequestEffect } from './mastodon-errors.ts'
import { countText } from '../../shared/count-text.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import { comparable, plainText, withoutLeadingMention } from './mastodon-text.ts'

/** Mastodon's default; an instance may allow more (GET /api/v2/instance), never fewer without refusing with 422. */
const MAX_CHARACTERS = PLATFORM_RULES.mastodon.maxTextLength
const MAX_IMAGES = PLATFORM_RULES.mastodon.maxImages
const IMAGE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/avif',
])
const VIDEO_TYPES = new Set(['video/mp4', 'video/webm', 'video/quicktime'])
const NOTIFICATION_PAGE = 40
/** How many pages one fetchInteractions call reads before it stops (the next call continues from its cursor). */
const MAX_NOTIFICATION_PAGES = 10
const STATUS_PAGE = 40
/** How far back findPublished reads the account's statuses before it gives up. */
const MAX_STATUS_PAGES = 5
/** A status' created_at is the instance's clock: accept one a little older than `since`. */
const CLOCK_SLACK_MS = 5 * 60_000

export const MASTODON_CAPABILITIES: ConnectorCapabilities = {
  // Counted as the instance counts: graphemes, every link as 23, a remote mention without its domain.
  ...postingCapabilitiesOf('mastodon'),
  readComments: true,
  readMentions: true,
  // Direct messages are mentions with `direct` visibility: they arrive through the same notifications.
  readDirectMessages: true,
  reply: true,
  // An account owner cannot hide or delete other people's replies on Mastodon (block, mute and report only).
  hideReply: false,
  deleteReply: false,
  deleteOwnPost: true,
  metrics: ['likes', 'shares', 'replies'],
}

export interface MastodonConnectorOptions {
  /** Deadline of one HTTP request; after it, a write is `unknown_outcome`, a read `unavailable`. */
  timeoutMs?: number
  /** Wait between two looks at media still being processed. */
  mediaPollIntervalMs?: number
  /** How many looks before the media counts as not ready (`unavailable`, try later). */
  mediaPollAttempts?: number
}

interface Me {
  id: string
  username: string
  acct: string
}

function rejected(reason: NonNullable<ConnectorError['reason']>, message: string): ConnectorError {
  return new ConnectorError('rejected', message, { reason })
}

/** An https address (http only for this machine, for tests); the instance's origin. */
export function instanceOrigin(value: string | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null
    return url.origin
  } catch {
    return null
  }
}

/** Mastodon ids are decimal snowflakes in strings: compare them as numbers without losing digits. */
function newerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b
}

function fileName(item: MediaItem, index: number): string {
  const extension = item.mimeType.split('/')[1]?.replace('quicktime', 'mov').replace('jpeg', 'jpg') ?? 'bin'
  return `warta-${index + 1}.${extension}`
}

function published(status: mastodon.v1.Status): PublishedPost {
  return { platformPostId: status.id, url: status.url ?? status.uri, publishedAt: new Date(status.createdAt) }
}

function idempotencyHeader(key: string): { requestInit: { headers: Record<string, string> } } {
  return { requestInit: { headers: { 'Idempotency-Key': key } } }
}

export class MastodonConnector implements Connector {
  readonly platform = 'mastodon'
  readonly capabilities = MASTODON_CAPABILITIES
  private readonly client: mastodon.rest.Client
  private readonly host: string
  /** Set when the stored credentials lack the instance or the token: every call then says so. */
  private readonly missing: ConnectorError | undefined
  private me: Me | undefined
  private readonly pollIntervalMs: number
  private readonly pollAttempts: number

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: MastodonConnectorOptions = {}) {
    this.context = context
    const origin = instanceOrigin(context.credentials.instanceUrl)
    const accessToken = context.credentials.accessToken
    this.missing =
      origin && accessToken
        ? undefined
        : new ConnectorError('auth_expired', 'the Mastodon instance address or access token is missing', {
            reason: { key: 'mastodon.credentials_missing' },
          })
    const url = origin ?? 'https://mastodon.invalid'
    this.host = new URL(url).host
    // masto calls the global fetch (ConnectorContext.fetch cannot be passed in); tests intercept it with msw.
    this.client = createRestAPIClient({
      url,
      accessToken: accessToken ?? '',
      timeout: options.timeoutMs ?? 30_000,
      log: 'error',
    })
    this.pollIntervalMs = options.mediaPollIntervalMs ?? 1_000
    this.pollAttempts = options.mediaPollAttempts ?? 60
  }

  /** Runs one step and turns whatever it throws into a ConnectorError. */
  private async call<T>(effect: RequestEffect, step: () => Promise<T>): Promise<T> {
    if (this.missing) throw this.missing
    try {
      return await step()
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now())
    }
  }

  private async account(): Promise<Me> {
    if (!this.me) {
      const data = await this.call('read', () => this.client.v1.accounts.verifyCredentials())
      this.me = { id: data.id, username: data.username, acct: data.acct }
    }
    return this.me
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const data = await this.call('read', () => this.client.v1.accounts.verifyCredentials())
    this.me = { id: data.id, username: data.username, acct: data.acct }
    return {
      platformAccountId: data.id,
      handle: this.fullAcct(data.acct),
      displayName: data.displayName || null,
    }
  }

  /** `name@instance`, the account registry's form of a Mastodon handle (a local acct has no domain). */
  private fullAcct(acct: string): string {
    return acct.includes('@') ? acct : `${acct}@${this.host}`
  }

  private checkText(text: string): void {
    const length = countText(text, 'mastodon')
    if (length > MAX_CHARACTERS)
      throw rejected(
        { key: 'mastodon.text_too_long', params: { length, maximum: MAX_CHARACTERS } },
        `the text counts ${length}, Mastodon takes ${MAX_CHARACTERS}`,
      )
  }

  private checkRequest(request: PublishRequest): void {
    this.checkText(request.text)
    if (request.text.trim() === '' && request.media.length === 0)
      throw rejected({ key: 'connectors.text_empty' }, 'empty post')
    const images = request.media.filter((item) => item.kind === 'image')
    const videos = request.media.filter((item) => item.kind === 'video')
    if (images.length > MAX_IMAGES || videos.length > 1 || (videos.length > 0 && images.length > 0))
      throw rejected(
        { key: 'mastodon.media_mixed', params: { maximum: MAX_IMAGES } },
        `${images.length} images and ${videos.length} videos: Mastodon takes ${MAX_IMAGES} images or one video`,
      )
    for (const item of request.media) {
      // Alt text is a capability here, so the composer requires it for images.
      if (item.kind === 'image' && item.altText.trim() === '')
        throw rejected({ key: 'connectors.alt_text_required' }, 'an image has no alt text')
      const accepted = item.kind === 'image' ? IMAGE_TYPES : VIDEO_TYPES
      if (!accepted.has(item.mimeType))
        throw rejected(
          { key: 'mastodon.validation_failed', params: { reason: `${item.mimeType}` } },
          `media type ${item.mimeType} is not accepted`,
        )
    }
  }

  /** Uploads one file and waits until the instance has processed it (202 → poll until `url`). */
  private async upload(item: MediaItem, index: number): Promise<string> {
    const bytes = await item.read()
    const file = new File([new Uint8Array(bytes)], fileName(item, index), { type: item.mimeType })
    // A repeated upload only leaves an unattached file the instance cleans up: safe to try again (`read`).
    let media = await this.call('read', () =>
      this.client.v2.media.create({
        file,
        ...(item.altText.trim() ? { description: item.altText.trim() } : {}),
        skipPolling: true,
      }),
    )
    for (let attempt = 0; !media.url; attempt += 1) {
      if (attempt >= this.pollAttempts)
        throw new ConnectorError('unavailable', `media ${media.id} still processing`, {
          reason: { key: 'mastodon.media_processing' },
        })
      await new Promise((resolve) => setTimeout(resolve, this.pollIntervalMs))
      const id = media.id
      media = await this.call('read', () => this.client.v1.media.$select(id).fetch())
    }
    return media.id
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    this.checkRequest(request)
    const mediaIds: string[] = []
    for (const [index, item] of request.media.entries()) mediaIds.push(await this.upload(item, index))
    const status = await this.call('write', () =>
      this.client.v1.statuses.create(
        {
          ...(request.text.trim() ? { status: request.text } : {}),
          ...(mediaIds.length > 0 ? { mediaIds } : {}),
          visibility: 'public',
        } as mastodon.rest.v1.CreateStatusParams,
        idempotencyHeader(request.idempotencyKey),
      ),
    )
    return published(status)
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    const me = await this.account()
    const target = comparable(request.text)
    const oldest = since.getTime() - CLOCK_SLACK_MS
    let found: mastodon.v1.Status | null = null
    await this.call('read', async () => {
      let pages = 0
      const paginator = this.client.v1.accounts
        .$select(me.id)
        .statuses.list({ limit: STATUS_PAGE, excludeReblogs: true })
      for await (const page of paginator) {
        for (const status of page) {
          if (new Date(status.createdAt).getTime() < oldest) return
          if (
            comparable(plainText(status.content)) === target &&
            status.mediaAttachments.length === request.media.length
          )
            found = status // newest first: the last match is the first publication
        }
        pages += 1
        if (page.length === 0 || pages >= MAX_STATUS_PAGES) return
      }
    })
    return found ? published(found) : null
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    if (cursor !== null && !/^\d+$/.test(cursor))
      throw rejected({ key: 'mastodon.validation_failed', params: { reason: 'cursor' } }, 'not a cursor')
    const me = await this.account()
    const items: Interaction[] = []
    let newest: string | null = null
    await this.call('read', async () => {
      const list = this.client.v1.notifications.list({
        types: ['mention'],
        limit: NOTIFICATION_PAGE,
        ...(cursor ? { minId: cursor } : {}),
      })
      // After a cursor: forward through `prev` Links (min_id); the first time: back through `next` Links (max_id).
      const pages = cursor ? list.setDirection('prev') : list
      let read = 0
      for await (const page of pages) {
        for (const notification of page) {
          if (!newest || newerId(notification.id, newest)) newest = notification.id
          const status = notification.status
          if (!status || notification.account.id === me.id) continue
          items.push(this.interactionOf(notification, status, me))
        }
        read += 1
        if (page.length === 0 || read >= MAX_NOTIFICATION_PAGES) return
      }
    })
    items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()) // oldest first, as they happened
    // The cursor moves only past what was read; null says nothing new came since `cursor` (keep polling with it).
    return { items, cursor: newest }
  }

  private interactionOf(
    notification: mastodon.v1.Notification,
    status: mastodon.v1.Status,
    me: Me,
  ): Interaction {
    const kind: Interaction['kind'] =
      status.visibility === 'direct' ? 'direct_message' : status.inReplyToId ? 'reply' : 'mention'
    return {
      externalId: status.id,
      kind,
      author: {
        externalId: notification.account.id,
        handle: this.fullAcct(notification.account.acct),
        displayName: notification.account.displayName || null,
      },
      text: withoutLeadingMention(plainText(status.content), me.username),
      createdAt: new Date(status.createdAt),
      url: status.url ?? status.uri,
      parentExternalId: status.inReplyToId ?? null,
      // Mastodon does not name a thread's top; the context endpoint would cost a request per item.
      rootExternalId: null,
    }
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
    options: { idempotencyKey?: string } = {},
  ): Promise<PublishedPost> {
    if (text.trim() === '') throw rejected({ key: 'connectors.text_empty' }, 'empty reply')
    const me = await this.account()
    const parent = await this.call('read', () => this.client.v1.statuses.$select(to.externalId).fetch())
    // A reply reaches its parent's author only through a mention, as Mastodon's own clients write it.
    const author = parent.account.acct
    const mentioned = new RegExp(`(^|\\s)@${author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'iu')
    const full = parent.account.id === me.id || mentioned.test(text) ? text : `@${author} ${text}`
    this.checkText(full)
    // The same reply (our reply's id) or, without one, the same answer to the same item within the instance's hour
    // is one status, however often it is sent.
    const key =
      options.idempotencyKey ?? createHash('sha256').update(`reply\n${to.externalId}\n${full}`).digest('hex')
    const status = await this.call('write', () =>
      this.client.v1.statuses.create(
        // The reply keeps its parent's audience: a direct message is answered directly, a public one publicly.
        { status: full, inReplyToId: parent.id, visibility: parent.visibility },
        idempotencyHeader(key),
      ),
    )
    return published(status)
  }

  async hideReply(_externalId: string): Promise<void> {
    throw rejected({ key: 'mastodon.moderation_unsupported' }, "Mastodon cannot hide other people's replies")
  }

  async deleteReply(_externalId: string): Promise<void> {
    throw rejected(
      { key: 'mastodon.moderation_unsupported' },
      "Mastodon cannot delete other people's replies",
    )
  }

  async deletePost(platformPostId: string): Promise<void> {
    // Deleting a status that is already gone succeeds: a repeated delete is harmless.
    await this.call('read', async () => {
      try {
        await this.client.v1.statuses.$select(platformPostId).remove()
      } catch (error) {
        if (toConnectorError(error, 'read', this.context.now()).reason?.key !== 'mastodon.status_not_found')
          throw error
      }
    })
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    for (const id of platformPostIds) {
      const status = await this.call('read', async () => {
        try {
          return await this.client.v1.statuses.$select(id).fetch()
        } catch (error) {
          if (toConnectorError(error, 'read', this.context.now()).reason?.key === 'mastodon.status_not_found')
            return null
          throw error
        }
      })
      // A status the instance no longer has (deleted) is left out rather than reported as zeros.
      if (!status) continue
      metrics.set(id, {
        likes: status.favouritesCount,
        shares: status.reblogsCount,
        replies: status.repliesCount,
        quotes: null,
        views: null,
      })
    }
    return metrics
  }
}

export function createMastodonConnectorFactory(options: MastodonConnectorOptions = {}): ConnectorFactory {
  return (context) => new MastodonConnector(context, options)
}

export const createMastodonConnector: ConnectorFactory = createMastodonConnectorFactory()
