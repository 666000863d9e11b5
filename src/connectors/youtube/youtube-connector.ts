// YouTube (Data API v3) for one channel: a post is a video (videos.insert by resumable upload, the text becoming
// its title and description), its comments are the interactions (commentThreads.list across the channel), a
// reply is comments.insert, moderation is comments.setModerationStatus, metrics are videos.list statistics.
// JSON calls go through @googleapis/youtube (its one importer) over the context's fetch; the resumable upload is
// two plain requests (the SDK sends media as one multipart request). platforms.md §3.4 and §7 list the facts.
//
// Credentials (from youtube-oauth.ts connectionOf): accessToken, and channelId / uploadsPlaylistId once known.
// The access token lives an hour; the app refreshes it through the OAuthProvider (it holds the client secret).
import { youtube, type youtube_v3 } from '@googleapis/youtube'
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
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
import { toConnectorError, YouTubeHttpError, type RequestEffect } from './youtube-errors.ts'
import { YOUTUBE_UNIT_COSTS, type YouTubeMethod } from './youtube-quota.ts'

const LABEL = 'YouTube'
export const YOUTUBE_UPLOAD_URL = 'https://www.googleapis.com/upload/youtube/v3/videos'
const MAX_TITLE = 100
const MAX_DESCRIPTION_BYTES = PLATFORM_RULES.youtube.maxTextLength
/** Category 25, "News & Politics": what a Humas office's videos are (videoCategories.list, region ID). */
const CATEGORY_ID = '25'
const LIST_PAGE = 50
const THREAD_PAGE = 100
const METRICS_BATCH = 50
/** How many pages of the uploads playlist findPublished reads back at most (newest first). */
const MAX_UPLOAD_PAGES = 4
/** How many pages of one thread's replies fetchInteractions reads (100 each) when the thread carries a subset. */
const MAX_REPLY_PAGES = 5

export const YOUTUBE_CAPABILITIES: ConnectorCapabilities = {
  // The description's limit (5 000 UTF-8 bytes, counted on the whole text); the title is the first line, cut to
  // 100. A YouTube post is one video; images (thumbnails.set) are not posts.
  ...postingCapabilitiesOf('youtube'),
  readComments: true,
  // The Data API has no mentions and no direct messages.
  readMentions: false,
  readDirectMessages: false,
  reply: true,
  // heldForReview: the comment goes back to the "held for review" tab, hidden from the public.
  hideReply: true,
  // rejected: the channel removes another person's comment (comments.delete is for the comment's author only).
  deleteReply: true,
  deleteOwnPost: true,
  metrics: ['views', 'likes', 'replies'],
}

/** A video's title and description from the post's text (the title is what findPublished matches on, too). */
export function videoTextOf(text: string): { title: string; description: string } {
  const trimmed = text.trim()
  const newline = trimmed.indexOf('\n')
  const firstLine = (newline === -1 ? trimmed : trimmed.slice(0, newline)).trim()
  const points = [...firstLine]
  if (points.length <= MAX_TITLE)
    return { title: firstLine, description: newline === -1 ? '' : trimmed.slice(newline + 1).trim() }
  // A first line longer than a title: the title is its start, the description carries the whole text.
  return {
    title: `${points
      .slice(0, MAX_TITLE - 1)
      .join('')
      .trimEnd()}…`,
    description: trimmed,
  }
}

function watchUrl(videoId: string, commentId?: string): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}${commentId ? `&lc=${encodeURIComponent(commentId)}` : ''}`
}

function rejected(key: NonNullable<ConnectorError['reason']>, message: string): ConnectorError {
  return new ConnectorError('rejected', message, { reason: key })
}

/** Where fetchInteractions stands: the newest thread time already returned, and the page inside a sweep. */
interface Mark {
  at: string
  ids: string[]
}
interface ThreadCursor {
  since: Mark | null
  page: string | null
  newest: Mark | null
}

function encodeCursor(cursor: ThreadCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function isMark(value: unknown): value is Mark {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Mark).at === 'string' &&
    Array.isArray((value as Mark).ids)
  )
}

function decodeCursor(cursor: string | null): ThreadCursor {
  if (!cursor) return { since: null, page: null, newest: null }
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<ThreadCursor>
    const since = value.since ?? null
    const newest = value.newest ?? null
    const page = value.page ?? null
    if (
      (since === null || isMark(since)) &&
      (newest === null || isMark(newest)) &&
      (page === null || typeof page === 'string')
    )
      return { since, page, newest }
  } catch {
    // fall through
  }
  throw rejected({ key: 'youtube.cursor_invalid' }, 'not a YouTube interactions cursor')
}

function later(mark: Mark | null, at: string, id: string): Mark {
  if (!mark || at > mark.at) return { at, ids: [id] }
  if (at === mark.at) return { at, ids: [...mark.ids, id] }
  return mark
}

export class YouTubeConnector implements Connector {
  readonly platform = 'youtube'
  readonly capabilities = YOUTUBE_CAPABILITIES
  private client: youtube_v3.Youtube | null = null
  private readonly http: typeof fetch
  private channel: { id: string; uploads: string } | null

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext) {
    this.context = context
    const own = context.fetch
    // Late-bound, so a test's interceptor installed after import still sees every request.
    this.http = own ?? ((input, init) => globalThis.fetch(input, init))
    const { channelId, uploadsPlaylistId } = context.credentials
    this.channel = channelId && uploadsPlaylistId ? { id: channelId, uploads: uploadsPlaylistId } : null
  }

  /** The SDK client, made on first use (inside `call`, so a missing token is an auth_expired answer, not a throw). */
  private get api(): youtube_v3.Youtube {
    this.client ??= youtube({
      version: 'v3',
      // The engine decides on retries from the error kind; the SDK must not resend a write on its own.
      retry: false,
      headers: { Authorization: `Bearer ${this.token()}` },
      fetchImplementation: this.http,
    })
    return this.client
  }

  private token(): string {
    const token = this.context.credentials.accessToken
    if (!token)
      throw new ConnectorError('auth_expired', 'no YouTube access token', {
        reason: { key: 'youtube.auth_expired' },
      })
    return token
  }

  /**
   * One API call: its error mapped to a ConnectorError, and its cost told to the app's meter (`method`), whatever
   * the answer (YouTube charges failed calls too). A call that never left (no token) costs nothing.
   */
  private async call<T>(
    effect: RequestEffect,
    method: YouTubeMethod | null,
    step: () => Promise<T>,
  ): Promise<T> {
    let sent = false
    try {
      this.token()
      sent = true
      return await step()
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now())
    } finally {
      if (sent && method) this.context.meter?.({ method, units: YOUTUBE_UNIT_COSTS[method] })
    }
  }

  private async mine(): Promise<youtube_v3.Schema$Channel> {
    const { data } = await this.call('read', 'channels.list', () =>
      this.api.channels.list({ part: ['snippet', 'contentDetails'], mine: true }),
    )
    const channel = data.items?.[0]
    if (!channel?.id)
      throw new ConnectorError('auth_expired', 'the Google account has no YouTube channel', {
        reason: { key: 'youtube.channel_missing' },
      })
    return channel
  }

  private async ownChannel(): Promise<{ id: string; uploads: string }> {
    if (this.channel) return this.channel
    return this.remember(await this.mine())
  }

  private remember(channel: youtube_v3.Schema$Channel): { id: string; uploads: string } {
    this.channel = {
      id: channel.id!,
      uploads: channel.contentDetails?.relatedPlaylists?.uploads ?? `UU${channel.id!.slice(2)}`,
    }
    return this.channel
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const channel = await this.mine()
    this.remember(channel)
    return {
      platformAccountId: channel.id!,
      handle: channel.snippet?.customUrl || channel.id!,
      displayName: channel.snippet?.title || null,
    }
  }

  private checkRequest(request: PublishRequest): { video: MediaItem; title: string; description: string } {
    if (request.media.some((item) => item.kind === 'image'))
      throw rejected({ key: 'youtube.one_video_only' }, 'a YouTube upload is one video, no images')
    // The description's own bytes first (the more precise reason); the shared check then counts the whole text,
    // as the composer does.
    const { title, description } = videoTextOf(request.text)
    const bytes = Buffer.byteLength(description, 'utf8')
    if (bytes > MAX_DESCRIPTION_BYTES)
      throw rejected(
        { key: 'youtube.description_too_long', params: { bytes, maximum: MAX_DESCRIPTION_BYTES } },
        `the description has ${bytes} bytes, YouTube takes ${MAX_DESCRIPTION_BYTES}`,
      )
    checkPublishRequest(LABEL, this.capabilities, request)
    const videos = request.media.filter((item) => item.kind === 'video')
    if (videos.length === 0) throw rejected({ key: 'youtube.video_required' }, 'a YouTube post needs a video')
    if (request.media.length !== 1)
      throw rejected({ key: 'youtube.one_video_only' }, 'a YouTube upload is exactly one video')
    if (title === '') throw rejected({ key: 'youtube.title_missing' }, 'the first line is empty')
    // YouTube answers invalidTitle / invalidDescription for angle brackets; say so before spending 100 units.
    if (/[<>]/.test(title) || /[<>]/.test(description))
      throw rejected({ key: 'youtube.angle_brackets' }, 'YouTube refuses < and > in titles and descriptions')
    return { video: videos[0]!, title, description }
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    const { video, title, description } = this.checkRequest(request)
    const authorization = `Bearer ${this.token()}`
    // Read the file first: a storage failure must not leave a started upload session behind.
    const bytes = await video.read()
    // 1. Start a resumable session: metadata only; YouTube answers the upload address in Location.
    const uploadUrl = await this.call('read', 'videos.insert', async () => {
      const url = `${YOUTUBE_UPLOAD_URL}?uploadType=resumable&part=snippet,status`
      const response = await this.http(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-length': String(video.byteLength),
          'x-upload-content-type': video.mimeType,
        },
        body: JSON.stringify({
          snippet: { title, description, categoryId: CATEGORY_ID },
          status: { privacyStatus: 'public', selfDeclaredMadeForKids: false, embeddable: true },
        }),
      })
      if (!response.ok) throw new YouTubeHttpError(response.status, await response.text(), response.headers)
      const location = response.headers.get('location')
      if (!location) throw new YouTubeHttpError(502, 'no upload address in Location', response.headers)
      return location
    })
    // 2. Send the bytes: from here on the video may exist whatever the answer (unknown_outcome on 5xx / no answer).
    // The bytes belong to the same videos.insert: the session start above was its one charge.
    const uploaded = await this.call('write', null, async () => {
      const response = await this.http(uploadUrl, {
        method: 'PUT',
        headers: { authorization, 'content-type': video.mimeType },
        body: bytes,
      })
      if (!response.ok) throw new YouTubeHttpError(response.status, await response.text(), response.headers)
      return (await response.json()) as youtube_v3.Schema$Video
    })
    if (!uploaded.id)
      throw toConnectorError(
        new YouTubeHttpError(502, 'no video id', new Headers()),
        'write',
        this.context.now(),
      )
    const publishedAt = uploaded.snippet?.publishedAt
    return {
      platformPostId: uploaded.id,
      url: watchUrl(uploaded.id),
      publishedAt: publishedAt ? new Date(publishedAt) : this.context.now(),
    }
  }

  /**
   * YouTube has no idempotency key: the request's video is recognised in the channel's uploads playlist (newest
   * first) by its exact title and description, uploaded at or after `since`. No marker is added to the text.
   */
  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    const { title, description } = videoTextOf(request.text)
    const { uploads } = await this.ownChannel()
    let pageToken: string | undefined
    for (let page = 0; page < MAX_UPLOAD_PAGES; page += 1) {
      const { data } = await this.call('read', 'playlistItems.list', () =>
        this.api.playlistItems.list({
          part: ['snippet'],
          playlistId: uploads,
          maxResults: LIST_PAGE,
          pageToken,
        }),
      )
      for (const item of data.items ?? []) {
        const snippet = item.snippet
        const videoId = snippet?.resourceId?.videoId
        const at = snippet?.publishedAt ? new Date(snippet.publishedAt) : null
        if (!snippet || !videoId || !at) continue
        if (at < since) return null
        if (snippet.title === title && (snippet.description ?? '').trim() === description)
          return { platformPostId: videoId, url: watchUrl(videoId), publishedAt: at }
      }
      if (!data.nextPageToken) return null
      pageToken = data.nextPageToken
    }
    return null
  }

  private interaction(
    comment: youtube_v3.Schema$Comment,
    kind: 'comment' | 'reply',
    videoId: string,
  ): Interaction | null {
    const snippet = comment.snippet
    if (!comment.id || !snippet) return null
    const author = snippet.authorDisplayName ?? ''
    return {
      externalId: comment.id,
      kind,
      author: {
        externalId: snippet.authorChannelId?.value ?? author,
        handle: author,
        displayName: author || null,
      },
      text: snippet.textOriginal ?? snippet.textDisplay ?? '',
      createdAt: new Date(snippet.publishedAt ?? this.context.now().toISOString()),
      url: watchUrl(videoId, comment.id),
      parentExternalId: kind === 'reply' ? (snippet.parentId ?? null) : videoId,
      rootExternalId: videoId,
    }
  }

  /**
   * The channel's comment threads, newest first, one API page per call. A sweep pages back until the threads the
   * last sweep already returned; the cursor then holds that newest time, and a call with it that finds nothing
   * newer answers no items and a null cursor (keep polling with the old one). Replies come with their thread
   * (the `replies` part); a reply added later to an older thread waits for a full read (cursor null).
   */
  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    const state = decodeCursor(cursor)
    const channel = await this.ownChannel()
    const { data } = await this.call('read', 'commentThreads.list', () =>
      this.api.commentThreads.list({
        part: ['snippet', 'replies'],
        allThreadsRelatedToChannelId: channel.id,
        order: 'time',
        textFormat: 'plainText',
        maxResults: THREAD_PAGE,
        pageToken: state.page ?? undefined,
      }),
    )
    const items: Interaction[] = []
    let newest = state.newest
    let reachedKnown = false
    for (const thread of data.items ?? []) {
      const top = thread.snippet?.topLevelComment
      const videoId = thread.snippet?.videoId
      const at = top?.snippet?.publishedAt
      if (!thread.id || !top || !videoId || !at) continue
      const since = state.since
      if (since && (at < since.at || (at === since.at && since.ids.includes(thread.id)))) {
        reachedKnown = true
        break
      }
      newest = later(newest, at, thread.id)
      const byOthers = (comment: youtube_v3.Schema$Comment) =>
        comment.snippet?.authorChannelId?.value !== channel.id
      if (byOthers(top)) {
        const item = this.interaction(top, 'comment', videoId)
        if (item) items.push(item)
      }
      for (const reply of await this.repliesOf(thread)) {
        if (!byOthers(reply)) continue
        const item = this.interaction(reply, 'reply', videoId)
        if (item) items.push(item)
      }
    }
    if (!reachedKnown && data.nextPageToken)
      return { items, cursor: encodeCursor({ since: state.since, page: data.nextPageToken, newest }) }
    if (!newest) return { items, cursor: null }
    const mark =
      state.since && newest.at === state.since.at
        ? { at: newest.at, ids: [...newest.ids, ...state.since.ids] }
        : newest
    return { items, cursor: encodeCursor({ since: mark, page: null, newest: null }) }
  }

  /** A thread's replies: the ones it carries, or all of them through comments.list when it carries a subset. */
  private async repliesOf(thread: youtube_v3.Schema$CommentThread): Promise<youtube_v3.Schema$Comment[]> {
    const carried = thread.replies?.comments ?? []
    const total = thread.snippet?.totalReplyCount ?? carried.length
    if (total <= carried.length || !thread.id) return carried
    const replies: youtube_v3.Schema$Comment[] = []
    let pageToken: string | undefined
    for (let page = 0; page < MAX_REPLY_PAGES; page += 1) {
      const { data } = await this.call('read', 'comments.list', () =>
        this.api.comments.list({
          part: ['snippet'],
          parentId: thread.id!,
          textFormat: 'plainText',
          maxResults: THREAD_PAGE,
          pageToken,
        }),
      )
      replies.push(...(data.items ?? []))
      if (!data.nextPageToken) break
      pageToken = data.nextPageToken
    }
    return replies
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    if (text.trim() === '') throw rejected({ key: 'connectors.text_empty' }, 'empty reply')
    // Replies go under the thread's top-level comment: a reply's id is `<top-level id>.<reply id>`.
    const parentId = to.externalId.split('.')[0]!
    const { data } = await this.call('write', 'comments.insert', () =>
      this.api.comments.insert({
        part: ['snippet'],
        requestBody: { snippet: { parentId, textOriginal: text } },
      }),
    )
    if (!data.id) throw rejected({ key: 'youtube.request_refused' }, 'no comment id in the answer')
    const videoId = to.rootExternalId ?? data.snippet?.videoId ?? null
    return {
      platformPostId: data.id,
      url: videoId
        ? watchUrl(videoId, data.id)
        : `https://www.youtube.com/channel/${(await this.ownChannel()).id}`,
      publishedAt: new Date(data.snippet?.publishedAt ?? this.context.now().toISOString()),
    }
  }

  private async moderate(externalId: string, status: 'heldForReview' | 'rejected'): Promise<void> {
    // Setting the same status again is harmless: safe to repeat, hence `read`.
    await this.call('read', 'comments.setModerationStatus', () =>
      this.api.comments.setModerationStatus({ id: [externalId], moderationStatus: status }),
    )
  }

  async hideReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.hideReply, 'hideReply')
    await this.moderate(externalId, 'heldForReview')
  }

  async deleteReply(externalId: string): Promise<void> {
    requireCapability(LABEL, this.capabilities.deleteReply, 'deleteReply')
    await this.moderate(externalId, 'rejected')
  }

  async deletePost(platformPostId: string): Promise<void> {
    try {
      await this.call('read', 'videos.delete', () => this.api.videos.delete({ id: platformPostId }))
    } catch (error) {
      // Already gone: a repeated delete is harmless.
      if (error instanceof ConnectorError && error.reason?.key === 'youtube.not_found') return
      if (error instanceof ConnectorError && error.reason?.key === 'youtube.forbidden')
        throw new ConnectorError('rejected', `${platformPostId} is not this channel's video`, {
          reason: { key: 'youtube.not_own_video' },
          platformCode: error.platformCode,
          platformMessage: error.platformMessage,
          cause: error,
        })
      throw error
    }
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    const count = (value: string | null | undefined) =>
      value === undefined || value === null ? null : Number(value)
    for (let start = 0; start < platformPostIds.length; start += METRICS_BATCH) {
      const batch = platformPostIds.slice(start, start + METRICS_BATCH)
      const { data } = await this.call('read', 'videos.list', () =>
        this.api.videos.list({ part: ['statistics'], id: batch }),
      )
      // A video YouTube no longer has (deleted) is left out rather than reported as zeros.
      for (const video of data.items ?? []) {
        if (!video.id) continue
        const statistics = video.statistics ?? {}
        metrics.set(video.id, {
          views: count(statistics.viewCount),
          // likeCount is absent when the channel hides likes; commentCount when comments are off (then 0).
          likes: count(statistics.likeCount),
          replies: count(statistics.commentCount) ?? 0,
          shares: null,
          quotes: null,
        })
      }
    }
    return metrics
  }
}

export const createYouTubeConnector: ConnectorFactory = (context) => new YouTubeConnector(context)
