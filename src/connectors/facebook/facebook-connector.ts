// Facebook Pages through the Graph API (plain fetch, src/connectors/meta/graph-client.ts), for one Page with its
// Page access token (platforms.md §3.1). Credentials: { pageId, pageAccessToken } (from facebook-oauth.ts, or a
// System User token pasted by the admin). A post's id is Graph's `{page-id}_{post-id}`; comments and replies keep
// Graph's comment ids.
//
// findPublished: Graph has no idempotency key for Page posts, and the text must carry no marker, so a post is
// recognised by its exact text among the Page's own posts created since the attempt (`/{page-id}/posts`). Two
// identical texts inside one reconciliation window would be taken for one post: the composer's variants differ.
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
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import {
  CursorTracker,
  decodeCommentCursor,
  FACEBOOK_GRAPH,
  GraphClient,
  graphTime,
  sameText,
  type GraphPage,
} from '../meta/graph-client.ts'

const LABEL = 'Facebook'
/** The newest posts whose comments a poll reads; older threads arrive through the `feed` webhook. */
const RECENT_POSTS = 25
const COMMENT_PAGE = 50
const MAX_COMMENT_PAGES = 20
const FIND_PAGES = 4

export const FACEBOOK_CAPABILITIES: ConnectorCapabilities = {
  // Page post message limit (platforms.md §3.1, verify); multi-photo posts through unpublished photos +
  // attached_media, 10 per post; Graph's /photos takes no alt text for Page photos (Facebook generates it).
  ...postingCapabilitiesOf('facebook'),
  readComments: true,
  // Mentions arrive through the `mention` webhook field only; a poll does not read /tagged yet.
  readMentions: false,
  // Messenger (webhook `messages`, 24 h window) is not built yet.
  readDirectMessages: false,
  reply: true,
  hideReply: true,
  deleteReply: true,
  deleteOwnPost: true,
  // likes = all reactions; views = post_media_view (impressions were retired on 15 Nov 2025).
  metrics: ['likes', 'shares', 'replies', 'views'],
}

export interface FacebookConnectorOptions {
  timeoutMs?: number
}

interface GraphComment {
  id: string
  message?: string
  created_time: string
  from?: { id: string; name?: string }
  parent?: { id: string }
  permalink_url?: string
}

interface GraphPost {
  id: string
  message?: string
  created_time: string
  permalink_url?: string
}

interface GraphInsight {
  name: string
  values?: { value?: unknown }[]
}

interface GraphPostCounts {
  id: string
  reactions?: { summary?: { total_count?: number } }
  comments?: { summary?: { total_count?: number } }
  shares?: { count?: number }
  insights?: { data?: GraphInsight[] }
}

function postUrl(id: string): string {
  return `https://www.facebook.com/${id}`
}

function firstLink(text: string): string | undefined {
  return /https?:\/\/[^\s<>"]+/i.exec(text)?.[0]
}

function credentialsOf(context: ConnectorContext): { pageId: string; token: string } {
  const pageId = context.credentials.pageId ?? context.account.platformAccountId ?? ''
  const token = context.credentials.pageAccessToken ?? ''
  if (!pageId || !token)
    throw new ConnectorError('auth_expired', 'no Facebook Page credentials', {
      reason: { key: 'meta.credentials_missing', params: { platform: LABEL } },
    })
  return { pageId, token }
}

export class FacebookConnector implements Connector {
  readonly platform = 'facebook'
  readonly capabilities = FACEBOOK_CAPABILITIES
  private readonly graph: GraphClient
  private readonly pageId: string

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: FacebookConnectorOptions = {}) {
    this.context = context
    const { pageId, token } = credentialsOf(context)
    this.pageId = pageId
    this.graph = new GraphClient({
      platform: 'facebook',
      host: FACEBOOK_GRAPH,
      accessToken: token,
      fetch: context.fetch ?? globalThis.fetch,
      now: context.now,
      timeoutMs: options.timeoutMs,
    })
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const page = await this.graph.get<{ id: string; name?: string; username?: string }>(this.pageId, {
      fields: 'id,name,username',
    })
    return { platformAccountId: page.id, handle: page.username ?? page.id, displayName: page.name ?? null }
  }

  /** Uploads one photo (its public address when it has one, else its bytes); `published=false` for a set. */
  private async uploadPhoto(
    item: MediaItem,
    extra: Record<string, string>,
  ): Promise<{ id: string; post_id?: string }> {
    if (item.publicUrl)
      return this.graph.post(`${this.pageId}/photos`, { url: item.publicUrl, ...extra }, 'write')
    const form = new FormData()
    for (const [key, value] of Object.entries(extra)) form.set(key, value)
    form.set('source', new Blob([await item.read()], { type: item.mimeType }), 'photo')
    return this.graph.postMultipart(`${this.pageId}/photos`, form, 'write')
  }

  private async publishVideo(item: MediaItem, text: string): Promise<string> {
    let answer: { id: string }
    if (item.publicUrl)
      answer = await this.graph.post(
        `${this.pageId}/videos`,
        { file_url: item.publicUrl, description: text },
        'write',
      )
    else {
      const form = new FormData()
      form.set('description', text)
      form.set('source', new Blob([await item.read()], { type: item.mimeType }), 'video')
      answer = await this.graph.postMultipart(`${this.pageId}/videos`, form, 'write')
    }
    return answer.id
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    checkPublishRequest(LABEL, this.capabilities, request)
    const videos = request.media.filter((item) => item.kind === 'video')
    if (videos.length > 0 && request.media.length > 1)
      throw new ConnectorError('rejected', 'a Facebook video post takes one video and nothing else', {
        reason: { key: 'connectors.too_many_images', params: { platform: LABEL, maximum: 0 } },
      })
    const publishedAt = this.context.now()
    try {
      let id: string
      if (videos.length === 1) id = await this.publishVideo(videos[0]!, request.text)
      else if (request.media.length === 1) {
        const photo = await this.uploadPhoto(request.media[0]!, { caption: request.text, published: 'true' })
        id = photo.post_id ?? photo.id
      } else if (request.media.length > 1) {
        // Unpublished photos first (no post appears), then one feed post that attaches them all.
        const ids: string[] = []
        for (const item of request.media)
          ids.push((await this.uploadPhoto(item, { published: 'false', temporary: 'true' })).id)
        const params: Record<string, string> = { message: request.text }
        ids.forEach((mediaId, index) => {
          params[`attached_media[${index}]`] = JSON.stringify({ media_fbid: mediaId })
        })
        id = (await this.graph.post<{ id: string }>(`${this.pageId}/feed`, params, 'write')).id
      } else {
        const link = firstLink(request.text)
        id = (
          await this.graph.post<{ id: string }>(
            `${this.pageId}/feed`,
            { message: request.text, link },
            'write',
          )
        ).id
      }
      return { platformPostId: id, url: postUrl(id), publishedAt }
    } catch (error) {
      // A duplicate or an unanswered write: the post may be there from an earlier attempt; answer it if so.
      if (
        error instanceof ConnectorError &&
        (error.kind === 'unknown_outcome' || error.reason?.key === 'meta.duplicate_post')
      ) {
        const existing = await this.findPublished(
          request,
          new Date(publishedAt.getTime() - 24 * 3600_000),
        ).catch(() => null)
        if (existing) return existing
      }
      throw error
    }
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    let after: string | undefined
    for (let page = 0; page < FIND_PAGES; page += 1) {
      const posts = await this.graph.get<GraphPage<GraphPost>>(`${this.pageId}/posts`, {
        fields: 'id,message,created_time,permalink_url',
        since: Math.floor(since.getTime() / 1000),
        limit: 100,
        after,
      })
      for (const post of posts.data)
        if (sameText(post.message, request.text) && graphTime(post.created_time) >= since)
          return {
            platformPostId: post.id,
            url: post.permalink_url ?? postUrl(post.id),
            publishedAt: graphTime(post.created_time),
          }
      after = posts.paging?.next ? posts.paging.cursors?.after : undefined
      if (!after) break
    }
    return null
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    const tracker = new CursorTracker(decodeCommentCursor(cursor))
    const fresh: Interaction[] = []
    const posts = await this.graph.get<GraphPage<GraphPost>>(`${this.pageId}/posts`, {
      fields: 'id,created_time',
      limit: RECENT_POSTS,
    })
    for (const post of posts.data) {
      let after: string | undefined
      // filter=stream gives every comment and reply of the post, newest first; read back to the cursor.
      pages: for (let page = 0; page < MAX_COMMENT_PAGES; page += 1) {
        const comments = await this.graph.get<GraphPage<GraphComment>>(`${post.id}/comments`, {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: 'id,message,created_time,from{id,name},parent{id},permalink_url',
          limit: COMMENT_PAGE,
          after,
        })
        for (const comment of comments.data) {
          const at = graphTime(comment.created_time).getTime()
          if (tracker.seen(comment.id, at)) break pages
          tracker.note(comment.id, at)
          if (comment.from?.id === this.pageId) continue // the Page's own replies are not inbound
          fresh.push({
            externalId: comment.id,
            kind: comment.parent ? 'reply' : 'comment',
            author: {
              externalId: comment.from?.id ?? '',
              // Pages see commenters by name; Graph gives no username for people.
              handle: comment.from?.name ?? comment.from?.id ?? '',
              displayName: comment.from?.name ?? null,
            },
            text: comment.message ?? '',
            createdAt: new Date(at),
            url: comment.permalink_url ?? postUrl(comment.id),
            parentExternalId: comment.parent?.id ?? post.id,
            rootExternalId: post.id,
          })
        }
        after = comments.paging?.next ? comments.paging.cursors?.after : undefined
        if (!after || comments.data.length === 0) break
      }
    }
    // Oldest first, as they happened (Graph lists newest first; times are to the second, so keep its order).
    fresh.reverse().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    return { items: fresh, cursor: tracker.cursor() }
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    checkPublishRequest(LABEL, this.capabilities, { idempotencyKey: '', text, media: [] })
    const publishedAt = this.context.now()
    const answer = await this.graph.post<{ id: string }>(
      `${to.externalId}/comments`,
      { message: text },
      'write',
    )
    return { platformPostId: answer.id, url: postUrl(answer.id), publishedAt }
  }

  async hideReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.hideReply, 'hide reply')
    // Hidden stays visible to its author and their friends (platforms.md §3.1).
    await this.graph.post(externalId, { is_hidden: 'true' }, 'read')
  }

  async deleteReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteReply, 'delete reply')
    await this.graph.delete(externalId)
  }

  async deletePost(platformPostId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteOwnPost, 'delete post')
    await this.graph.delete(platformPostId)
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    // Several ids in one request (`?ids=`): Graph answers an object keyed by id.
    for (let start = 0; start < platformPostIds.length; start += 50) {
      const ids = platformPostIds.slice(start, start + 50)
      const answer = await this.graph.get<Record<string, GraphPostCounts>>('', {
        ids: ids.join(','),
        fields:
          'reactions.summary(total_count).limit(0),comments.summary(true).limit(0),shares,insights.metric(post_media_view)',
      })
      for (const id of ids) {
        const counts = answer[id]
        if (!counts) continue
        const view = counts.insights?.data?.find((item) => item.name === 'post_media_view')?.values?.[0]
          ?.value
        metrics.set(id, {
          likes: counts.reactions?.summary?.total_count ?? 0,
          // Graph leaves `shares` out when nobody shared.
          shares: counts.shares?.count ?? 0,
          replies: counts.comments?.summary?.total_count ?? 0,
          quotes: null,
          // Insights need a Page with ≥ 100 likes and update about daily: null until Graph has a number.
          views: typeof view === 'number' ? view : null,
        })
      }
    }
    return metrics
  }
}

export function createFacebookConnector(context: ConnectorContext): Connector {
  return new FacebookConnector(context)
}
