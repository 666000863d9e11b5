// Bluesky (AT Protocol) through @atproto/api, for one account on one PDS. Posts are app.bsky.feed.post records
// in the account's repository, addressed by AT URI (`at://did/app.bsky.feed.post/rkey`), which is the
// platformPostId and every Interaction's externalId. Reads that need other accounts' data (notifications, threads,
// metrics) go through the PDS to the AppView. platforms.md §3.9 and §7 list the facts this follows.
import { Agent, AtUri, RichText, type BlobRef } from '@atproto/api'
import {
  ConnectorError,
  isConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type ConnectorFactory,
  type HotPolling,
  type Interaction,
  type InteractionPage,
  type PostMetrics,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import { toConnectorError, type RequestEffect } from './bluesky-errors.ts'
import { BlueskySession } from './bluesky-session.ts'
import { recordKeyFor, replyKeyFor } from './record-key.ts'

const POST = 'app.bsky.feed.post'
const THREADGATE = 'app.bsky.feed.threadgate'
const MAX_GRAPHEMES = PLATFORM_RULES.bluesky.maxTextLength
const MAX_TEXT_BYTES = 3000
const MAX_IMAGES = PLATFORM_RULES.bluesky.maxImages
/** The lexicon's limit for one image of app.bsky.embed.images (the PDS itself takes blobs up to 5 MB). */
const MAX_IMAGE_BYTES = 2_000_000
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
/** Notifications that are someone else talking to the account; likes, reposts and follows are counts elsewhere. */
const INBOUND_REASONS = { reply: 'reply', mention: 'mention', quote: 'quote' } as const
const NOTIFICATION_PAGE = 50
/** How far back one fetchInteractions call reads before it stops (the next call continues from its cursor). */
const MAX_NOTIFICATION_PAGES = 10
const GET_POSTS_BATCH = 25

export const BLUESKY_CAPABILITIES: ConnectorCapabilities = {
  // Video false: uploadBlob takes mp4, but the video service (getServiceAuth → uploadVideo → job status) is not
  // built yet; the shared table says so for the composer.
  ...postingCapabilitiesOf('bluesky'),
  readComments: true,
  readMentions: true,
  // chat.bsky.convo needs the chat service and an app password with the DM privilege; not built yet.
  readDirectMessages: false,
  reply: true,
  hideReply: true,
  deleteReply: false,
  deleteOwnPost: true,
  metrics: ['likes', 'shares', 'replies', 'quotes'],
}

/**
 * Bluesky pushes nothing (no webhooks), so a hot account's replies are read by polling listNotifications: one
 * request a poll when nothing is new. The PDS allows 3,000 requests per 5 minutes per IP (platforms.md §3.9.7);
 * hot polls take at most a third of it, 200 a minute: ten hot accounts every 3 s, more ones less often.
 */
export const BLUESKY_HOT_POLLING: HotPolling = { intervalMs: 3_000, requestsPerMinute: 200 }

export interface BlueskyConnectorOptions {
  /** Deadline of one HTTP request; after it, a write is `unknown_outcome`, a read `unavailable`. */
  timeoutMs?: number
}

interface StrongRef {
  uri: string
  cid: string
}

interface PostRecordShape {
  text?: unknown
  createdAt?: unknown
  reply?: { root?: StrongRef; parent?: StrongRef }
  embed?: { $type?: unknown; record?: { uri?: unknown } }
}

/** Where fetchInteractions stopped: the newest notification time seen, and the URIs seen at exactly that time. */
interface NotificationCursor {
  at: string
  uris: string[]
}

function encodeCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(cursor: string | null): NotificationCursor | null {
  if (!cursor) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<NotificationCursor>
    if (typeof value.at === 'string' && Array.isArray(value.uris))
      return { at: value.at, uris: value.uris.filter((uri): uri is string => typeof uri === 'string') }
  } catch {
    // fall through: an unreadable cursor is a caller's bug, said plainly below
  }
  throw new ConnectorError('rejected', 'not a Bluesky interactions cursor', {
    reason: { key: 'bluesky.request_refused' },
  })
}

function countGraphemes(text: string): number {
  let count = 0
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) count += 1
  return count
}

function postUrl(uri: string): string {
  const parsed = new AtUri(uri)
  return `https://bsky.app/profile/${parsed.host}/post/${parsed.rkey}`
}

function rejected(key: ConnectorError['reason'] & object, message: string): ConnectorError {
  return new ConnectorError('rejected', message, { reason: key })
}

function parsePostUri(uri: string): AtUri {
  try {
    const parsed = new AtUri(uri)
    if (parsed.collection === POST && parsed.rkey) return parsed
  } catch {
    // fall through
  }
  throw rejected({ key: 'bluesky.post_not_found' }, `not a Bluesky post URI: ${uri}`)
}

export class BlueskyConnector implements Connector {
  readonly platform = 'bluesky'
  readonly capabilities = BLUESKY_CAPABILITIES
  private readonly session: BlueskySession
  private readonly agent: Agent

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: BlueskyConnectorOptions = {}) {
    this.context = context
    this.session = new BlueskySession(context, options.timeoutMs ?? 30_000)
    this.agent = new Agent(this.session)
  }

  /** Runs one step and turns whatever it throws into a ConnectorError. */
  private async call<T>(effect: RequestEffect, step: () => Promise<T>): Promise<T> {
    try {
      return await step()
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now())
    }
  }

  /** The account's DID: known once a session exists (connecting creates it). */
  private async did(): Promise<string> {
    if (!this.session.did) await this.call('read', () => this.session.refresh())
    return this.session.did!
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const { data } = await this.call('read', () => this.agent.com.atproto.server.getSession())
    let displayName: string | null = null
    try {
      const profile = await this.agent.app.bsky.actor.getProfile({ actor: data.did })
      displayName = profile.data.displayName || null
    } catch {
      // A new account has no profile in the AppView yet; the session alone proves the credentials.
    }
    return { platformAccountId: data.did, handle: data.handle, displayName }
  }

  private async richText(text: string): Promise<RichText> {
    const rich = new RichText({ text })
    // Resolves @handles to DIDs through the PDS; an unknown handle stays plain text.
    await this.call('read', () => rich.detectFacets(this.agent))
    return rich
  }

  private checkRequest(request: PublishRequest): void {
    const length = countGraphemes(request.text)
    if (length > MAX_GRAPHEMES)
      throw rejected(
        { key: 'bluesky.text_too_long', params: { length, maximum: MAX_GRAPHEMES } },
        `the text has ${length} graphemes, Bluesky takes ${MAX_GRAPHEMES}`,
      )
    const bytes = Buffer.byteLength(request.text, 'utf8')
    if (bytes > MAX_TEXT_BYTES)
      throw rejected(
        { key: 'bluesky.text_too_many_bytes', params: { bytes, maximum: MAX_TEXT_BYTES } },
        `the text has ${bytes} bytes, Bluesky takes ${MAX_TEXT_BYTES}`,
      )
    if (request.media.some((item) => item.kind !== 'image'))
      throw rejected({ key: 'bluesky.video_unsupported' }, 'video is not supported on Bluesky yet')
    if (request.media.length > MAX_IMAGES)
      throw rejected(
        { key: 'bluesky.too_many_images', params: { count: request.media.length, maximum: MAX_IMAGES } },
        `${request.media.length} images, Bluesky takes ${MAX_IMAGES}`,
      )
    for (const item of request.media) {
      // Alt text is a capability here, so the composer requires it; an image without one is a caller's mistake.
      if (item.altText.trim() === '')
        throw rejected({ key: 'bluesky.alt_text_missing' }, 'an image has no alt text')
      if (!IMAGE_TYPES.has(item.mimeType))
        throw rejected(
          { key: 'bluesky.image_type_unsupported', params: { mimeType: item.mimeType } },
          `image type ${item.mimeType} is not accepted`,
        )
      if (item.byteLength > MAX_IMAGE_BYTES)
        throw rejected(
          { key: 'bluesky.image_too_large', params: { maximum: MAX_IMAGE_BYTES } },
          `an image of ${item.byteLength} bytes is over ${MAX_IMAGE_BYTES}`,
        )
    }
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    this.checkRequest(request)
    const did = await this.did()
    const rkey = recordKeyFor(request.idempotencyKey)
    const rich = await this.richText(request.text)
    const images: { image: BlobRef; alt: string }[] = []
    for (const item of request.media) {
      const bytes = await item.read()
      // Uploading the same bytes twice gives the same blob: an upload is safe to repeat.
      const { data } = await this.call('read', () =>
        this.agent.uploadBlob(bytes, { encoding: item.mimeType }),
      )
      images.push({ image: data.blob, alt: item.altText })
    }
    const createdAt = this.context.now().toISOString()
    const record = {
      $type: POST,
      text: rich.text,
      facets: rich.facets,
      createdAt,
      ...(images.length > 0 ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
    }
    try {
      const { data } = await this.agent.com.atproto.repo.createRecord({
        repo: did,
        collection: POST,
        rkey,
        record,
        validate: true,
      })
      return { platformPostId: data.uri, url: postUrl(data.uri), publishedAt: new Date(createdAt) }
    } catch (error) {
      const failure = toConnectorError(error, 'write', this.context.now())
      // The record key is taken: this publication was made by an earlier attempt. Answer that post.
      if (failure.kind === 'rejected' || failure.kind === 'unknown_outcome') {
        const existing = await this.findPublished(request, new Date(0)).catch(() => null)
        if (existing) return existing
      }
      throw failure
    }
  }

  async findPublished(request: PublishRequest, _since: Date): Promise<PublishedPost | null> {
    // The record key is the publication's: no scan of the timeline and no guessing from the text.
    return this.postByKey(recordKeyFor(request.idempotencyKey))
  }

  /** Our own post under a record key we chose, or null when there is none. */
  private async postByKey(rkey: string): Promise<PublishedPost | null> {
    const did = await this.did()
    const found = await this.call('read', async () => {
      try {
        return (await this.agent.com.atproto.repo.getRecord({ repo: did, collection: POST, rkey })).data
      } catch (error) {
        if (toConnectorError(error, 'read', this.context.now()).reason?.key === 'bluesky.post_not_found')
          return null
        throw error
      }
    })
    if (!found) return null
    const createdAt = (found.value as PostRecordShape).createdAt
    return {
      platformPostId: found.uri,
      url: postUrl(found.uri),
      publishedAt: typeof createdAt === 'string' ? new Date(createdAt) : this.context.now(),
    }
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    const since = decodeCursor(cursor)
    const fresh: Interaction[] = []
    let newest: NotificationCursor | null = null
    let pageCursor: string | undefined
    // Notifications come newest first and page backwards; read back until what the last call already returned.
    pages: for (let page = 0; page < MAX_NOTIFICATION_PAGES; page += 1) {
      const { data } = await this.call('read', () =>
        this.agent.app.bsky.notification.listNotifications({ limit: NOTIFICATION_PAGE, cursor: pageCursor }),
      )
      for (const notification of data.notifications) {
        const at = notification.indexedAt
        if (since && (at < since.at || (at === since.at && since.uris.includes(notification.uri))))
          break pages
        if (!newest || at > newest.at) newest = { at, uris: [notification.uri] }
        else if (at === newest.at) newest.uris.push(notification.uri)
        const kind = INBOUND_REASONS[notification.reason as keyof typeof INBOUND_REASONS]
        if (!kind || notification.author.did === this.session.did) continue
        const record = notification.record as PostRecordShape
        fresh.push({
          externalId: notification.uri,
          kind,
          author: {
            externalId: notification.author.did,
            handle: notification.author.handle,
            displayName: notification.author.displayName || null,
          },
          text: typeof record.text === 'string' ? record.text : '',
          createdAt: new Date(
            typeof record.createdAt === 'string' ? record.createdAt : notification.indexedAt,
          ),
          url: postUrl(notification.uri),
          parentExternalId:
            record.reply?.parent?.uri ??
            (kind === 'quote' && typeof record.embed?.record?.uri === 'string'
              ? record.embed.record.uri
              : null),
          rootExternalId: record.reply?.root?.uri ?? null,
        })
      }
      if (!data.cursor || data.notifications.length === 0) break
      pageCursor = data.cursor
    }
    if (since && newest && newest.at === since.at) newest.uris.push(...since.uris)
    fresh.reverse() // oldest first, as they happened
    // The cursor moves only past what was read; null says nothing new came since `cursor` (keep polling with it).
    return { items: fresh, cursor: newest ? encodeCursor(newest) : null }
  }

  /** The posts as the AppView shows them (with counts, threadgate and record), keyed by URI. */
  private async viewsOf(uris: readonly string[]) {
    const views = new Map<string, Awaited<ReturnType<Agent['getPosts']>>['data']['posts'][number]>()
    for (let start = 0; start < uris.length; start += GET_POSTS_BATCH) {
      const batch = uris.slice(start, start + GET_POSTS_BATCH)
      const { data } = await this.call('read', () => this.agent.app.bsky.feed.getPosts({ uris: batch }))
      for (const post of data.posts) views.set(post.uri, post)
    }
    return views
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
    options: { idempotencyKey?: string } = {},
  ): Promise<PublishedPost> {
    parsePostUri(to.externalId)
    const length = countGraphemes(text)
    if (length > MAX_GRAPHEMES)
      throw rejected(
        { key: 'bluesky.text_too_long', params: { length, maximum: MAX_GRAPHEMES } },
        `the reply has ${length} graphemes, Bluesky takes ${MAX_GRAPHEMES}`,
      )
    const did = await this.did()
    const parent = (await this.viewsOf([to.externalId])).get(to.externalId)
    if (!parent) throw rejected({ key: 'bluesky.post_not_found' }, `no post ${to.externalId}`)
    // The thread's root comes from the parent record itself (strong refs need the root's CID, not only its URI).
    const parentRecord = parent.record as PostRecordShape
    const root = parentRecord.reply?.root ?? { uri: parent.uri, cid: parent.cid }
    const rich = await this.richText(text)
    const createdAt = this.context.now().toISOString()
    // Our reply's id as the record key: a second attempt with the same id is refused by the repository instead of
    // making a second reply, and findReply reads it back by the key alone.
    const rkey = options.idempotencyKey ? replyKeyFor(options.idempotencyKey) : undefined
    const write = () =>
      this.agent.com.atproto.repo.createRecord({
        repo: did,
        collection: POST,
        ...(rkey ? { rkey } : {}),
        record: {
          $type: POST,
          text: rich.text,
          facets: rich.facets,
          createdAt,
          reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } },
        },
        validate: true,
      })
    try {
      const { data } = await this.call('write', write)
      return { platformPostId: data.uri, url: postUrl(data.uri), publishedAt: new Date(createdAt) }
    } catch (error) {
      // The record key is taken: an earlier attempt of this reply went through. Answer that reply.
      if (
        rkey &&
        isConnectorError(error) &&
        (error.kind === 'rejected' || error.kind === 'unknown_outcome')
      ) {
        const existing = await this.postByKey(rkey).catch(() => null)
        if (existing) return existing
      }
      throw error
    }
  }

  async findReply(
    _to: { externalId: string; rootExternalId: string | null },
    request: { idempotencyKey: string; text: string },
    _since: Date,
  ): Promise<PublishedPost | null> {
    return this.postByKey(replyKeyFor(request.idempotencyKey))
  }

  async hideReply(externalId: string): Promise<void> {
    parsePostUri(externalId)
    const did = await this.did()
    const reply = (await this.viewsOf([externalId])).get(externalId)
    if (!reply) throw rejected({ key: 'bluesky.post_not_found' }, `no post ${externalId}`)
    const rootUri = (reply.record as PostRecordShape).reply?.root?.uri
    const root = rootUri ? new AtUri(rootUri) : undefined
    // A threadgate lives in the thread starter's repository under the root post's record key.
    if (!root || root.host !== did)
      throw rejected(
        { key: 'bluesky.hide_outside_own_thread' },
        'the reply is not in a thread of this account',
      )
    await this.call('read', async () => {
      let existing: { hiddenReplies?: string[] } & Record<string, unknown> = {}
      let swapRecord: string | undefined
      try {
        const { data } = await this.agent.com.atproto.repo.getRecord({
          repo: did,
          collection: THREADGATE,
          rkey: root.rkey,
        })
        existing = data.value
        swapRecord = data.cid
      } catch (error) {
        if (toConnectorError(error, 'read', this.context.now()).reason?.key !== 'bluesky.post_not_found')
          throw error
      }
      const hidden = existing.hiddenReplies ?? []
      if (hidden.includes(externalId)) return
      // Keep the gate's reply rules (`allow`) as they are; without `allow` everyone may still reply.
      await this.agent.com.atproto.repo.putRecord({
        repo: did,
        collection: THREADGATE,
        rkey: root.rkey,
        record: {
          ...existing,
          $type: THREADGATE,
          post: root.toString(),
          createdAt:
            typeof existing.createdAt === 'string' ? existing.createdAt : this.context.now().toISOString(),
          hiddenReplies: [...hidden, externalId],
        },
        swapRecord: swapRecord ?? null,
        validate: true,
      })
    })
  }

  async deleteReply(_externalId: string): Promise<void> {
    throw rejected(
      { key: 'bluesky.delete_reply_unsupported' },
      "Bluesky cannot delete other people's replies",
    )
  }

  async deletePost(platformPostId: string): Promise<void> {
    const uri = parsePostUri(platformPostId)
    const did = await this.did()
    if (uri.host !== did)
      throw rejected({ key: 'bluesky.not_own_post' }, `${platformPostId} is not this account's`)
    // Deleting a record that is already gone succeeds: a repeated delete is harmless.
    await this.call('read', () =>
      this.agent.com.atproto.repo.deleteRecord({ repo: did, collection: POST, rkey: uri.rkey }),
    )
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    for (const id of platformPostIds) parsePostUri(id)
    const views = await this.viewsOf(platformPostIds)
    const metrics = new Map<string, PostMetrics>()
    // A post the AppView no longer has (deleted) is left out rather than reported as zeros.
    for (const id of platformPostIds) {
      const view = views.get(id)
      if (!view) continue
      metrics.set(id, {
        likes: view.likeCount ?? 0,
        shares: view.repostCount ?? 0,
        replies: view.replyCount ?? 0,
        quotes: view.quoteCount ?? 0,
        views: null,
      })
    }
    return metrics
  }
}

export const createBlueskyConnector: ConnectorFactory = (context) => new BlueskyConnector(context)
