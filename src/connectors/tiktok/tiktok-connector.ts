// TikTok over plain fetch (no official Node SDK for these APIs): the Content Posting API to publish (creator_info
// first, as TikTok requires; a video by PULL_FROM_URL from Warta's verified public media address, or FILE_UPLOAD
// in chunks when the file has no public address; photos by PULL_FROM_URL only), its status endpoint polled until
// the post is public, and the Display API (video/list, video/query) to find a post again and count it.
// platformPostId is TikTok's video (or photo post) id. platforms.md §3.5 and §7 list the facts this follows.
//
// What TikTok's public APIs do not allow, the capabilities say no to (and those methods throw `rejected`):
// reading or answering comments, hiding or deleting them, direct messages, deleting a published post, text-only
// posts. TikTok has no idempotency key: findPublished recognises a post by its exact caption among the account's
// videos created since the publication started (see docs/platforms/tiktok.md).
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type ConnectorFactory,
  type InteractionPage,
  type MediaItem,
  type PostMetrics,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import { toConnectorError, type RequestEffect } from './tiktok-errors.ts'

export const TIKTOK_API = 'https://open.tiktokapis.com'
const LABEL = 'TikTok'
/** Photo posts: JPEG or WebP, fetched by TikTok from a verified URL prefix (how many: the shared table). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/webp'])
const PHOTO_TITLE = 90
/** FILE_UPLOAD: files under 5 MB go in one chunk; larger ones in 10 MB chunks, the last taking the remainder. */
const SINGLE_CHUNK_LIMIT = 5 * 1024 * 1024
const CHUNK_SIZE = 10 * 1024 * 1024
const VIDEO_QUERY_BATCH = 20
const VIDEO_LIST_PAGE = 20
const MAX_LIST_PAGES = 10
const VIDEO_FIELDS = 'id,title,video_description,create_time,share_url'
const METRIC_FIELDS = 'id,like_count,comment_count,share_count,view_count'
const USER_FIELDS = 'open_id,union_id,avatar_url,display_name,username'
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

export const TIKTOK_CAPABILITIES: ConnectorCapabilities = {
  // The caption counts UTF-16 units (an emoji is 2); TikTok has no alt text for photos.
  ...postingCapabilitiesOf('tiktok'),
  // The Content Posting and Display APIs give no comments, mentions or messages (only the separate TikTok API
  // for Business does, for business accounts): nothing to read, answer, hide or delete.
  readComments: false,
  readMentions: false,
  readDirectMessages: false,
  reply: false,
  hideReply: false,
  deleteReply: false,
  deleteOwnPost: false,
  metrics: ['likes', 'shares', 'replies', 'views'],
}

export type TikTokPrivacyLevel =
  'PUBLIC_TO_EVERYONE' | 'MUTUAL_FOLLOW_FRIENDS' | 'FOLLOWER_OF_CREATOR' | 'SELF_ONLY'

export interface TikTokConnectorOptions {
  /** Deadline of one HTTP request; after it, a write is `unknown_outcome`, a read `unavailable`. */
  timeoutMs?: number
  /** How long to wait between two status polls, and how many polls before the outcome is `unknown_outcome`. */
  pollIntervalMs?: number
  maxPolls?: number
  sleep?: (ms: number) => Promise<void>
  /** The privacy asked for; when creator_info does not offer it (an unaudited app), the post goes SELF_ONLY. */
  privacyLevel?: TikTokPrivacyLevel
}

interface TikTokEnvelope<T> {
  data?: T
  error?: { code?: string; message?: string; log_id?: string }
}

interface CreatorInfo {
  creator_username?: string
  privacy_level_options?: string[]
  comment_disabled?: boolean
  duet_disabled?: boolean
  stitch_disabled?: boolean
  max_video_post_duration_sec?: number
}

interface PublishStatus {
  status?: string
  fail_reason?: string
  /** Sic: TikTok's field name. */
  publicaly_available_post_id?: string[]
}

interface VideoItem {
  id?: string
  title?: string
  video_description?: string
  create_time?: number
  share_url?: string
  like_count?: number
  comment_count?: number
  share_count?: number
  view_count?: number
}

interface VideoListData {
  videos?: VideoItem[]
  cursor?: number
  has_more?: boolean
}

function sameCaption(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}

/**
 * Get Post Status sends `publicaly_available_post_id` as JSON integers of 19 digits, beyond what a JS number holds
 * exactly: keep them as the strings they are before parsing (the Display API sends ids as strings already).
 */
function exactPostIds(json: string): string {
  return json.replace(
    /("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g,
    (_match, head: string, ids: string) => `${head}${ids.replace(/(\d+)/g, '"$1"')}]`,
  )
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function notSent(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 10 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true
    current = current instanceof Error ? current.cause : undefined
  }
  return false
}

export class TikTokConnector implements Connector {
  readonly platform = 'tiktok'
  readonly capabilities = TIKTOK_CAPABILITIES
  private readonly http: typeof fetch
  private readonly timeoutMs: number
  private readonly pollIntervalMs: number
  private readonly maxPolls: number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly privacyLevel: TikTokPrivacyLevel

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: TikTokConnectorOptions = {}) {
    this.context = context
    this.http = context.fetch ?? fetch
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000
    this.maxPolls = options.maxPolls ?? 24
    this.sleep = options.sleep ?? defaultSleep
    this.privacyLevel = options.privacyLevel ?? 'PUBLIC_TO_EVERYONE'
  }

  private accessToken(): string {
    const token = this.context.credentials.accessToken
    if (!token)
      throw new ConnectorError('auth_expired', 'no TikTok access token', {
        reason: { key: 'tiktok.credentials_missing' },
      })
    return token
  }

  /** One call to TikTok's v2 API: the `data` of a success, else the ConnectorError its table gives. */
  private async call<T>(
    path: string,
    effect: RequestEffect,
    init: { method: 'GET' | 'POST'; body?: unknown },
  ): Promise<T> {
    const now = this.context.now()
    let response: Response
    try {
      response = await this.http(`${TIKTOK_API}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${this.accessToken()}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw toConnectorError({ status: 0, cause: error }, notSent(error) ? 'read' : effect, now)
    }
    let envelope: TikTokEnvelope<T> = {}
    try {
      envelope = JSON.parse(exactPostIds(await response.text())) as TikTokEnvelope<T>
    } catch {
      // A body that is not JSON: the status decides.
    }
    const code = envelope.error?.code
    if (!response.ok || (code !== undefined && code !== 'ok'))
      throw toConnectorError(
        {
          status: response.ok ? 400 : response.status,
          code,
          message: envelope.error?.message,
          logId: envelope.error?.log_id,
          headers: response.headers,
        },
        effect,
        now,
      )
    return (envelope.data ?? {}) as T
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const data = await this.call<{
      user?: { open_id?: string; username?: string; display_name?: string }
    }>(`/v2/user/info/?fields=${USER_FIELDS}`, 'read', { method: 'GET' })
    const user = data.user ?? {}
    if (!user.open_id)
      throw new ConnectorError('unavailable', 'TikTok user/info answered without open_id', {
        reason: { key: 'tiktok.unavailable' },
      })
    return {
      platformAccountId: user.open_id,
      handle: user.username || this.context.account.handle,
      displayName: user.display_name ?? null,
    }
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    checkPublishRequest(LABEL, this.capabilities, request)
    const videos = request.media.filter((item) => item.kind === 'video')
    const photos = request.media.filter((item) => item.kind === 'image')
    if (videos.length === 0 && photos.length === 0)
      throw new ConnectorError('rejected', 'TikTok needs a video or photos', {
        reason: { key: 'tiktok.media_required' },
      })
    if (videos.length > 1 || (videos.length === 1 && photos.length > 0))
      throw new ConnectorError('rejected', 'TikTok takes one video or photos', {
        reason: { key: 'tiktok.mixed_media' },
      })
    for (const photo of photos) {
      if (!PHOTO_TYPES.has(photo.mimeType))
        throw new ConnectorError('rejected', `photo type ${photo.mimeType}`, {
          reason: { key: 'tiktok.photo_type_unsupported', params: { mimeType: photo.mimeType } },
        })
      if (!photo.publicUrl)
        throw new ConnectorError('rejected', 'photo without a public URL', {
          reason: { key: 'tiktok.photo_needs_public_url' },
        })
    }

    const startedAt = this.context.now()
    // TikTok requires the creator's current options before every post (its UX rules); the privacy level must be
    // one of them.
    const creator = await this.call<CreatorInfo>('/v2/post/publish/creator_info/query/', 'read', {
      method: 'POST',
    })
    const options = creator.privacy_level_options ?? []
    const privacy = options.includes(this.privacyLevel) ? this.privacyLevel : 'SELF_ONLY'
    const common = {
      privacy_level: privacy,
      disable_comment: creator.comment_disabled ?? false,
    }

    let publishId: string
    if (videos.length === 1) publishId = await this.startVideo(videos[0]!, request.text, common, creator)
    else {
      const data = await this.call<{ publish_id?: string }>('/v2/post/publish/content/init/', 'write', {
        method: 'POST',
        body: {
          post_info: {
            title: [...(request.text.split('\n')[0] ?? '')].slice(0, PHOTO_TITLE).join(''),
            description: request.text,
            ...common,
            auto_add_music: true,
          },
          source_info: {
            source: 'PULL_FROM_URL',
            photo_cover_index: 0,
            photo_images: photos.map((photo) => photo.publicUrl),
          },
          post_mode: 'DIRECT_POST',
          media_type: 'PHOTO',
        },
      })
      publishId = this.requirePublishId(data.publish_id)
    }
    return this.awaitPublished(publishId, request, startedAt, videos.length === 1 ? 'video' : 'photo')
  }

  private requirePublishId(publishId: string | undefined): string {
    if (!publishId)
      throw new ConnectorError('unknown_outcome', 'TikTok init answered without publish_id', {
        reason: { key: 'tiktok.unknown_outcome' },
      })
    return publishId
  }

  private async startVideo(
    video: MediaItem,
    caption: string,
    common: { privacy_level: string; disable_comment: boolean },
    creator: CreatorInfo,
  ): Promise<string> {
    const postInfo = {
      title: caption,
      ...common,
      disable_duet: creator.duet_disabled ?? false,
      disable_stitch: creator.stitch_disabled ?? false,
    }
    if (video.publicUrl) {
      // TikTok downloads the file itself; the URL's domain or prefix must be verified in the developer portal.
      const data = await this.call<{ publish_id?: string }>('/v2/post/publish/video/init/', 'write', {
        method: 'POST',
        body: { post_info: postInfo, source_info: { source: 'PULL_FROM_URL', video_url: video.publicUrl } },
      })
      return this.requirePublishId(data.publish_id)
    }
    const size = video.byteLength
    const chunkSize = size < SINGLE_CHUNK_LIMIT ? size : CHUNK_SIZE
    const chunks = Math.max(1, Math.floor(size / chunkSize))
    const data = await this.call<{ publish_id?: string; upload_url?: string }>(
      '/v2/post/publish/video/init/',
      'write',
      {
        method: 'POST',
        body: {
          post_info: postInfo,
          source_info: {
            source: 'FILE_UPLOAD',
            video_size: size,
            chunk_size: chunkSize,
            total_chunk_count: chunks,
          },
        },
      },
    )
    const publishId = this.requirePublishId(data.publish_id)
    if (!data.upload_url)
      throw new ConnectorError('unknown_outcome', 'TikTok init answered without upload_url', {
        reason: { key: 'tiktok.unknown_outcome' },
      })
    const bytes = await video.read()
    for (let index = 0; index < chunks; index++) {
      const first = index * chunkSize
      const last = index === chunks - 1 ? size - 1 : first + chunkSize - 1
      await this.upload(data.upload_url, bytes.subarray(first, last + 1), first, last, size, video.mimeType)
    }
    return publishId
  }

  private async upload(
    url: string,
    chunk: Uint8Array,
    first: number,
    last: number,
    total: number,
    mimeType: string,
  ): Promise<void> {
    const now = this.context.now()
    let response: Response
    try {
      response = await this.http(url, {
        method: 'PUT',
        headers: {
          'content-type': mimeType,
          'content-length': String(chunk.byteLength),
          'content-range': `bytes ${first}-${last}/${total}`,
        },
        body: chunk,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw toConnectorError({ status: 0, cause: error }, notSent(error) ? 'read' : 'write', now)
    }
    // 206 after a chunk, 201 after the last one.
    if (!response.ok)
      throw toConnectorError({ status: response.status, headers: response.headers }, 'write', now)
  }

  /** Polls the status until the post is public; a post still processing after the last poll is `unknown_outcome`. */
  private async awaitPublished(
    publishId: string,
    request: PublishRequest,
    startedAt: Date,
    kind: 'video' | 'photo',
  ): Promise<PublishedPost> {
    for (let poll = 0; poll < this.maxPolls; poll++) {
      const status = await this.call<PublishStatus>('/v2/post/publish/status/fetch/', 'read', {
        method: 'POST',
        body: { publish_id: publishId },
      })
      if (status.status === 'FAILED')
        throw toConnectorError(
          { status: 400, code: status.fail_reason ?? 'internal', message: `publish ${publishId} failed` },
          'read',
          this.context.now(),
        )
      if (status.status === 'PUBLISH_COMPLETE') {
        const id = status.publicaly_available_post_id?.[0]
        if (id !== undefined) {
          const postId = String(id)
          return {
            platformPostId: postId,
            url: `https://www.tiktok.com/@${this.context.account.handle}/${kind}/${postId}`,
            publishedAt: this.context.now(),
          }
        }
        // A private (SELF_ONLY) post has no public id: find it among the account's videos.
        const found = await this.findPublished(request, new Date(startedAt.getTime() - 60_000))
        if (found) return found
        break
      }
      await this.sleep(this.pollIntervalMs)
    }
    throw new ConnectorError('unknown_outcome', `TikTok publish ${publishId} not confirmed`, {
      platformCode: publishId,
      reason: { key: 'tiktok.unknown_outcome' },
    })
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    let cursor: number | undefined
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const data = await this.call<VideoListData>(`/v2/video/list/?fields=${VIDEO_FIELDS}`, 'read', {
        method: 'POST',
        body: { max_count: VIDEO_LIST_PAGE, ...(cursor === undefined ? {} : { cursor }) },
      })
      const videos = data.videos ?? []
      for (const video of videos) {
        const created = new Date((video.create_time ?? 0) * 1000)
        if (created < since || !video.id) continue
        const caption = video.video_description ?? video.title ?? ''
        if (sameCaption(caption, request.text) || sameCaption(video.title ?? '', request.text))
          return {
            platformPostId: video.id,
            url:
              video.share_url ?? `https://www.tiktok.com/@${this.context.account.handle}/video/${video.id}`,
            publishedAt: created,
          }
      }
      // Newest first: once a page reaches before `since`, older pages cannot hold the post.
      const oldest = videos.at(-1)?.create_time
      if (
        !data.has_more ||
        data.cursor === undefined ||
        (oldest !== undefined && oldest * 1000 < since.getTime())
      )
        return null
      cursor = data.cursor
    }
    return null
  }

  /** TikTok's Content Posting and Display APIs give no comments, mentions or messages: nothing to read. */
  fetchInteractions(_cursor: string | null): Promise<InteractionPage> {
    return Promise.resolve({ items: [], cursor: null })
  }

  reply(_to: { externalId: string; rootExternalId: string | null }, _text: string): Promise<PublishedPost> {
    return this.refuse(this.capabilities.reply, 'reply')
  }

  hideReply(_externalId: string): Promise<void> {
    return this.refuse(this.capabilities.hideReply, 'hide reply')
  }

  deleteReply(_externalId: string): Promise<void> {
    return this.refuse(this.capabilities.deleteReply, 'delete reply')
  }

  deletePost(_platformPostId: string): Promise<void> {
    return this.refuse(this.capabilities.deleteOwnPost, 'delete post')
  }

  private refuse(allowed: boolean, action: string): Promise<never> {
    try {
      requireCapability(LABEL, allowed, action)
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
    return Promise.reject(new Error(`${action} is not implemented for TikTok`))
  }

  async fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const metrics = new Map<string, PostMetrics>()
    for (let start = 0; start < platformPostIds.length; start += VIDEO_QUERY_BATCH) {
      const ids = platformPostIds.slice(start, start + VIDEO_QUERY_BATCH)
      const data = await this.call<{ videos?: VideoItem[] }>(
        `/v2/video/query/?fields=${METRIC_FIELDS}`,
        'read',
        {
          method: 'POST',
          body: { filters: { video_ids: ids } },
        },
      )
      for (const video of data.videos ?? []) {
        if (!video.id) continue
        metrics.set(video.id, {
          likes: video.like_count ?? 0,
          shares: video.share_count ?? 0,
          replies: video.comment_count ?? 0,
          quotes: null,
          views: video.view_count ?? 0,
        })
      }
    }
    return metrics
  }
}

export const createTikTokConnector: ConnectorFactory = (context) => new TikTokConnector(context)
