// A small STATEFUL fake of the TikTok endpoints the connector uses, behind msw 3 (every other request fails the test:
// `onUnhandledFrame: 'error'`). Answers are shaped exactly like the documented responses:
//   - developers.tiktok.com/doc/tiktok-api-v2-get-user-info            (GET  /v2/user/info/)
//   - developers.tiktok.com/doc/content-posting-api-reference-query-creator-info (creator_info/query)
//   - developers.tiktok.com/doc/content-posting-api-reference-direct-post (video/init, FILE_UPLOAD / PULL_FROM_URL)
//   - developers.tiktok.com/doc/content-posting-api-media-transfer-guide  (PUT upload_url with Content-Range)
//   - developers.tiktok.com/doc/content-posting-api-reference-photo-post  (content/init)
//   - developers.tiktok.com/doc/content-posting-api-reference-get-video-status (status/fetch, sic
//     `publicaly_available_post_id`)
//   - developers.tiktok.com/doc/tiktok-api-v2-video-list and -video-query (Display API)
//   - developers.tiktok.com/doc/oauth-user-access-token-management     (POST /v2/oauth/token/)
//   - developers.tiktok.com/doc/tiktok-api-v2-error-handling            (`error: { code, message, log_id }`)
// Comments cannot be read through these APIs; the fake only counts them (comment_count), as TikTok would.
import { http, HttpResponse, type HttpHandler } from 'msw'
import { setupServer } from 'msw/node'

export const UPLOAD_HOST = 'https://open-upload.tiktokapis.com'

export interface FakeVideo {
  id: string
  title: string
  video_description: string
  create_time: number
  share_url: string
  like_count: number
  comment_count: number
  share_count: number
  view_count: number
}

interface FakePublish {
  caption: string
  privacy: string
  source: string
  polls: number
  expectedBytes: number
  receivedBytes: number
  ranges: string[]
  failReason?: string
  videoId?: string
  kind: 'video' | 'photo'
}

export interface InjectedFailure {
  status: number
  code?: string
  message?: string
  headers?: Record<string, string>
  /** Not JSON: a bare body (a proxy's 502 page). */
  rawBody?: string
  /** Drop the connection instead of answering. */
  network?: boolean
}

let logCounter = 0
const ok = () => ({
  code: 'ok',
  message: '',
  log_id: `2026120710${(logCounter += 1).toString().padStart(6, '0')}`,
})

export class TikTokFake {
  readonly openId = '-000OdXGmU6ttUsGmE6t3k7FwJ6oyDmBb1Y0'
  readonly username = 'humas.kotabandung'
  validTokens = new Set(['act.valid-access-token'])
  privacyOptions = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
  /** Status polls a publish stays in processing before it completes. */
  processingPolls = 1
  /** The fail_reason the next publish ends with (Get Post Status FAILED). */
  nextFailReason: string | undefined
  videos: FakeVideo[] = []
  publishes = new Map<string, FakePublish>()
  requests: { method: string; path: string; body: unknown; headers: Headers }[] = []
  /** Failures to answer, in order, for a path (e.g. '/v2/post/publish/video/init/'). */
  failures = new Map<string, InjectedFailure[]>()
  /** Refresh tokens that still work; each refresh retires the one used and issues a new one. */
  refreshTokens = new Set(['rft.first-refresh-token'])
  private nextId = 7_300_000_000_000_000_000n
  private rotation = 0

  private readonly clock: () => Date

  constructor(clock: () => Date) {
    this.clock = clock
  }

  fail(path: string, failure: InjectedFailure): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), failure])
  }

  comment(videoId: string): void {
    const video = this.videos.find((item) => item.id === videoId)
    if (!video) throw new Error(`no video ${videoId}`)
    video.comment_count += 1
  }

  private injected(path: string): Response | null {
    const queue = this.failures.get(path)
    const failure = queue?.shift()
    if (!failure) return null
    if (failure.network) return Response.error()
    if (failure.rawBody !== undefined)
      return new HttpResponse(failure.rawBody, { status: failure.status, headers: failure.headers })
    return HttpResponse.json(
      { error: { code: failure.code ?? 'internal_error', message: failure.message ?? '', log_id: 'x' } },
      { status: failure.status, headers: failure.headers },
    )
  }

  private authorized(request: Request): Response | null {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '')
    if (token && this.validTokens.has(token)) return null
    return HttpResponse.json(
      {
        error: {
          code: 'access_token_invalid',
          message: 'The access token is invalid or not found in the request.',
          log_id: 'x',
        },
      },
      { status: 401 },
    )
  }

  private publishVideo(publish: FakePublish): string {
    const id = (this.nextId += 1n).toString()
    this.videos.unshift({
      id,
      title: publish.caption,
      video_description: publish.caption,
      create_time: Math.floor(this.clock().getTime() / 1000),
      share_url: `https://www.tiktok.com/@${this.username}/video/${id}?utm_campaign=tt4d_open_api`,
      like_count: 0,
      comment_count: 0,
      share_count: 0,
      view_count: 0,
    })
    return id
  }

  handlers(): HttpHandler[] {
    const api = 'https://open.tiktokapis.com'
    const record = async (request: Request) => {
      const url = new URL(request.url)
      const text = await request.clone().text()
      let body: unknown = text
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        // form or bytes
      }
      this.requests.push({ method: request.method, path: url.pathname, body, headers: request.headers })
      return url
    }
    const guard = async (request: Request) => {
      const url = await record(request)
      return this.injected(url.pathname) ?? this.authorized(request)
    }
    let publishCounter = 0
    return [
      http.get(`${api}/v2/user/info/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        return HttpResponse.json({
          data: {
            user: {
              avatar_url: 'https://p16-sign.tiktokcdn-us.com/avatar.webp',
              open_id: this.openId,
              union_id: '89ee3e8e-4f03-5b2f-a1f3-1c4b7c2f9a10',
              display_name: 'Humas Kota Bandung',
              username: this.username,
            },
          },
          error: ok(),
        })
      }),
      http.post(`${api}/v2/post/publish/creator_info/query/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        return HttpResponse.json({
          data: {
            creator_avatar_url: 'https://lf16-tt4d.tiktokcdn.com/obj/avatar.jpeg',
            creator_username: this.username,
            creator_nickname: 'Humas Kota Bandung',
            privacy_level_options: this.privacyOptions,
            comment_disabled: false,
            duet_disabled: false,
            stitch_disabled: true,
            max_video_post_duration_sec: 600,
          },
          error: ok(),
        })
      }),
      http.post(`${api}/v2/post/publish/video/init/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        const body = (await request.json()) as {
          post_info: { title: string; privacy_level: string }
          source_info: { source: string; video_size?: number; video_url?: string }
        }
        if (!this.privacyOptions.includes(body.post_info.privacy_level))
          return HttpResponse.json(
            { error: { code: 'privacy_level_option_mismatch', message: 'privacy', log_id: 'x' } },
            { status: 400 },
          )
        const publishId = `v_pub_file~v2-1.${(publishCounter += 1)}`
        this.publishes.set(publishId, {
          caption: body.post_info.title,
          privacy: body.post_info.privacy_level,
          source: body.source_info.source,
          polls: 0,
          expectedBytes: body.source_info.video_size ?? 0,
          receivedBytes: 0,
          ranges: [],
          kind: 'video',
          ...(this.nextFailReason ? { failReason: this.nextFailReason } : {}),
        })
        return HttpResponse.json({
          data: {
            publish_id: publishId,
            ...(body.source_info.source === 'FILE_UPLOAD'
              ? { upload_url: `${UPLOAD_HOST}/video/?upload_id=${publishCounter}&upload_token=tok` }
              : {}),
          },
          error: ok(),
        })
      }),
      http.post(`${api}/v2/post/publish/content/init/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        const body = (await request.json()) as {
          post_info: { description: string; privacy_level: string }
          source_info: { photo_images: string[] }
        }
        const publishId = `p_pub_url~v2.${(publishCounter += 1)}`
        this.publishes.set(publishId, {
          caption: body.post_info.description,
          privacy: body.post_info.privacy_level,
          source: 'PULL_FROM_URL',
          polls: 0,
          expectedBytes: 0,
          receivedBytes: 0,
          ranges: [],
          kind: 'photo',
        })
        return HttpResponse.json({ data: { publish_id: publishId }, error: ok() })
      }),
      http.put(`${UPLOAD_HOST}/video/`, async ({ request }) => {
        await record(request)
        const failure = this.injected('/video/')
        if (failure) return failure
        const upload = [...this.publishes.values()].at(-1)!
        const bytes = new Uint8Array(await request.arrayBuffer())
        upload.receivedBytes += bytes.byteLength
        upload.ranges.push(request.headers.get('content-range') ?? '')
        return new HttpResponse(null, { status: upload.receivedBytes >= upload.expectedBytes ? 201 : 206 })
      }),
      http.post(`${api}/v2/post/publish/status/fetch/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        const { publish_id } = (await request.json()) as { publish_id: string }
        const publish = this.publishes.get(publish_id)
        if (!publish)
          return HttpResponse.json(
            { error: { code: 'invalid_publish_id', message: 'publish_id not found', log_id: 'x' } },
            { status: 400 },
          )
        publish.polls += 1
        if (publish.failReason)
          return HttpResponse.json({
            data: { status: 'FAILED', fail_reason: publish.failReason },
            error: ok(),
          })
        if (publish.polls <= this.processingPolls)
          return HttpResponse.json({
            data: {
              status: publish.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
              uploaded_bytes: publish.receivedBytes,
            },
            error: ok(),
          })
        publish.videoId ??= this.publishVideo(publish)
        // The id is a JSON integer beyond 2^53 (as TikTok sends it): written as raw digits, never through Number.
        const body = JSON.stringify({
          data: {
            status: 'PUBLISH_COMPLETE',
            // A private post has no publicly available id.
            publicaly_available_post_id: publish.privacy === 'SELF_ONLY' ? [] : ['ID'],
            uploaded_bytes: publish.receivedBytes,
          },
          error: ok(),
        }).replace('"ID"', publish.videoId)
        return new HttpResponse(body, { headers: { 'content-type': 'application/json' } })
      }),
      http.post(`${api}/v2/video/list/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        const body = (await request.json()) as { max_count?: number; cursor?: number }
        const start = body.cursor ?? 0
        const size = body.max_count ?? 20
        const page = this.videos.slice(start, start + size)
        const fields = new URL(request.url).searchParams.get('fields')?.split(',') ?? []
        return HttpResponse.json({
          data: {
            videos: page.map((video) =>
              Object.fromEntries(Object.entries(video).filter(([key]) => fields.includes(key))),
            ),
            cursor: start + page.length,
            has_more: start + page.length < this.videos.length,
          },
          error: ok(),
        })
      }),
      http.post(`${api}/v2/video/query/`, async ({ request }) => {
        const stop = await guard(request)
        if (stop) return stop
        const body = (await request.json()) as { filters: { video_ids: string[] } }
        const fields = new URL(request.url).searchParams.get('fields')?.split(',') ?? []
        const videos = this.videos.filter((video) => body.filters.video_ids.includes(video.id))
        return HttpResponse.json({
          data: {
            videos: videos.map((video) =>
              Object.fromEntries(Object.entries(video).filter(([key]) => fields.includes(key))),
            ),
            cursor: 0,
            has_more: false,
          },
          error: ok(),
        })
      }),
      http.post(`${api}/v2/oauth/token/`, async ({ request }) => {
        await record(request)
        const failure = this.injected('/v2/oauth/token/')
        if (failure) return failure
        const form = new URLSearchParams(await request.text())
        if (form.get('client_key') !== 'awtiktokkey' || form.get('client_secret') !== 'tiktok-client-secret')
          return HttpResponse.json(
            { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: 'x' },
            { status: 401 },
          )
        const grant = form.get('grant_type')
        // Login Kit for Web: no PKCE, the client secret authenticates the app (code_verifier is for desktop and
        // mobile apps only).
        if (grant === 'authorization_code' && form.get('code') !== 'auth-code')
          return HttpResponse.json(
            { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: 'x' },
            { status: 400 },
          )
        if (grant === 'refresh_token') {
          const used = form.get('refresh_token') ?? ''
          if (!this.refreshTokens.delete(used))
            return HttpResponse.json(
              {
                error: 'invalid_grant',
                error_description: 'Refresh token is invalid or expired.',
                log_id: 'x',
              },
              { status: 400 },
            )
        }
        this.rotation += 1
        const access = `act.rotated-${this.rotation}`
        const refresh = `rft.rotated-${this.rotation}`
        this.validTokens.add(access)
        this.refreshTokens.add(refresh)
        return HttpResponse.json({
          access_token: access,
          expires_in: 7200,
          open_id: this.openId,
          refresh_expires_in: 15_552_000,
          refresh_token: refresh,
          scope: 'user.info.basic,user.info.profile,video.list,video.publish,video.upload',
          token_type: 'Bearer',
        })
      }),
    ]
  }
}

/** msw over the fake: every request the fake does not answer fails the test. */
export function startTikTokServer(fake: () => TikTokFake) {
  const server = setupServer()
  return {
    listen() {
      server.listen({ onUnhandledFrame: 'error' })
    },
    use() {
      server.resetHandlers(...fake().handlers())
    },
    close() {
      server.close()
    },
  }
}
