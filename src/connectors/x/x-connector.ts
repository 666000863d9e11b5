// X (API v2) through twitter-api-v2, for one account with an OAuth 2.0 user-context token (x-oauth.ts gets and
// refreshes it; the app's refresh job stores the new one). A post's id is the platformPostId and every
// Interaction's externalId. platforms.md §3.3 and §7 list the facts this follows; docs/platforms/x.md the rest.
//
// findPublished: X has no idempotency key for POST /2/tweets, and a marker in the text is not acceptable. X does
// refuse a post identical to one of the account's recent posts (403 "duplicate content"), so the account's own
// timeline since the publication began, matched on the exact text (NFC, X's HTML escaping undone, URLs compared as
// t.co links), finds the one post a request can have made.
import { TwitterApi, type EUploadMimeType } from 'twitter-api-v2'
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type Interaction,
  type InteractionPage,
  type PostMetrics,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import { toConnectorError, type RequestEffect } from './x-errors.ts'
import { urlsIn, X_MAX_WEIGHTED_LENGTH, xWeightedLength } from './x-text.ts'

const LABEL = 'X'
const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const MAX_VIDEO_BYTES = 512 * 1024 * 1024
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime'])
const LOOKUP_BATCH = 100
/** How many timeline pages findPublished reads before it gives up (100 posts each). */
const MAX_TIMELINE_PAGES = 5
const OLDEST_START_TIME = Date.parse('2010-11-06T00:00:01Z')
const TWEET_FIELDS = 'created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id'

export const X_CAPABILITIES: ConnectorCapabilities = {
  ...postingCapabilitiesOf('x'),
  readComments: true,
  readMentions: true,
  // GET /2/dm_events needs dm.read and a plan that includes DMs; not built yet.
  readDirectMessages: false,
  reply: true,
  // PUT /2/tweets/:id/hidden, only in conversations the account started.
  hideReply: true,
  // X has no way to delete someone else's reply.
  deleteReply: false,
  deleteOwnPost: true,
  metrics: ['likes', 'shares', 'replies', 'quotes', 'views'],
}

export interface XConnectorOptions {
  /** Page size of the mentions timeline and the conversation search (X allows 5..100). */
  pageSize?: number
}

interface TweetShape {
  id: string
  text: string
  created_at?: string
  author_id?: string
  conversation_id?: string
  in_reply_to_user_id?: string
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[]
  public_metrics?: {
    like_count?: number
    retweet_count?: number
    reply_count?: number
    quote_count?: number
    impression_count?: number
  }
}

interface UserShape {
  id: string
  username: string
  name?: string
}

interface ListResponse {
  data?: TweetShape[]
  includes?: { users?: UserShape[] }
  meta?: { next_token?: string; result_count?: number; newest_id?: string }
}

/**
 * Where a sweep of interactions stands: `since`, the newest id the previous sweeps returned (X's since_id); while
 * a sweep pages backwards, `next` (X's pagination_token) and `top`, the newest id of this sweep.
 */
interface SweepCursor {
  since?: string
  next?: string
  top?: string
}

function encodeCursor(cursor: SweepCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(cursor: string | null): SweepCursor {
  if (!cursor) return {}
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>
    const out: SweepCursor = {}
    for (const key of ['since', 'next', 'top'] as const) {
      const field = value[key]
      if (field === undefined) continue
      if (typeof field !== 'string') throw new Error('bad cursor')
      out[key] = field
    }
    return out
  } catch {
    // fall through: an unreadable cursor is a caller's bug, said plainly below
  }
  throw new ConnectorError('rejected', 'not an X interactions cursor', {
    reason: { key: 'x.request_invalid' },
  })
}

/** The text as X would hand it back: NFC, without its HTML escaping, each URL as a placeholder (t.co). */
function comparable(text: string): string {
  let normal = text.normalize('NFC').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim()
  for (const url of urlsIn(normal)) normal = normal.replace(url, '\u0000')
  return normal.replace(/https:\/\/t\.co\/\w+/g, '\u0000')
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

export class XConnector implements Connector {
  readonly platform = 'x'
  readonly capabilities = X_CAPABILITIES
  private readonly client: TwitterApi
  private readonly pageSize: number
  private userId: string | null
  private readonly hasToken: boolean

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: XConnectorOptions = {}) {
    this.context = context
    // No token is said on the first call (auth_expired), not here: the app builds connectors outside its catch.
    this.hasToken = Boolean(context.credentials.accessToken)
    this.client = new TwitterApi(context.credentials.accessToken ?? '')
    this.pageSize = options.pageSize ?? 100
    this.userId = context.account.platformAccountId ?? context.credentials.userId ?? null
  }

  private async call<T>(effect: RequestEffect, step: () => Promise<T>): Promise<T> {
    if (!this.hasToken)
      throw new ConnectorError('auth_expired', 'no X access token', {
        reason: { key: 'x.credentials_missing' },
      })
    try {
      return await step()
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now())
    }
  }

  private handle(): string {
    return (this.context.credentials.username ?? this.context.account.handle).replace(/^@/, '')
  }

  private postUrl(id: string, username = this.handle()): string {
    return `https://x.com/${username}/status/${id}`
  }

  private async me(): Promise<string> {
    if (!this.userId) this.userId = (await this.verify()).platformAccountId
    return this.userId
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const { data } = await this.call('read', () =>
      this.client.v2.get<{ data: UserShape }>('users/me', { 'user.fields': 'username,name' }),
    )
    this.userId = data.id
    return { platformAccountId: data.id, handle: data.username, displayName: data.name ?? null }
  }

  private checkRequest(request: PublishRequest): void {
    const length = xWeightedLength(request.text)
    if (length > X_MAX_WEIGHTED_LENGTH)
      throw new ConnectorError(
        'rejected',
        `text of weighted length ${length} over ${X_MAX_WEIGHTED_LENGTH}`,
        {
          reason: {
            key: 'connectors.text_too_long',
            params: { platform: LABEL, length, maximum: X_MAX_WEIGHTED_LENGTH },
          },
        },
      )
    checkPublishRequest(LABEL, X_CAPABILITIES, request)
    const videos = request.media.filter((item) => item.kind === 'video')
    if (videos.length > 1 || (videos.length === 1 && request.media.length > 1))
      throw new ConnectorError('rejected', 'X takes 4 images or 1 video', { reason: { key: 'x.media_mix' } })
    for (const item of request.media) {
      const types = item.kind === 'image' ? IMAGE_TYPES : VIDEO_TYPES
      const maximum = item.kind === 'image' ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES
      if (!types.has(item.mimeType))
        throw new ConnectorError('rejected', `media type ${item.mimeType} is not accepted`, {
          reason: { key: 'x.media_rejected', params: { detail: item.mimeType } },
        })
      if (item.byteLength > maximum)
        throw new ConnectorError('rejected', `media of ${item.byteLength} bytes over ${maximum}`, {
          reason: { key: 'x.media_rejected', params: { detail: `${item.byteLength} > ${maximum} byte` } },
        })
    }
  }

  /** Uploads one media item (v2 chunked: initialize → append → finalize → poll) and sets its alt text. */
  private async upload(item: PublishRequest['media'][number]): Promise<string> {
    const bytes = Buffer.from(await item.read())
    // An upload makes nothing visible: one that failed on the way is simply made again (`read`).
    const mediaId = await this.call('read', () =>
      this.client.v2.uploadMedia(bytes, {
        media_type: item.mimeType as EUploadMimeType,
        media_category:
          item.kind === 'image'
            ? item.mimeType === 'image/gif'
              ? 'tweet_gif'
              : 'tweet_image'
            : 'tweet_video',
      }),
    )
    if (item.kind === 'image' && item.altText.trim() !== '')
      await this.call('read', () =>
        this.client.v2.createMediaMetadata(mediaId, { alt_text: { text: item.altText.slice(0, 1000) } }),
      )
    return mediaId
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    this.checkRequest(request)
    const startedAt = this.context.now()
    const mediaIds: string[] = []
    for (const item of request.media) mediaIds.push(await this.upload(item))
    const body: Record<string, unknown> = { text: request.text }
    if (mediaIds.length > 0) body.media = { media_ids: mediaIds }
    await this.call('read', () => Promise.resolve())
    try {
      const { data } = await this.client.v2.post<{ data: { id: string; text: string } }>('tweets', body)
      return { platformPostId: data.id, url: this.postUrl(data.id), publishedAt: startedAt }
    } catch (error) {
      const failure = toConnectorError(error, 'write', this.context.now())
      // "Duplicate content" after a retry means the earlier attempt made the post: answer that one.
      if (failure.reason?.key === 'x.duplicate_content' || failure.kind === 'unknown_outcome') {
        const since = new Date(startedAt.getTime() - 24 * 60 * 60_000)
        const existing = await this.findPublished(request, since).catch(() => null)
        if (existing) return existing
      }
      throw failure
    }
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    const userId = await this.me()
    const wanted = comparable(request.text)
    let token: string | undefined
    for (let page = 0; page < MAX_TIMELINE_PAGES; page++) {
      const result = await this.call('read', () =>
        this.client.v2.get<ListResponse>(`users/${userId}/tweets`, {
          // X refuses a start_time before 2010-11-06 (its first snowflake ids).
          start_time: new Date(Math.max(since.getTime(), OLDEST_START_TIME)).toISOString(),
          max_results: 100,
          exclude: 'replies,retweets',
          'tweet.fields': 'created_at',
          ...(token ? { pagination_token: token } : {}),
        }),
      )
      const found = (result.data ?? []).find((tweet) => comparable(tweet.text) === wanted)
      if (found)
        return {
          platformPostId: found.id,
          url: this.postUrl(found.id),
          publishedAt: found.created_at ? new Date(found.created_at) : this.context.now(),
        }
      token = result.meta?.next_token
      if (!token) return null
    }
    return null
  }

  private interactionOf(tweet: TweetShape, users: Map<string, UserShape>): Interaction {
    const author = users.get(tweet.author_id ?? '')
    const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')
    const quoted = tweet.referenced_tweets?.find((ref) => ref.type === 'quoted')
    // A reply's text starts with the @handles X adds for the thread; the person's words come after them.
    const text = unescapeText(repliedTo ? tweet.text.replace(/^(?:@\w+\s+)+/, '') : tweet.text)
    return {
      externalId: tweet.id,
      kind: repliedTo ? 'reply' : quoted ? 'quote' : 'mention',
      author: {
        externalId: tweet.author_id ?? '',
        handle: author?.username ?? tweet.author_id ?? '',
        displayName: author?.name ?? null,
      },
      text,
      createdAt: tweet.created_at ? new Date(tweet.created_at) : this.context.now(),
      url: author ? this.postUrl(tweet.id, author.username) : null,
      parentExternalId: repliedTo?.id ?? quoted?.id ?? null,
      rootExternalId: repliedTo ? (tweet.conversation_id ?? null) : null,
    }
  }

  /**
   * One page of a sweep, newest first. A sweep reads back (pagination_token) to the newest id the previous sweep
   * returned (since_id); when it ends, the cursor holds its newest id, and a call with that cursor answers what
   * came since, or a null cursor when nothing did (keep polling with the old one), as the Bluesky connector does.
   */
  private async page(
    path: string,
    query: Record<string, string | number>,
    cursor: string | null,
  ): Promise<InteractionPage> {
    const sweep = decodeCursor(cursor)
    const userId = await this.me()
    const result = await this.call('read', () =>
      this.client.v2.get<ListResponse>(path, {
        ...query,
        max_results: this.pageSize,
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id',
        'user.fields': 'username,name',
        ...(sweep.since ? { since_id: sweep.since } : {}),
        ...(sweep.next ? { pagination_token: sweep.next } : {}),
      }),
    )
    const users = new Map((result.includes?.users ?? []).map((user) => [user.id, user]))
    const items = (result.data ?? [])
      .filter((tweet) => tweet.author_id !== userId)
      .map((tweet) => this.interactionOf(tweet, users))
    const top = sweep.top ?? result.meta?.newest_id ?? result.data?.[0]?.id
    const next = result.meta?.next_token
    if (next) return { items, cursor: encodeCursor({ since: sweep.since, next, top }) }
    return { items, cursor: top ? encodeCursor({ since: top }) : null }
  }

  /**
   * Mentions of the account, newest first (GET /2/users/:id/mentions): on X every reply carries the @handles of
   * the thread, so replies to the account's posts arrive here too. Sweeps by since_id, pages by pagination_token.
   */
  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    return this.page(`users/${await this.me()}/mentions`, {}, cursor)
  }

  /** Every reply in one conversation (recent search `conversation_id:`, last 7 days), swept like the mentions. */
  async fetchConversation(conversationId: string, cursor: string | null): Promise<InteractionPage> {
    if (!/^\d+$/.test(conversationId))
      throw new ConnectorError('rejected', 'not an X post id', { reason: { key: 'x.post_not_found' } })
    return this.page('tweets/search/recent', { query: `conversation_id:${conversationId}` }, cursor)
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    this.checkRequest({ idempotencyKey: `reply:${to.externalId}`, text, media: [] })
    const { data } = await this.call('write', () =>
      this.client.v2.post<{ data: { id: string } }>('tweets', {
        text,
        reply: { in_reply_to_tweet_id: to.externalId },
      }),
    )
    return { platformPostId: data.id, url: this.postUrl(data.id), publishedAt: this.context.now() }
  }

  async hideReply(externalId: string): Promise<void> {
    // Hiding twice hides once: a retry is harmless (`read`).
    await this.call('read', () => this.client.v2.put(`tweets/${externalId}/hidden`, { hidden: true }))
  }

  async deleteReply(_externalId: string): Promise<void> {
    requireCapability(LABEL, X_CAPABILITIES.deleteReply, 'deleteReply')
  }

  async deletePost(platformPostId: string): Promise<void> {
    await this.call('read', () => this.client.v2.delete(`tweets/${platformPostId}`))
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    for (let start = 0; start < platformPostIds.length; start += LOOKUP_BATCH) {
      const ids = platformPostIds.slice(start, start + LOOKUP_BATCH)
      const result = await this.call('read', () =>
        this.client.v2.get<ListResponse>('tweets', { ids: ids.join(','), 'tweet.fields': 'public_metrics' }),
      )
      for (const tweet of result.data ?? []) {
        const counts = tweet.public_metrics ?? {}
        metrics.set(tweet.id, {
          likes: counts.like_count ?? null,
          shares: counts.retweet_count ?? null,
          replies: counts.reply_count ?? null,
          quotes: counts.quote_count ?? null,
          views: counts.impression_count ?? null,
        })
      }
    }
    return metrics
  }
}

export function createXConnector(context: ConnectorContext): XConnector {
  return new XConnector(context)
}
