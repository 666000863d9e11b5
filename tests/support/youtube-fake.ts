// A small stateful YouTube behind msw handlers: one channel's videos, uploads playlist and comments in memory,
// answering the Data API endpoints the connector uses with payloads from youtube-fixtures.ts. Every request is
// logged (method + API method) so tests can say what was sent, and a request without the fake's access token is
// answered 401 like Google does. Used with msw 3's `server.listen({ onUnhandledFrame: 'error' })`.
import { http, HttpResponse, type HttpHandler } from 'msw'
import {
  channelResource,
  commentResource,
  commentThreadResource,
  errorBody,
  listResponse,
  playlistItemResource,
  statisticsResource,
  videoResource,
  type FixtureComment,
} from './youtube-fixtures.ts'

const API = 'https://youtube.googleapis.com/youtube/v3'
const UPLOAD = 'https://www.googleapis.com/upload/youtube/v3/videos'

export const AGENCY = {
  id: 'UCdinkesKotaSemarang01',
  title: 'Dinas Kesehatan Kota Semarang',
  customUrl: '@dinkessemarang',
  uploads: 'UUdinkesKotaSemarang01',
}
export const CITIZEN = { id: 'UCwargaSemarang0000001', name: '@wargasemarang' }
export const ACCESS_TOKEN = 'ya29.a0-fake-access-token'

interface FakeVideo {
  id: string
  title: string
  description: string
  publishedAt: string
  views: number
  likes: number
  upload: { headers: Record<string, string>; metadata: unknown; bytes: Uint8Array | null }
}

interface FakeComment extends FixtureComment {
  status: 'published' | 'heldForReview' | 'rejected'
}

export class YouTubeFake {
  readonly videos = new Map<string, FakeVideo>()
  /** Video ids, newest first (the uploads playlist's order). */
  readonly uploads: string[] = []
  readonly comments = new Map<string, FakeComment>()
  readonly calls: string[] = []
  /** Answers per page at most (smaller than maxResults to exercise paging). */
  pageSize = 50
  private sessions = new Map<string, { headers: Record<string, string>; metadata: unknown }>()
  private sequence = 0
  private clock = Date.parse('2026-12-07T01:00:00Z')

  /** From now on, things are made at real time (the contract suite reads with `since` = now - 60 s). */
  startAt(ms: number): void {
    this.clock = Math.max(this.clock, ms)
  }

  /** Each thing made gets a later time, one second apart. */
  private tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString()
  }

  private nextId(prefix: string): string {
    this.sequence += 1
    return `${prefix}${this.sequence.toString(36).padStart(8, '0')}`
  }

  addVideo(title: string, description = '', publishedAt = this.tick()): string {
    const id = this.nextId('vid')
    this.videos.set(id, {
      id,
      title,
      description,
      publishedAt,
      views: 0,
      likes: 0,
      upload: { headers: {}, metadata: null, bytes: null },
    })
    this.uploads.unshift(id)
    return id
  }

  addComment(
    videoId: string,
    text: string,
    options: { parentId?: string; author?: { id: string; name: string } } = {},
  ): string {
    const parentId = options.parentId ?? null
    const id = parentId ? `${parentId}.${this.nextId('r')}` : this.nextId('Ugz')
    const author = options.author ?? CITIZEN
    this.comments.set(id, {
      id,
      videoId,
      channelId: AGENCY.id,
      authorChannelId: author.id,
      authorDisplayName: author.name,
      text,
      parentId,
      publishedAt: this.tick(),
      status: 'published',
    })
    return id
  }

  private page<T>(items: T[], url: URL): { page: T[]; next: string | undefined } {
    const size = Math.min(Number(url.searchParams.get('maxResults') ?? '5'), this.pageSize)
    const start = Number(url.searchParams.get('pageToken') ?? '0')
    const page = items.slice(start, start + size)
    return { page, next: start + size < items.length ? String(start + size) : undefined }
  }

  private ids(url: URL): string[] {
    return url.searchParams
      .getAll('id')
      .flatMap((value) => value.split(','))
      .filter(Boolean)
  }

  private authorised(request: Request, method: string): Response | null {
    this.calls.push(method)
    if (request.headers.get('authorization') !== `Bearer ${ACCESS_TOKEN}`)
      return HttpResponse.json(errorBody(401, 'authError', 'Invalid Credentials', 'global'), { status: 401 })
    return null
  }

  handlers(): HttpHandler[] {
    return [
      http.get(`${API}/channels`, ({ request }) => {
        const refused = this.authorised(request, 'channels.list')
        if (refused) return refused
        return HttpResponse.json(listResponse('youtube#channelListResponse', [channelResource(AGENCY)]))
      }),
      http.post(UPLOAD, async ({ request }) => {
        const refused = this.authorised(request, 'videos.insert:start')
        if (refused) return refused
        const url = new URL(request.url)
        if (url.searchParams.get('uploadType') !== 'resumable')
          return HttpResponse.json(errorBody(400, 'badRequest', 'uploadType'), { status: 400 })
        const session = `s${(this.sessions.size + 1).toString()}`
        this.sessions.set(session, {
          headers: Object.fromEntries(request.headers.entries()),
          metadata: await request.json(),
        })
        return new HttpResponse(null, {
          status: 200,
          headers: { location: `${UPLOAD}?uploadType=resumable&upload_id=${session}` },
        })
      }),
      http.put(UPLOAD, async ({ request }) => {
        const refused = this.authorised(request, 'videos.insert:bytes')
        if (refused) return refused
        const session = this.sessions.get(new URL(request.url).searchParams.get('upload_id') ?? '')
        if (!session)
          return HttpResponse.json(errorBody(404, 'notFound', 'no upload session'), { status: 404 })
        const metadata = session.metadata as { snippet: { title: string; description: string } }
        const id = this.addVideo(metadata.snippet.title, metadata.snippet.description)
        const video = this.videos.get(id)!
        video.upload = {
          headers: session.headers,
          metadata,
          bytes: new Uint8Array(await request.arrayBuffer()),
        }
        return HttpResponse.json(
          videoResource({
            id,
            channelId: AGENCY.id,
            channelTitle: AGENCY.title,
            ...metadata.snippet,
            publishedAt: video.publishedAt,
          }),
          { status: 201 },
        )
      }),
      http.get(`${API}/playlistItems`, ({ request }) => {
        const refused = this.authorised(request, 'playlistItems.list')
        if (refused) return refused
        const url = new URL(request.url)
        if (url.searchParams.get('playlistId') !== AGENCY.uploads)
          return HttpResponse.json(errorBody(404, 'playlistNotFound', 'playlist'), { status: 404 })
        const items = this.uploads.map((videoId, position) => {
          const video = this.videos.get(videoId)!
          return playlistItemResource({
            playlistId: AGENCY.uploads,
            position,
            videoId,
            channelId: AGENCY.id,
            channelTitle: AGENCY.title,
            title: video.title,
            description: video.description,
            publishedAt: video.publishedAt,
          })
        })
        const { page, next } = this.page(items, url)
        return HttpResponse.json(listResponse('youtube#playlistItemListResponse', page, next))
      }),
      http.get(`${API}/commentThreads`, ({ request }) => {
        const refused = this.authorised(request, 'commentThreads.list')
        if (refused) return refused
        const url = new URL(request.url)
        const channel = url.searchParams.get('allThreadsRelatedToChannelId')
        const videoId = url.searchParams.get('videoId')
        const visible = [...this.comments.values()].filter((comment) => comment.status === 'published')
        const threads = visible
          .filter((comment) => comment.parentId === null)
          .filter((comment) => (videoId ? comment.videoId === videoId : channel === AGENCY.id))
          .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
          .map((top) =>
            commentThreadResource(
              top,
              visible
                .filter((comment) => comment.parentId === top.id)
                .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)),
            ),
          )
        const { page, next } = this.page(threads, url)
        return HttpResponse.json(listResponse('youtube#commentThreadListResponse', page, next))
      }),
      http.get(`${API}/comments`, ({ request }) => {
        const refused = this.authorised(request, 'comments.list')
        if (refused) return refused
        const url = new URL(request.url)
        const parentId = url.searchParams.get('parentId')
        const replies = [...this.comments.values()]
          .filter((comment) => comment.parentId === parentId && comment.status === 'published')
          .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
          .map(commentResource)
        const { page, next } = this.page(replies, url)
        return HttpResponse.json(listResponse('youtube#commentListResponse', page, next))
      }),
      http.post(`${API}/comments/setModerationStatus`, ({ request }) => {
        const refused = this.authorised(request, 'comments.setModerationStatus')
        if (refused) return refused
        const url = new URL(request.url)
        const status = url.searchParams.get('moderationStatus') as FakeComment['status']
        for (const id of this.ids(url)) {
          const comment = this.comments.get(id)
          if (!comment) return HttpResponse.json(errorBody(404, 'commentNotFound', id), { status: 404 })
          comment.status = status
        }
        return new HttpResponse(null, { status: 204 })
      }),
      http.post(`${API}/comments`, async ({ request }) => {
        const refused = this.authorised(request, 'comments.insert')
        if (refused) return refused
        const body = (await request.json()) as { snippet: { parentId: string; textOriginal: string } }
        const parent = this.comments.get(body.snippet.parentId)
        if (!parent || parent.parentId !== null)
          return HttpResponse.json(
            errorBody(400, 'operationNotSupported', 'parentId must be a top-level comment'),
            { status: 400 },
          )
        const id = this.addComment(parent.videoId, body.snippet.textOriginal, {
          parentId: parent.id,
          author: { id: AGENCY.id, name: AGENCY.customUrl },
        })
        return HttpResponse.json(commentResource(this.comments.get(id)!))
      }),
      http.delete(`${API}/videos`, ({ request }) => {
        const refused = this.authorised(request, 'videos.delete')
        if (refused) return refused
        const id = new URL(request.url).searchParams.get('id') ?? ''
        if (!this.videos.delete(id))
          return HttpResponse.json(errorBody(404, 'videoNotFound', id), { status: 404 })
        this.uploads.splice(this.uploads.indexOf(id), 1)
        return new HttpResponse(null, { status: 204 })
      }),
      http.get(`${API}/videos`, ({ request }) => {
        const refused = this.authorised(request, 'videos.list')
        if (refused) return refused
        const items = this.ids(new URL(request.url))
          .map((id) => this.videos.get(id))
          .filter((video): video is FakeVideo => video !== undefined)
          .map((video) =>
            statisticsResource(video.id, {
              views: video.views,
              likes: video.likes,
              comments: [...this.comments.values()].filter(
                (c) => c.videoId === video.id && c.status === 'published',
              ).length,
            }),
          )
        return HttpResponse.json(listResponse('youtube#videoListResponse', items))
      }),
    ]
  }
}
