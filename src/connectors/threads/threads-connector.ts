// Threads profiles through the Threads API on graph.threads.net (plain fetch over src/connectors/meta/graph-client.ts;
// its failures are Graph-shaped and go through meta-errors.ts). Credentials: { threadsUserId, accessToken } (from
// threads-oauth.ts; the 60-day token is refreshed by the app through the provider).
//
// Publishing is Meta's container flow (developers.facebook.com/documentation/threads/posts): create a container
// (TEXT, or IMAGE / VIDEO from a PUBLIC address Threads downloads itself, with alt text) → poll its `status` until
// FINISHED → `threads_publish`. Two or more items are a carousel (2–20 children with is_carousel_item, then a
// CAROUSEL container). Threads takes text-only posts (500 characters). Replies are containers too (`reply_to_id`).
//
// findPublished: Threads has no idempotency key and the text must carry no marker, so a post is recognised by its
// exact text among the account's threads published since the attempt (`/{threads-user-id}/threads`, newest first).
//
// Interactions: the replies at any depth under the account's recent threads (`/{media}/conversation`) and the
// public posts that mention it (`/{threads-user-id}/mentions`), each paged with Graph cursors. Threads lets the
// owner hide (manage_reply) but never delete someone else's reply: deleteReply is refused by the capabilities.
// Webhooks are not wired: the Threads webhook documentation gives a payload unlike Meta's `entry[].changes[]` and
// says nothing of its signature, so polling is the one way in (docs/platforms/threads.md).
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type Interaction,
  type InteractionPage,
  type MediaItem,
  type PostMetrics,
  type PublishedPost,
  type PublishingQuota,
  type PublishRequest,
} from '../connector.ts'
import {
  CursorTracker,
  decodeCommentCursor,
  GraphClient,
  waitForContainer,
  graphTime,
  parsePublishingLimit,
  sameText,
  THREADS_GRAPH,
  THREADS_GRAPH_VERSION,
  type GraphPage,
  type PublishingLimitAnswer,
} from '../meta/graph-client.ts'

const LABEL = 'Threads'
const PROFILE_URL = 'https://www.threads.net/'
/** The newest threads whose conversations a poll reads. */
const RECENT_THREADS = 25
const REPLY_PAGE = 50
const MAX_REPLY_PAGES = 20
const MAX_MENTION_PAGES = 10
const FIND_PAGES = 4
const MAX_CAROUSEL_ITEMS = 20
/** When the quota is used up Threads does not say when a slot frees (a moving 24 h): look again in an hour. */
const QUOTA_WAIT_MS = 3600_000
/** threads_publish right after a container is FINISHED can still answer 24/4279009 ("not found"): try again. */
const PUBLISH_ATTEMPTS = 3

export const THREADS_CAPABILITIES: ConnectorCapabilities = {
  // "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes" (posts).
  maxTextLength: 500,
  textCounting: 'emoji_bytes',
  // A carousel takes 2–20 images and videos together.
  maxImages: MAX_CAROUSEL_ITEMS,
  video: true,
  // `alt_text` on IMAGE and VIDEO containers (posts/accessibility).
  altText: true,
  readComments: true,
  readMentions: true,
  readDirectMessages: false,
  reply: true,
  // manage_reply hides a top-level reply (and everything under it); nested replies cannot be hidden alone.
  hideReply: true,
  // The API deletes only the account's own posts (posts/delete-posts).
  deleteReply: false,
  deleteOwnPost: true,
  // /{media}/insights: views, likes, replies, reposts (as shares), quotes.
  metrics: ['views', 'likes', 'replies', 'shares', 'quotes'],
}

export interface ThreadsConnectorOptions {
  timeoutMs?: number
  /** Between two looks at a container's status (Threads suggests waiting; video takes seconds to minutes). */
  pollIntervalMs?: number
  /** Looks before giving up on a container (nothing is published then: retrying is safe). */
  maxPolls?: number
}

/** A Threads media object or reply as the fields asked for return it. */
interface ThreadsMedia {
  id: string
  text?: string
  timestamp?: string
  permalink?: string
  username?: string
  media_type?: string
  is_reply_owned_by_me?: boolean
  replied_to?: { id: string }
  root_post?: { id: string }
}

interface ThreadsInsight {
  name: string
  values?: { value?: unknown }[]
  total_value?: { value?: unknown }
}

const REPLY_FIELDS =
  'id,text,timestamp,permalink,username,media_type,is_reply_owned_by_me,replied_to,root_post'
const MENTION_FIELDS = 'id,text,timestamp,permalink,username,media_type,replied_to,root_post'

function credentialsOf(context: ConnectorContext): { threadsUserId: string; token: string } {
  const threadsUserId = context.credentials.threadsUserId ?? context.account.platformAccountId ?? ''
  const token = context.credentials.accessToken ?? ''
  if (!threadsUserId || !token)
    throw new ConnectorError('auth_expired', 'no Threads credentials', {
      reason: { key: 'meta.credentials_missing', params: { platform: LABEL } },
    })
  return { threadsUserId, token }
}

export class ThreadsConnector implements Connector {
  readonly platform = 'threads'
  readonly capabilities = THREADS_CAPABILITIES
  private readonly graph: GraphClient
  private readonly threadsUserId: string
  private readonly pollIntervalMs: number
  private readonly maxPolls: number

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: ThreadsConnectorOptions = {}) {
    this.context = context
    const { threadsUserId, token } = credentialsOf(context)
    this.threadsUserId = threadsUserId
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000
    this.maxPolls = options.maxPolls ?? 60
    this.graph = new GraphClient({
      platform: 'threads',
      host: THREADS_GRAPH,
      version: THREADS_GRAPH_VERSION,
      accessToken: token,
      fetch: context.fetch ?? globalThis.fetch,
      now: context.now,
      timeoutMs: options.timeoutMs,
    })
  }

  /** Who the token belongs to, with the 24-hour publishing quota (for the account's health). */
  async verify(): Promise<{
    platformAccountId: string
    handle: string
    displayName: string | null
    publishingQuota: PublishingQuota | null
  }> {
    const me = await this.graph.get<{ id: string; username?: string; name?: string }>('me', {
      fields: 'id,username,name',
    })
    return {
      platformAccountId: me.id,
      handle: me.username ?? me.id,
      displayName: me.name ?? null,
      publishingQuota: await this.publishingQuota(),
    }
  }

  async publishingQuota(): Promise<PublishingQuota | null> {
    return parsePublishingLimit(
      await this.graph.get<PublishingLimitAnswer>(`${this.threadsUserId}/threads_publishing_limit`, {
        fields: 'quota_usage,config',
      }),
    )
  }

  private checkRequest(request: PublishRequest): void {
    checkPublishRequest(LABEL, this.capabilities, request)
    // checkPublishRequest counts images; a carousel counts images and videos together.
    if (request.media.length > MAX_CAROUSEL_ITEMS)
      throw new ConnectorError('rejected', 'too many carousel items', {
        reason: {
          key: 'connectors.too_many_images',
          params: { platform: LABEL, maximum: MAX_CAROUSEL_ITEMS },
        },
      })
    if (request.media.some((item) => !item.publicUrl))
      throw new ConnectorError('rejected', 'Threads downloads media from a public address', {
        reason: { key: 'meta.public_url_required', params: { platform: LABEL } },
      })
  }

  /** Container creation publishes nothing: safe to repeat, so a `read` for the error table. */
  private async createContainer(params: Record<string, string | undefined>): Promise<string> {
    return (await this.graph.post<{ id: string }>(`${this.threadsUserId}/threads`, params, 'read')).id
  }

  private mediaParams(item: MediaItem): Record<string, string | undefined> {
    const altText = item.altText.trim() === '' ? undefined : item.altText
    return item.kind === 'video'
      ? { media_type: 'VIDEO', video_url: item.publicUrl, alt_text: altText }
      : { media_type: 'IMAGE', image_url: item.publicUrl, alt_text: altText }
  }

  /** Waits until Threads has downloaded and processed the container (troubleshooting: `status`). */
  private finished(containerId: string): Promise<void> {
    return waitForContainer(this.graph, containerId, {
      label: LABEL,
      fields: 'status,error_message',
      read: (answer) => ({ status: answer.status, message: answer.error_message }),
      pollIntervalMs: this.pollIntervalMs,
      maxPolls: this.maxPolls,
    })
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.pollIntervalMs))
  }

  /** The container of a post or reply, processed and ready for threads_publish. */
  private async prepare(text: string, media: readonly MediaItem[], replyTo?: string): Promise<string> {
    const common = { text: text === '' ? undefined : text, reply_to_id: replyTo }
    let containerId: string
    if (media.length === 0) containerId = await this.createContainer({ media_type: 'TEXT', ...common })
    else if (media.length === 1)
      containerId = await this.createContainer({ ...this.mediaParams(media[0]!), ...common })
    else {
      const children: string[] = []
      for (const item of media) {
        const child = await this.createContainer({ ...this.mediaParams(item), is_carousel_item: 'true' })
        await this.finished(child)
        children.push(child)
      }
      containerId = await this.createContainer({
        media_type: 'CAROUSEL',
        children: children.join(','),
        ...common,
      })
    }
    await this.finished(containerId)
    return containerId
  }

  /** threads_publish, again while Threads says it cannot find the container yet (nothing was published then). */
  private async publishContainer(containerId: string): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.graph.post<{ id: string }>(
          `${this.threadsUserId}/threads_publish`,
          { creation_id: containerId },
          'write',
        )
        return answer.id
      } catch (error) {
        const notFoundYet =
          error instanceof ConnectorError && error.reason?.key === 'meta.container_not_found'
        if (!notFoundYet || attempt >= PUBLISH_ATTEMPTS) throw error
        await this.wait()
      }
    }
  }

  private async published(mediaId: string, fallbackAt: Date): Promise<PublishedPost> {
    const media = await this.graph
      .get<ThreadsMedia>(mediaId, { fields: 'id,permalink,timestamp' })
      .catch(() => null)
    return {
      platformPostId: mediaId,
      url: media?.permalink ?? PROFILE_URL,
      publishedAt: media?.timestamp ? graphTime(media.timestamp) : fallbackAt,
    }
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    this.checkRequest(request)
    const quota = await this.publishingQuota()
    if (quota && quota.used >= quota.total) {
      const retryAt = new Date(this.context.now().getTime() + QUOTA_WAIT_MS)
      throw new ConnectorError('rate_limited', 'the Threads 24 h publishing quota is used up', {
        retryAt,
        reason: {
          key: 'meta.publishing_limit_reached',
          params: { platform: LABEL, used: quota.used, total: quota.total, retryAt: retryAt.toISOString() },
        },
      })
    }
    const containerId = await this.prepare(request.text, request.media)
    const attemptedAt = this.context.now()
    let mediaId: string
    try {
      mediaId = await this.publishContainer(containerId)
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'unknown_outcome') {
        const existing = await this.findPublished(request, new Date(attemptedAt.getTime() - 3600_000)).catch(
          () => null,
        )
        if (existing) return existing
      }
      throw error
    }
    return this.published(mediaId, attemptedAt)
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    let after: string | undefined
    for (let page = 0; page < FIND_PAGES; page += 1) {
      const threads = await this.graph.get<GraphPage<ThreadsMedia>>(`${this.threadsUserId}/threads`, {
        fields: 'id,text,timestamp,permalink',
        since: Math.floor(since.getTime() / 1000),
        limit: 50,
        after,
      })
      for (const item of threads.data) {
        if (!item.timestamp) continue
        const at = graphTime(item.timestamp)
        if (at < since) return null // newest first: nothing older can be it
        if (sameText(item.text, request.text))
          return { platformPostId: item.id, url: item.permalink ?? PROFILE_URL, publishedAt: at }
      }
      after = threads.paging?.next ? threads.paging.cursors?.after : undefined
      if (!after) break
    }
    return null
  }

  /** Every page of a Graph edge, up to `maxPages` (the cursor then drops what earlier polls returned). */
  private async allPages(
    path: string,
    params: Record<string, string | number | boolean | undefined>,
    maxPages: number,
  ): Promise<ThreadsMedia[]> {
    const items: ThreadsMedia[] = []
    let after: string | undefined
    for (let page = 0; page < maxPages; page += 1) {
      const answer = await this.graph.get<GraphPage<ThreadsMedia>>(path, { ...params, after })
      items.push(...answer.data)
      after = answer.paging?.next ? answer.paging.cursors?.after : undefined
      if (!after || answer.data.length === 0) break
    }
    return items
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    const tracker = new CursorTracker(decodeCommentCursor(cursor))
    const fresh: Interaction[] = []
    const taken = new Set<string>()
    const take = (
      item: ThreadsMedia,
      kind: (item: ThreadsMedia) => Interaction['kind'],
      rootId: string | null,
    ) => {
      if (!item.timestamp || taken.has(item.id)) return
      taken.add(item.id)
      const at = graphTime(item.timestamp).getTime()
      if (tracker.seen(item.id, at)) return
      tracker.note(item.id, at)
      if (item.is_reply_owned_by_me === true) return // the account's own replies are not inbound
      const root = item.root_post?.id ?? rootId
      fresh.push({
        externalId: item.id,
        kind: kind(item),
        author: { externalId: item.username ?? '', handle: item.username ?? '', displayName: null },
        text: item.text ?? '',
        createdAt: new Date(at),
        url: item.permalink ?? null,
        parentExternalId: item.replied_to?.id ?? root,
        rootExternalId: root,
      })
    }
    const recent = await this.graph.get<GraphPage<ThreadsMedia>>(`${this.threadsUserId}/threads`, {
      fields: 'id,timestamp',
      limit: RECENT_THREADS,
    })
    for (const thread of recent.data) {
      // Every reply under the thread at any depth, oldest first (replies-and-conversations).
      const replies = await this.allPages(
        `${thread.id}/conversation`,
        { fields: REPLY_FIELDS, reverse: false, limit: REPLY_PAGE },
        MAX_REPLY_PAGES,
      )
      for (const reply of replies)
        take(
          reply,
          (item) => (!item.replied_to || item.replied_to.id === thread.id ? 'comment' : 'reply'),
          thread.id,
        )
    }
    const mentions = await this.allPages(
      `${this.threadsUserId}/mentions`,
      { fields: MENTION_FIELDS, limit: REPLY_PAGE },
      MAX_MENTION_PAGES,
    )
    for (const mention of mentions) take(mention, () => 'mention', null)
    fresh.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    return { items: fresh, cursor: tracker.cursor() }
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    checkPublishRequest(LABEL, this.capabilities, { idempotencyKey: '', text, media: [] })
    const containerId = await this.prepare(text, [], to.externalId)
    const attemptedAt = this.context.now()
    return this.published(await this.publishContainer(containerId), attemptedAt)
  }

  async hideReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.hideReply, 'hide reply')
    await this.graph.post(`${externalId}/manage_reply`, { hide: 'true' }, 'read')
  }

  async deleteReply(_externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteReply, 'delete reply')
  }

  async deletePost(platformPostId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteOwnPost, 'delete post')
    await this.graph.delete(platformPostId)
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    for (const id of platformPostIds) {
      const answer = await this.graph.get<{ data: ThreadsInsight[] }>(`${id}/insights`, {
        metric: 'views,likes,replies,reposts,quotes',
      })
      const value = (name: string): number | null => {
        const found = answer.data.find((item) => item.name === name)
        const raw = found?.values?.[0]?.value ?? found?.total_value?.value
        return typeof raw === 'number' ? raw : null
      }
      metrics.set(id, {
        likes: value('likes'),
        shares: value('reposts'),
        replies: value('replies'),
        quotes: value('quotes'),
        views: value('views'),
      })
    }
    return metrics
  }
}

export function createThreadsConnector(
  context: ConnectorContext,
  options: ThreadsConnectorOptions = {},
): Connector {
  return new ThreadsConnector(context, options)
}
