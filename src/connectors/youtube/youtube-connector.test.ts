// The YouTube connector through its real HTTP path (@googleapis/youtube and fetch) against msw: every request
// must match a handler of the stateful fake (tests/support/youtube-fake.ts) or a test's own, else the test fails
// (onUnhandledRequest: 'error'). Payloads follow the documented responses (tests/support/youtube-fixtures.ts).
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ACCESS_TOKEN, AGENCY, CITIZEN, YouTubeFake } from '../../../tests/support/youtube-fake.ts'
import { errorBody, INVALID_GRANT, tokenAnswer } from '../../../tests/support/youtube-fixtures.ts'
import { connectorContract } from '../connector-contract.ts'
import {
  ConnectorError,
  type ConnectorContext,
  type ConnectorFactory,
  type MediaItem,
  type MeteredCall,
  type PublishRequest,
} from '../connector.ts'
import { missingFeatures } from '../oauth.ts'
import { createYouTubeConnector, videoTextOf, YouTubeConnector } from './youtube-connector.ts'
import { YOUTUBE_ERROR_TABLE } from './youtube-errors.ts'
import { GOOGLE_TOKEN_URL, YOUTUBE_SCOPES, youtubeOAuth } from './youtube-oauth.ts'
import { nextQuotaReset, operationUnits, quotaDayOf, quotaUse } from './youtube-quota.ts'

const API = 'https://youtube.googleapis.com/youtube/v3'
const UPLOAD = 'https://www.googleapis.com/upload/youtube/v3/videos'
const NOW = new Date('2026-12-07T08:00:00Z')

const server = setupServer()
let fake: YouTubeFake

/** Requests no handler answered: each one fails the test (msw 3 names the option onUnhandledFrame). */
const unhandled: string[] = []
server.events.on('request:unhandled', ({ request }) => {
  unhandled.push(`${request.method} ${request.url}`)
})

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
beforeEach(() => {
  unhandled.length = 0
  fake = new YouTubeFake()
  server.resetHandlers(...fake.handlers())
})
afterAll(() => server.close())
afterEach(() => {
  server.resetHandlers()
  expect(unhandled).toEqual([])
})

function context(credentials: Record<string, string> = {}, now: () => Date = () => NOW): ConnectorContext {
  return {
    account: { handle: AGENCY.customUrl, platformAccountId: AGENCY.id },
    credentials: { accessToken: ACCESS_TOKEN, ...credentials },
    saveCredentials: () => Promise.resolve(),
    now,
  }
}

function connector(credentials: Record<string, string> = {}): YouTubeConnector {
  return new YouTubeConnector(context(credentials))
}

function clip(bytes = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])): MediaItem {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    byteLength: bytes.byteLength,
    read: () => Promise.resolve(bytes),
    altText: '',
  }
}

function request(text: string, media: MediaItem[] = [clip()], key = 'post-1:account-1'): PublishRequest {
  return { idempotencyKey: key, text, media }
}

async function failure(work: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await work().then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

describe('publishing a video', () => {
  it('uploads through a resumable session: metadata first, then the bytes, and answers the watch address', async () => {
    const bytes = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32])
    const post = await connector().publish(
      request('Jadwal vaksinasi lansia\nSenin–Jumat pukul 08.00 di puskesmas terdekat.', [clip(bytes)]),
    )
    expect(fake.calls).toEqual(['videos.insert:start', 'videos.insert:bytes'])
    const video = fake.videos.get(post.platformPostId)!
    expect(video.upload.metadata).toEqual({
      snippet: {
        title: 'Jadwal vaksinasi lansia',
        description: 'Senin–Jumat pukul 08.00 di puskesmas terdekat.',
        categoryId: '25',
      },
      status: { privacyStatus: 'public', selfDeclaredMadeForKids: false, embeddable: true },
    })
    expect(video.upload.headers).toMatchObject({
      'x-upload-content-length': String(bytes.byteLength),
      'x-upload-content-type': 'video/mp4',
    })
    expect([...video.upload.bytes!]).toEqual([...bytes])
    expect(post).toEqual({
      platformPostId: video.id,
      url: `https://www.youtube.com/watch?v=${video.id}`,
      publishedAt: new Date(video.publishedAt),
    })
  })

  it('makes the title from the first line, cut to 100 characters, and keeps the whole text in the description then', () => {
    const long = `${'Pengumuman '.repeat(12)}selesai`
    const { title, description } = videoTextOf(long)
    expect([...title].length).toBeLessThanOrEqual(100)
    expect(title.endsWith('…')).toBe(true)
    expect(description).toBe(long)
    expect(videoTextOf('Satu baris saja')).toEqual({ title: 'Satu baris saja', description: '' })
  })

  it('rejects, before sending anything, a post without a video, with images, with two videos, or with < >', async () => {
    const image: MediaItem = { ...clip(), kind: 'image', mimeType: 'image/png', altText: 'Poster' }
    const cases: [PublishRequest, string][] = [
      [request('Teks tanpa video', []), 'youtube.video_required'],
      [request('Poster', [image]), 'youtube.one_video_only'],
      [request('Dua video', [clip(), clip()]), 'youtube.one_video_only'],
      [request('Skor <b>tebal</b>'), 'youtube.angle_brackets'],
      [request(''), 'youtube.title_missing'],
      [request(`Judul\n${'é'.repeat(2600)}`), 'youtube.description_too_long'],
    ]
    for (const [sent, key] of cases) {
      const error = await failure(() => connector().publish(sent))
      expect([error.kind, error.reason?.key]).toEqual(['rejected', key])
    }
    expect(fake.calls).toEqual([])
  })

  it('says unknown_outcome when the bytes were sent and YouTube answered 5xx or nothing, unavailable before that', async () => {
    server.use(
      http.put(
        UPLOAD,
        () => HttpResponse.json(errorBody(503, 'backendError', 'Backend Error', 'global'), { status: 503 }),
        { once: true },
      ),
    )
    expect((await failure(() => connector().publish(request('Video satu')))).kind).toBe('unknown_outcome')
    server.use(http.put(UPLOAD, () => HttpResponse.error(), { once: true }))
    expect((await failure(() => connector().publish(request('Video dua')))).kind).toBe('unknown_outcome')
    server.use(
      http.post(
        UPLOAD,
        () => HttpResponse.json(errorBody(500, 'backendError', 'Backend Error', 'global'), { status: 500 }),
        { once: true },
      ),
    )
    const notStarted = await failure(() => connector().publish(request('Video tiga')))
    expect([notStarted.kind, notStarted.reason?.key]).toEqual(['unavailable', 'youtube.unavailable'])
  })
})

describe('finding a published video again (reconciling unconfirmed)', () => {
  it('finds the video in the uploads playlist by its exact title and description, across pages, after `since`', async () => {
    fake.pageSize = 2
    const sent = request('Layanan KTP keliling\nHari Sabtu di kelurahan Candi.')
    const post = await connector().publish(sent)
    for (let index = 0; index < 5; index += 1) fake.addVideo(`Video lain ${index}`)
    const since = new Date('2026-12-07T00:00:00Z')
    expect((await connector().findPublished(sent, since))?.platformPostId).toBe(post.platformPostId)
    expect(fake.calls.filter((call) => call === 'playlistItems.list')).toHaveLength(3)
    expect(await connector().findPublished(request('Layanan KTP keliling\nHari Minggu.'), since)).toBeNull()
    expect(await connector().findPublished(sent, new Date('2026-12-08T00:00:00Z'))).toBeNull()
  })

  it('reads the uploads playlist from the stored credentials without asking for the channel again', async () => {
    await connector({ channelId: AGENCY.id, uploadsPlaylistId: AGENCY.uploads }).findPublished(
      request('Apa saja'),
      new Date(0),
    )
    expect(fake.calls).toEqual(['playlistItems.list'])
  })
})

describe('comments', () => {
  it('pages the channel’s comment threads with a cursor, then returns only what is new', async () => {
    fake.pageSize = 2
    const video = fake.addVideo('Jadwal posyandu')
    const first = fake.addComment(video, 'Di mana lokasinya?')
    fake.addComment(video, 'Terima kasih min')
    fake.addComment(video, 'Jam berapa?')
    const ownReply = fake.addComment(video, 'Di balai RW 03.', {
      parentId: first,
      author: { id: AGENCY.id, name: AGENCY.customUrl },
    })
    const citizenReply = fake.addComment(video, 'Oke, siap', { parentId: first })

    const one = await connector().fetchInteractions(null)
    expect(one.items.map((item) => item.text)).toEqual(['Jam berapa?', 'Terima kasih min'])
    expect(one.cursor).not.toBeNull()
    const two = await connector().fetchInteractions(one.cursor)
    expect(two.items.map((item) => [item.kind, item.text])).toEqual([
      ['comment', 'Di mana lokasinya?'],
      ['reply', 'Oke, siap'],
    ])
    expect(two.items.some((item) => item.externalId === ownReply)).toBe(false)
    expect(two.items[0]).toMatchObject({
      externalId: first,
      author: { externalId: CITIZEN.id, handle: CITIZEN.name },
      parentExternalId: video,
      rootExternalId: video,
      url: `https://www.youtube.com/watch?v=${video}&lc=${first}`,
    })
    expect(two.items[1]).toMatchObject({
      externalId: citizenReply,
      parentExternalId: first,
      rootExternalId: video,
    })

    const nothingNew = await connector().fetchInteractions(two.cursor)
    expect(nothingNew).toEqual({ items: [], cursor: null })

    fake.addComment(video, 'Apakah gratis?')
    const next = await connector().fetchInteractions(two.cursor)
    expect(next.items.map((item) => item.text)).toEqual(['Apakah gratis?'])
    expect(fake.calls.filter((call) => call === 'channels.list')).toHaveLength(4)
  })

  it('reads every reply of a thread that carries only some of them (more than five)', async () => {
    const video = fake.addVideo('Pendaftaran sekolah')
    const top = fake.addComment(video, 'Kapan dibuka?')
    const texts = Array.from({ length: 7 }, (_, index) => `Balasan ${index + 1}`)
    for (const text of texts) fake.addComment(video, text, { parentId: top })
    const page = await connector().fetchInteractions(null)
    expect(page.items.filter((item) => item.kind === 'reply').map((item) => item.text)).toEqual(texts)
    expect(fake.calls.filter((call) => call === 'comments.list')).toHaveLength(1)
  })

  it('refuses a cursor it did not make', async () => {
    const error = await failure(() => connector().fetchInteractions('bukan-kursor'))
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'youtube.cursor_invalid'])
  })

  it('replies under the thread’s top-level comment, also when answering a reply', async () => {
    const video = fake.addVideo('Info banjir')
    const top = fake.addComment(video, 'Posko di mana?')
    const reply = fake.addComment(video, 'Saya juga mau tahu', { parentId: top })
    const answer = await connector().reply(
      { externalId: reply, rootExternalId: video },
      'Di kantor kecamatan.',
    )
    const made = fake.comments.get(answer.platformPostId)!
    expect(made).toMatchObject({ parentId: top, text: 'Di kantor kecamatan.', authorChannelId: AGENCY.id })
    expect(answer.url).toBe(`https://www.youtube.com/watch?v=${video}&lc=${answer.platformPostId}`)
  })

  it('hides a comment by holding it for review and removes one by rejecting it', async () => {
    const video = fake.addVideo('Info banjir')
    const hide = fake.addComment(video, 'Komentar kasar')
    const remove = fake.addComment(video, 'Spam promosi')
    await connector().hideReply(hide)
    await connector().deleteReply(remove)
    expect(fake.comments.get(hide)!.status).toBe('heldForReview')
    expect(fake.comments.get(remove)!.status).toBe('rejected')
    expect((await connector().fetchInteractions(null)).items).toEqual([])
  })
})

describe('own videos and metrics', () => {
  it('deletes its own video; a second delete is harmless; another channel’s video is refused', async () => {
    const video = fake.addVideo('Video lama')
    await connector().deletePost(video)
    expect(fake.videos.has(video)).toBe(false)
    await connector().deletePost(video)
    server.use(
      http.delete(
        `${API}/videos`,
        () => HttpResponse.json(errorBody(403, 'forbidden', 'Forbidden'), { status: 403 }),
        { once: true },
      ),
    )
    const error = await failure(() => connector().deletePost('vidOfSomeoneElse'))
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'youtube.not_own_video'])
  })

  it('reads viewCount, likeCount and commentCount in batches of 50, leaving out videos that are gone', async () => {
    const ids = Array.from({ length: 60 }, (_, index) => fake.addVideo(`Video ${index}`))
    const watched = fake.videos.get(ids[0]!)!
    watched.views = 1234
    watched.likes = 56
    fake.addComment(ids[0]!, 'Bagus')
    const metrics = await connector().fetchMetrics([...ids, 'vidGone'])
    expect(fake.calls.filter((call) => call === 'videos.list')).toHaveLength(2)
    expect(metrics.size).toBe(60)
    expect(metrics.get(ids[0]!)).toEqual({ views: 1234, likes: 56, replies: 1, shares: null, quotes: null })
    expect(metrics.has('vidGone')).toBe(false)
  })
})

// Every row of YOUTUBE_ERROR_TABLE, answered by channels.list to verify() (a read); the table may not grow
// without a row here (the last test compares the keys).
const ROWS: { row: string; status: number; reason: string; kind: string; key: string; scope?: string }[] = [
  { row: '401:*', status: 401, reason: 'authError', kind: 'auth_expired', key: 'youtube.auth_expired' },
  {
    row: '400:invalid_grant',
    status: 400,
    reason: 'invalid_grant',
    kind: 'auth_expired',
    key: 'youtube.auth_expired',
  },
  {
    row: '401:youtubeSignupRequired',
    status: 401,
    reason: 'youtubeSignupRequired',
    kind: 'auth_expired',
    key: 'youtube.channel_missing',
  },
  {
    row: '403:insufficientPermissions',
    status: 403,
    reason: 'insufficientPermissions',
    kind: 'auth_expired',
    key: 'youtube.scope_missing',
  },
  {
    row: '403:quotaExceeded',
    status: 403,
    reason: 'quotaExceeded',
    kind: 'rate_limited',
    key: 'youtube.quota_exceeded',
    scope: 'platform',
  },
  {
    row: '403:dailyLimitExceeded',
    status: 403,
    reason: 'dailyLimitExceeded',
    kind: 'rate_limited',
    key: 'youtube.quota_exceeded',
    scope: 'platform',
  },
  {
    row: '400:uploadLimitExceeded',
    status: 400,
    reason: 'uploadLimitExceeded',
    kind: 'rate_limited',
    key: 'youtube.upload_limit',
    scope: 'account',
  },
  {
    row: '403:rateLimitExceeded',
    status: 403,
    reason: 'rateLimitExceeded',
    kind: 'rate_limited',
    key: 'youtube.rate_limited',
    scope: 'account',
  },
  {
    row: '403:userRateLimitExceeded',
    status: 403,
    reason: 'userRateLimitExceeded',
    kind: 'rate_limited',
    key: 'youtube.rate_limited',
    scope: 'account',
  },
  {
    row: '429:*',
    status: 429,
    reason: 'rateLimitExceeded',
    kind: 'rate_limited',
    key: 'youtube.rate_limited',
    scope: 'account',
  },
  { row: '403:forbidden', status: 403, reason: 'forbidden', kind: 'rejected', key: 'youtube.forbidden' },
  {
    row: '403:commentsDisabled',
    status: 403,
    reason: 'commentsDisabled',
    kind: 'rejected',
    key: 'youtube.comments_disabled',
  },
  { row: '403:*', status: 403, reason: 'channelClosed', kind: 'rejected', key: 'youtube.forbidden' },
  {
    row: '400:invalidTitle',
    status: 400,
    reason: 'invalidTitle',
    kind: 'rejected',
    key: 'youtube.invalid_metadata',
  },
  {
    row: '400:invalidDescription',
    status: 400,
    reason: 'invalidDescription',
    kind: 'rejected',
    key: 'youtube.invalid_metadata',
  },
  {
    row: '400:invalidVideoMetadata',
    status: 400,
    reason: 'invalidVideoMetadata',
    kind: 'rejected',
    key: 'youtube.invalid_metadata',
  },
  {
    row: '400:mediaBodyRequired',
    status: 400,
    reason: 'mediaBodyRequired',
    kind: 'rejected',
    key: 'youtube.video_rejected',
  },
  {
    row: '400:invalidFilename',
    status: 400,
    reason: 'invalidFilename',
    kind: 'rejected',
    key: 'youtube.video_rejected',
  },
  { row: '400:*', status: 400, reason: 'badRequest', kind: 'rejected', key: 'youtube.request_refused' },
  { row: '404:*', status: 404, reason: 'channelNotFound', kind: 'rejected', key: 'youtube.not_found' },
]

describe('the error table', () => {
  it.each(ROWS)('$row ($reason) → $kind', async ({ status, reason, kind, key, scope }) => {
    const body = reason === 'invalid_grant' ? INVALID_GRANT : errorBody(status, reason, `because ${reason}`)
    server.use(
      http.get(`${API}/channels`, () =>
        HttpResponse.json(body, { status, headers: { 'retry-after': '120' } }),
      ),
    )
    const error = await failure(() => connector().verify())
    expect([error.kind, error.reason?.key, error.platformCode]).toEqual([kind, key, reason])
    if (kind === 'rate_limited') {
      expect(error.rateLimitScope).toBe(scope)
      const daily = key !== 'youtube.rate_limited'
      // Daily quotas come back at midnight Pacific (08:00 UTC in winter); short limits after Retry-After.
      expect(error.retryAt).toEqual(
        daily ? new Date('2026-12-08T08:00:00Z') : new Date(NOW.getTime() + 120_000),
      )
    }
  })

  it('covers every row of the table', () => {
    expect(ROWS.map((row) => row.row).sort()).toEqual(Object.keys(YOUTUBE_ERROR_TABLE).sort())
  })

  it('says a short limit without Retry-After waits a minute, a 5xx to a read is unavailable, no answer too', async () => {
    server.use(
      http.get(
        `${API}/channels`,
        () => HttpResponse.json(errorBody(429, 'rateLimitExceeded', 'slow'), { status: 429 }),
        { once: true },
      ),
    )
    expect((await failure(() => connector().verify())).retryAt).toEqual(new Date(NOW.getTime() + 60_000))
    server.use(
      http.get(
        `${API}/channels`,
        () => HttpResponse.json(errorBody(503, 'backendError', 'Backend Error', 'global'), { status: 503 }),
        { once: true },
      ),
    )
    expect((await failure(() => connector().verify())).kind).toBe('unavailable')
    server.use(http.get(`${API}/channels`, () => HttpResponse.error(), { once: true }))
    expect((await failure(() => connector().verify())).kind).toBe('unavailable')
  })

  it('answers auth_expired for an access token Google no longer takes, and for none at all', async () => {
    expect((await failure(() => connector({ accessToken: 'ya29.expired' }).verify())).kind).toBe(
      'auth_expired',
    )
    const none = await failure(() => new YouTubeConnector({ ...context(), credentials: {} }).verify())
    expect([none.kind, none.reason?.key]).toEqual(['auth_expired', 'youtube.auth_expired'])
    expect(fake.calls).toEqual(['channels.list'])
  })
})

describe('connecting through Google OAuth', () => {
  const client = {
    clientId: 'client-123.apps.googleusercontent.com',
    clientSecret: 'secret',
    redirectUri: 'https://warta.example.go.id/api/oauth/callback',
  }

  it('asks for offline access with consent, the scopes and a PKCE challenge', () => {
    const url = new URL(
      youtubeOAuth.authorizationUrl({
        client,
        state: 'state-1',
        codeChallenge: 'challenge-1',
        scopes: [YOUTUBE_SCOPES.upload, YOUTUBE_SCOPES.forceSsl],
      }),
    )
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      response_type: 'code',
      scope: `${YOUTUBE_SCOPES.upload} ${YOUTUBE_SCOPES.forceSsl}`,
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    })
  })

  it('exchanges the code, keeps the refresh token on refresh, and says auth_expired on invalid_grant', async () => {
    const forms: URLSearchParams[] = []
    server.use(
      http.post(GOOGLE_TOKEN_URL, async ({ request }) => {
        const form = new URLSearchParams(await request.text())
        forms.push(form)
        if (form.get('refresh_token') === 'revoked') return HttpResponse.json(INVALID_GRANT, { status: 400 })
        return HttpResponse.json(
          form.get('grant_type') === 'authorization_code'
            ? tokenAnswer({
                accessToken: 'ya29.first',
                refreshToken: '1//refresh',
                scope: YOUTUBE_SCOPES.upload,
                refreshTokenExpiresIn: 604799,
              })
            : tokenAnswer({ accessToken: 'ya29.second', scope: YOUTUBE_SCOPES.upload }),
        )
      }),
    )
    const before = Date.now()
    const tokens = await youtubeOAuth.exchangeCode({
      client,
      code: 'code-1',
      codeVerifier: 'verifier-1',
      fetch: globalThis.fetch,
    })
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      client_id: client.clientId,
      client_secret: 'secret',
      redirect_uri: client.redirectUri,
      code_verifier: 'verifier-1',
    })
    expect(tokens).toMatchObject({
      accessToken: 'ya29.first',
      refreshToken: '1//refresh',
      scopes: [YOUTUBE_SCOPES.upload],
    })
    expect(tokens.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 3599_000)
    expect(tokens.refreshExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + 604799_000)

    const refreshed = await youtubeOAuth.refresh({ client, tokens, fetch: globalThis.fetch })
    expect(forms[1]!.get('grant_type')).toBe('refresh_token')
    expect(refreshed).toMatchObject({
      accessToken: 'ya29.second',
      refreshToken: '1//refresh',
      refreshExpiresAt: tokens.refreshExpiresAt,
    })

    const error = await failure(() =>
      youtubeOAuth.refresh({
        client,
        tokens: { ...tokens, refreshToken: 'revoked' },
        fetch: globalThis.fetch,
      }),
    )
    expect([error.kind, error.reason?.key, error.platformCode]).toEqual([
      'auth_expired',
      'youtube.auth_expired',
      'invalid_grant',
    ])
  })

  it('names the channel and builds the connector’s credentials; a grant without force-ssl cannot read or moderate', async () => {
    const connection = await youtubeOAuth.connectionOf(
      {
        accessToken: ACCESS_TOKEN,
        refreshToken: '1//refresh',
        expiresAt: NOW,
        refreshExpiresAt: null,
        scopes: [],
        extra: {},
      },
      globalThis.fetch,
    )
    expect(connection).toEqual({
      platformAccountId: AGENCY.id,
      handle: AGENCY.customUrl,
      displayName: AGENCY.title,
      credentials: {
        accessToken: ACCESS_TOKEN,
        refreshToken: '1//refresh',
        expiresAt: NOW.toISOString(),
        channelId: AGENCY.id,
        uploadsPlaylistId: AGENCY.uploads,
      },
    })
    expect(missingFeatures(youtubeOAuth, [YOUTUBE_SCOPES.upload, YOUTUBE_SCOPES.readonly])).toEqual([
      'read',
      'reply',
      'moderate',
    ])
  })
})

describe('the daily quota', () => {
  it('resets at midnight Pacific, winter and summer', () => {
    expect(nextQuotaReset(new Date('2026-12-07T08:00:00Z'))).toEqual(new Date('2026-12-08T08:00:00Z'))
    expect(nextQuotaReset(new Date('2026-12-07T07:59:59Z'))).toEqual(new Date('2026-12-07T08:00:00Z'))
    expect(nextQuotaReset(new Date('2026-07-01T12:00:00Z'))).toEqual(new Date('2026-07-02T07:00:00Z'))
    expect(quotaDayOf(new Date('2026-12-07T07:59:59Z'))).toBe('2026-12-06')
  })

  it('tells the meter every call it makes at its documented cost, failed calls too, and nothing without a token', async () => {
    const metered: MeteredCall[] = []
    const metering = (credentials: Record<string, string> = {}) =>
      new YouTubeConnector({ ...context(credentials), meter: (call) => metered.push(call) })
    await metering().publish(request('Video bermeter'))
    await metering().verify()
    expect(metered).toEqual([
      { method: 'videos.insert', units: 100 },
      { method: 'channels.list', units: 1 },
    ])
    metered.length = 0
    server.use(
      http.post(
        UPLOAD,
        () => HttpResponse.json(errorBody(500, 'backendError', 'Backend Error', 'global'), { status: 500 }),
        { once: true },
      ),
    )
    await failure(() => metering().publish(request('Video gagal')))
    expect(metered).toEqual([{ method: 'videos.insert', units: 100 }])
    metered.length = 0
    await metering().fetchMetrics(['none'])
    await metering()
      .hideReply('some-comment')
      .catch(() => undefined)
    expect(metered).toEqual([
      { method: 'videos.list', units: 1 },
      { method: 'comments.setModerationStatus', units: 50 },
    ])
    metered.length = 0
    const noToken = new YouTubeConnector({
      ...context(),
      credentials: {},
      meter: (call) => metered.push(call),
    })
    await failure(() => noToken.verify())
    expect(metered).toEqual([])
  })

  it('counts today’s units at the documented costs', () => {
    const at = (iso: string) => new Date(iso)
    const use = quotaUse(
      [
        { method: 'videos.insert', at: at('2026-12-07T09:00:00Z') },
        { method: 'comments.insert', at: at('2026-12-07T10:00:00Z') },
        { method: 'commentThreads.list', at: at('2026-12-07T10:00:00Z') },
        { method: 'videos.insert', at: at('2026-12-07T07:00:00Z') }, // yesterday, Pacific
      ],
      at('2026-12-07T12:00:00Z'),
    )
    expect(use).toEqual({
      day: '2026-12-07',
      units: 151,
      remaining: 9849,
      uploads: 1,
      uploadsRemaining: 99,
      resetsAt: at('2026-12-08T08:00:00Z'),
    })
    expect(operationUnits('publish')).toBe(101)
    expect(operationUnits('deleteReply')).toBe(50)
  })
})

// The contract suite, unchanged. It publishes text-only posts, which YouTube cannot take; this adapter attaches
// one short clip to a post without media (everything else goes to the connector as it is).
const withClip: ConnectorFactory = (ctx) => {
  const made = createYouTubeConnector(ctx)
  const publish = made.publish.bind(made)
  return Object.assign(made, {
    publish: (sent: PublishRequest) => publish(sent.media.length === 0 ? { ...sent, media: [clip()] } : sent),
  })
}

connectorContract('youtube', withClip, {
  connectedContext: () => {
    fake.startAt(Date.now())
    return Promise.resolve(context({}, () => new Date()))
  },
  commentOn: (_context, videoId, text) => {
    fake.addComment(videoId, text)
    return Promise.resolve()
  },
})
