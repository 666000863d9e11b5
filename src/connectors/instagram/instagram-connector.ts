// Instagram professional accounts through Instagram Login on graph.instagram.com (platforms.md §3.2; plain fetch,
// src/connectors/meta/graph-client.ts). Credentials: { igUserId, accessToken } (from instagram-oauth.ts; the
// 60-day token is refreshed by the app through the provider). Publishing is Meta's container flow: create a
// container from a PUBLIC media address (Meta downloads it) → poll its status_code → media_publish. A single video
// is a Reel; several items are a carousel (≤ 10). Instagram takes no text-only post and cannot delete a post
// through the API.
//
// findPublished: Graph has no idempotency key and the caption must carry no marker, so a post is recognised by its
// exact caption among the account's media published since the attempt (`/{ig-user-id}/media`).
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type Interaction,
  type InteractionPage,
  type MediaItem,
  type PostMetrics,
  type PublishingQuota,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import {
  CursorTracker,
  decodeCommentCursor,
  GraphClient,
  waitForContainer,
  graphTime,
  INSTAGRAM_GRAPH,
  parsePublishingLimit,
  sameText,
  type GraphPage,
  type PublishingLimitAnswer,
} from '../meta/graph-client.ts'

const LABEL = 'Instagram'
const RECENT_MEDIA = 25
const COMMENT_PAGE = 50
const MAX_COMMENT_PAGES = 20
const FIND_PAGES = 4
/** When the quota is used up Graph does not say when a slot frees (rolling 24 h): look again in an hour. */
const QUOTA_WAIT_MS = 3600_000

export const INSTAGRAM_CAPABILITIES: ConnectorCapabilities = {
  // Alt text: `alt_text` on image containers (since March 2025).
  ...postingCapabilitiesOf('instagram'),
  readComments: true,
  // Mentions arrive through the `mentions` webhook field only (no text in it); not polled yet.
  readMentions: false,
  // Instagram Messaging (24 h window) is not built yet.
  readDirectMessages: false,
  reply: true,
  hideReply: true,
  deleteReply: true,
  // The Instagram API has no delete for media.
  deleteOwnPost: false,
  // views, likes, comments, shares from /{media-id}/insights (impressions and plays are gone since April 2025).
  metrics: ['likes', 'shares', 'replies', 'views'],
}

export interface InstagramConnectorOptions {
  timeoutMs?: number
  /** Between two looks at a container's status (video processing takes seconds to minutes). */
  pollIntervalMs?: number
  /** Looks before giving up on a container (nothing is published then: retrying is safe). */
  maxPolls?: number
}

// The quota answer's reading is shared with Threads (meta/graph-client.ts); re-exported for this folder's tests.
export { parsePublishingLimit }

interface IgComment {
  id: string
  text?: string
  timestamp: string
  username?: string
  from?: { id: string; username?: string }
  parent_id?: string
  replies?: { data?: IgComment[] }
}

interface IgMedia {
  id: string
  caption?: string
  timestamp: string
  permalink?: string
}

interface IgInsight {
  name: string
  values?: { value?: unknown }[]
  total_value?: { value?: unknown }
}

function credentialsOf(context: ConnectorContext): { igUserId: string; token: string } {
  const igUserId = context.credentials.igUserId ?? context.account.platformAccountId ?? ''
  const token = context.credentials.accessToken ?? ''
  if (!igUserId || !token)
    throw new ConnectorError('auth_expired', 'no Instagram credentials', {
      reason: { key: 'meta.credentials_missing', params: { platform: LABEL } },
    })
  return { igUserId, token }
}

function rejected(key: 'meta.media_required' | 'meta.public_url_required', message: string): ConnectorError {
  return new ConnectorError('rejected', message, { reason: { key, params: { platform: LABEL } } })
}

export class InstagramConnector implements Connector {
  readonly platform = 'instagram'
  readonly capabilities = INSTAGRAM_CAPABILITIES
  private readonly graph: GraphClient
  private readonly igUserId: string
  private readonly pollIntervalMs: number
  private readonly maxPolls: number

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: InstagramConnectorOptions = {}) {
    this.context = context
    const { igUserId, token } = credentialsOf(context)
    this.igUserId = igUserId
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000
    this.maxPolls = options.maxPolls ?? 60
    this.graph = new GraphClient({
      platform: 'instagram',
      host: INSTAGRAM_GRAPH,
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
    const me = await this.graph.get<{ id: string; user_id?: string; username?: string; name?: string }>(
      'me',
      {
        fields: 'user_id,username,name',
      },
    )
    return {
      platformAccountId: me.user_id ?? me.id,
      handle: me.username ?? me.user_id ?? me.id,
      displayName: me.name ?? null,
      publishingQuota: await this.publishingQuota(),
    }
  }

  async publishingQuota(): Promise<PublishingQuota | null> {
    return parsePublishingLimit(
      await this.graph.get<PublishingLimitAnswer>(`${this.igUserId}/content_publishing_limit`, {
        fields: 'config,quota_usage',
      }),
    )
  }

  private checkRequest(request: PublishRequest): void {
    checkPublishRequest(LABEL, this.capabilities, request)
    if (request.media.length === 0) throw rejected('meta.media_required', 'Instagram takes no text-only post')
    if (request.media.length > this.capabilities.maxImages)
      throw new ConnectorError('rejected', 'too many carousel items', {
        reason: {
          key: 'connectors.too_many_images',
          params: { platform: LABEL, maximum: this.capabilities.maxImages },
        },
      })
    if (request.media.some((item) => !item.publicUrl))
      throw rejected('meta.public_url_required', 'Instagram downloads media from a public address')
  }

  /** Container creation publishes nothing: safe to repeat, so a `read` for the error table. */
  private createContainer(params: Record<string, string | undefined>): Promise<{ id: string }> {
    return this.graph.post<{ id: string }>(`${this.igUserId}/media`, params, 'read')
  }

  private itemParams(item: MediaItem): Record<string, string | undefined> {
    return item.kind === 'video'
      ? { media_type: 'VIDEO', video_url: item.publicUrl }
      : { image_url: item.publicUrl, alt_text: item.altText }
  }

  /** Waits until Meta has downloaded and processed the container. */
  private finished(containerId: string): Promise<void> {
    return waitForContainer(this.graph, containerId, {
      label: LABEL,
      fields: 'status_code,status',
      read: (answer) => ({ status: answer.status_code }),
      pollIntervalMs: this.pollIntervalMs,
      maxPolls: this.maxPolls,
    })
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    this.checkRequest(request)
    const quota = await this.publishingQuota()
    if (quota && quota.used >= quota.total) {
      const retryAt = new Date(this.context.now().getTime() + QUOTA_WAIT_MS)
      throw new ConnectorError('rate_limited', 'the Instagram 24 h publishing quota is used up', {
        retryAt,
        reason: {
          key: 'meta.publishing_limit_reached',
          params: { platform: LABEL, used: quota.used, total: quota.total, retryAt: retryAt.toISOString() },
        },
      })
    }
    let containerId: string
    if (request.media.length === 1) {
      const item = request.media[0]!
      const params =
        item.kind === 'video'
          ? { media_type: 'REELS', video_url: item.publicUrl }
          : { image_url: item.publicUrl, alt_text: item.altText }
      containerId = (await this.createContainer({ ...params, caption: request.text })).id
    } else {
      const children: string[] = []
      for (const item of request.media) {
        const child = await this.createContainer({ ...this.itemParams(item), is_carousel_item: 'true' })
        await this.finished(child.id)
        children.push(child.id)
      }
      containerId = (
        await this.createContainer({
          media_type: 'CAROUSEL',
          children: children.join(','),
          caption: request.text,
        })
      ).id
    }
    await this.finished(containerId)
    const attemptedAt = this.context.now()
    let mediaId: string
    try {
      mediaId = (
        await this.graph.post<{ id: string }>(
          `${this.igUserId}/media_publish`,
          { creation_id: containerId },
          'write',
        )
      ).id
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'unknown_outcome') {
        const existing = await this.findPublished(request, new Date(attemptedAt.getTime() - 3600_000)).catch(
          () => null,
        )
        if (existing) return existing
      }
      throw error
    }
    const media = await this.graph
      .get<IgMedia>(mediaId, { fields: 'id,permalink,timestamp' })
      .catch(() => null)
    return {
      platformPostId: mediaId,
      url: media?.permalink ?? `https://www.instagram.com/`,
      publishedAt: media?.timestamp ? graphTime(media.timestamp) : attemptedAt,
    }
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    let after: string | undefined
    for (let page = 0; page < FIND_PAGES; page += 1) {
      const media = await this.graph.get<GraphPage<IgMedia>>(`${this.igUserId}/media`, {
        fields: 'id,caption,timestamp,permalink',
        limit: 50,
        after,
      })
      for (const item of media.data) {
        const at = graphTime(item.timestamp)
        if (at < since) return null // newest first: nothing older can be it
        if (sameText(item.caption, request.text))
          return {
            platformPostId: item.id,
            url: item.permalink ?? 'https://www.instagram.com/',
            publishedAt: at,
          }
      }
      after = media.paging?.next ? media.paging.cursors?.after : undefined
      if (!after) break
    }
    return null
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    const tracker = new CursorTracker(decodeCommentCursor(cursor))
    const fresh: Interaction[] = []
    const media = await this.graph.get<GraphPage<IgMedia>>(`${this.igUserId}/media`, {
      fields: 'id,timestamp',
      limit: RECENT_MEDIA,
    })
    const take = (comment: IgComment, mediaId: string, parentId: string | null) => {
      const at = graphTime(comment.timestamp).getTime()
      if (tracker.seen(comment.id, at)) return
      tracker.note(comment.id, at)
      if (comment.from?.id === this.igUserId) return // the account's own replies are not inbound
      const handle = comment.from?.username ?? comment.username ?? ''
      fresh.push({
        externalId: comment.id,
        kind: parentId ? 'reply' : 'comment',
        author: { externalId: comment.from?.id ?? '', handle, displayName: null },
        text: comment.text ?? '',
        createdAt: new Date(at),
        url: null,
        parentExternalId: parentId ?? mediaId,
        rootExternalId: mediaId,
      })
    }
    for (const item of media.data) {
      let after: string | undefined
      // Comment order is not documented: read every page (bounded) and let the cursor drop what was returned.
      for (let page = 0; page < MAX_COMMENT_PAGES; page += 1) {
        const comments = await this.graph.get<GraphPage<IgComment>>(`${item.id}/comments`, {
          fields:
            'id,text,timestamp,username,from,parent_id,replies{id,text,timestamp,username,from,parent_id}',
          limit: COMMENT_PAGE,
          after,
        })
        for (const comment of comments.data) {
          take(comment, item.id, null)
          for (const reply of comment.replies?.data ?? []) take(reply, item.id, comment.id)
        }
        after = comments.paging?.next ? comments.paging.cursors?.after : undefined
        if (!after || comments.data.length === 0) break
      }
    }
    fresh.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    return { items: fresh, cursor: tracker.cursor() }
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    checkPublishRequest(LABEL, this.capabilities, { idempotencyKey: '', text, media: [] })
    const publishedAt = this.context.now()
    // Replies go under top-level comments only; Graph refuses a reply to a reply (code 100).
    const answer = await this.graph.post<{ id: string }>(
      `${to.externalId}/replies`,
      { message: text },
      'write',
    )
    return { platformPostId: answer.id, url: 'https://www.instagram.com/', publishedAt }
  }

  async hideReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.hideReply, 'hide reply')
    await this.graph.post(externalId, { hide: 'true' }, 'read')
  }

  async deleteReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteReply, 'delete reply')
    await this.graph.delete(externalId)
  }

  async deletePost(_platformPostId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteOwnPost, 'delete post')
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    for (const id of platformPostIds) {
      const answer = await this.graph.get<{ data: IgInsight[] }>(`${id}/insights`, {
        metric: 'views,reach,likes,comments,shares,saved',
      })
      const value = (name: string): number | null => {
        const found = answer.data.find((item) => item.name === name)
        const raw = found?.values?.[0]?.value ?? found?.total_value?.value
        return typeof raw === 'number' ? raw : null
      }
      metrics.set(id, {
        likes: value('likes'),
        shares: value('shares'),
        replies: value('comments'),
        quotes: null,
        views: value('views'),
      })
    }
    return metrics
  }
}

export function createInstagramConnector(
  context: ConnectorContext,
  options: InstagramConnectorOptions = {},
): Connector {
  return new InstagramConnector(context, options)
}
