// The Facebook Page connector against a stateful fake of the Graph API v25.0 endpoints it uses, behind msw with
// every unexpected request failing the test. The fake answers in the documented shapes:
//   Page fields            developers.facebook.com/docs/graph-api/reference/page/
//   POST /{page}/feed      developers.facebook.com/docs/pages-api/posts/  → {"id":"{page-id}_{post-id}"}
//   POST /{page}/photos    developers.facebook.com/docs/graph-api/reference/page/photos/#publish → {"id","post_id"}
//   POST /{page}/videos    developers.facebook.com/docs/video-api/guides/publishing → {"id"}
//   GET  /{page}/posts     developers.facebook.com/docs/graph-api/reference/page/feed/ (data + paging.cursors)
//   GET  /{post}/comments  developers.facebook.com/docs/graph-api/reference/object/comments/ (filter=stream,
//                          order=reverse_chronological; comment fields id, message, created_time, from, parent)
//   POST /{comment}?is_hidden, DELETE /{id}  developers.facebook.com/docs/graph-api/reference/comment/ → {"success":true}
//   ?ids=…&fields=reactions.summary(total_count),comments.summary(true),shares,insights.metric(post_media_view)
//                          developers.facebook.com/docs/graph-api/reference/post/ and /docs/platforminsights/page
//   errors                 developers.facebook.com/docs/graph-api/guides/error-handling ({"error":{…}})
//   OAuth                  developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow, …/get-long-lived
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isConnectorError, type ConnectorContext, type MediaItem, type PublishRequest } from '../connector.ts'
import { connectorContract } from '../connector-contract.ts'
import { META_ERROR_TABLE } from '../meta/meta-errors.ts'
import { strictMockServer } from '../meta/strict-mock-server.ts'
import { createFacebookConnector, FacebookConnector } from './facebook-connector.ts'
import { facebookOAuth } from './facebook-oauth.ts'

const GRAPH = 'https://graph.facebook.com/v25.0'
const PAGE_ID = '104857600123456'
const TOKEN = 'EAAPageToken'
const ME = { id: '900100200300', name: 'Budi Warga' }

interface FakeComment {
  id: string
  postId: string
  parentId: string | null
  message: string
  from: { id: string; name: string }
  created_time: string
  hidden: boolean
}

interface FakePost {
  id: string
  message: string
  created_time: string
  attached: string[]
}

/** Graph's created_time format: seconds and "+0000". */
function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}

class FakeGraph {
  now = new Date('2026-12-07T09:00:00Z')
  seq = 0
  posts: FakePost[] = []
  comments: FakeComment[] = []
  photos = new Map<string, { url: string | null; published: boolean }>()
  videos: string[] = []
  requests: { method: string; path: string; params: Record<string, string> }[] = []
  /** The next answer to a matching request, for error rows. */
  failNext: {
    method: string
    path: RegExp
    status: number
    body: unknown
    headers?: Record<string, string>
  } | null = null

  nextId(): string {
    this.seq += 1
    return String(100_000 + this.seq)
  }

  tick(): string {
    // Several items may share a second, as on Graph.
    this.now = new Date(this.now.getTime() + 400)
    return graphTime(this.now)
  }

  comment(postId: string, parentId: string | null, message: string, from = ME): FakeComment {
    const item: FakeComment = {
      id: `${postId.split('_')[1]}_${this.nextId()}`,
      postId,
      parentId,
      message,
      from,
      created_time: this.tick(),
      hidden: false,
    }
    this.comments.push(item)
    return item
  }

  newPost(message: string, attached: string[] = []): FakePost {
    const post = { id: `${PAGE_ID}_${this.nextId()}`, message, created_time: this.tick(), attached }
    this.posts.push(post)
    return post
  }
}

function graphError(
  status: number,
  code: number,
  message: string,
  subcode?: number,
  headers?: Record<string, string>,
) {
  return HttpResponse.json(
    {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbCdEf',
      },
    },
    { status, headers },
  )
}

function page<T>(items: T[], limit: number, after: string | null) {
  const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0
  const slice = items.slice(start, start + limit)
  const more = start + limit < items.length
  const cursors = {
    before: Buffer.from(String(start)).toString('base64'),
    after: Buffer.from(String(start + slice.length)).toString('base64'),
  }
  return {
    data: slice,
    paging: { cursors, ...(more ? { next: `${GRAPH}/next?after=${cursors.after}` } : {}) },
  }
}

let fake = new FakeGraph()

async function paramsOf(request: Request): Promise<Record<string, string>> {
  const url = new URL(request.url)
  const params: Record<string, string> = Object.fromEntries(url.searchParams)
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? ''
    if (type.includes('multipart/form-data')) {
      const form = await request.formData()
      for (const [key, value] of form)
        params[key] = typeof value === 'string' ? value : `<file ${value.type}>`
    } else Object.assign(params, Object.fromEntries(new URLSearchParams(await request.text())))
  }
  return params
}

const server = strictMockServer(
  http.all(`${GRAPH}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const path = url.pathname.replace('/v25.0/', '')
    const params = await paramsOf(request)
    fake.requests.push({ method: request.method, path, params })
    if (fake.failNext && fake.failNext.method === request.method && fake.failNext.path.test(path)) {
      const { status, body, headers } = fake.failNext
      fake.failNext = null
      return HttpResponse.json(body as object, { status, headers })
    }
    if (params.access_token !== TOKEN) return graphError(400, 190, 'Error validating access token', 460)
    const [first, edge] = path.split('/')
    const method = request.method
    if (method === 'GET' && path === PAGE_ID)
      return HttpResponse.json({ id: PAGE_ID, name: 'Humas Kota Contoh', username: 'humaskotacontoh' })
    if (method === 'POST' && path === `${PAGE_ID}/feed`) {
      const attached = Object.keys(params)
        .filter((key) => key.startsWith('attached_media['))
        .map((key) => (JSON.parse(params[key]!) as { media_fbid: string }).media_fbid)
      for (const id of attached)
        if (!fake.photos.has(id)) return graphError(400, 100, 'Invalid attached_media')
      return HttpResponse.json({ id: fake.newPost(params.message ?? '', attached).id })
    }
    if (method === 'POST' && path === `${PAGE_ID}/photos`) {
      const id = fake.nextId()
      const published = params.published !== 'false'
      fake.photos.set(id, { url: params.url ?? null, published })
      if (!published) return HttpResponse.json({ id })
      const post = fake.newPost(params.caption ?? '', [id])
      return HttpResponse.json({ id, post_id: post.id })
    }
    if (method === 'POST' && path === `${PAGE_ID}/videos`) {
      const id = fake.nextId()
      fake.videos.push(id)
      return HttpResponse.json({ id })
    }
    if (method === 'GET' && path === `${PAGE_ID}/posts`) {
      const since = params.since ? Number(params.since) * 1000 : 0
      const posts = fake.posts
        .filter((post) => new Date(post.created_time.replace('+0000', 'Z')).getTime() >= since)
        .reverse()
        .map(({ id, message, created_time }) => ({
          id,
          message,
          created_time,
          permalink_url: `https://www.facebook.com/${id}`,
        }))
      return HttpResponse.json(page(posts, Number(params.limit ?? 25), params.after ?? null))
    }
    if (method === 'GET' && edge === 'comments') {
      const post = fake.posts.find((item) => item.id === first)
      if (!post) return graphError(400, 100, 'Unsupported get request', 33)
      const comments = fake.comments
        .filter((item) => item.postId === first)
        .reverse()
        .map((item) => ({
          id: item.id,
          message: item.message,
          created_time: item.created_time,
          from: item.from,
          ...(item.parentId ? { parent: { id: item.parentId } } : {}),
          permalink_url: `https://www.facebook.com/${item.id}`,
        }))
      return HttpResponse.json(page(comments, Number(params.limit ?? 25), params.after ?? null))
    }
    if (method === 'POST' && edge === 'comments') {
      const post = fake.posts.find((item) => item.id === first)
      const parent = fake.comments.find((item) => item.id === first)
      if (!post && !parent) return graphError(400, 100, 'Unsupported post request', 33)
      const item = fake.comment(post?.id ?? parent!.postId, parent ? parent.id : null, params.message ?? '', {
        id: PAGE_ID,
        name: 'Humas Kota Contoh',
      })
      return HttpResponse.json({ id: item.id })
    }
    if (method === 'POST' && edge === undefined && 'is_hidden' in params) {
      const item = fake.comments.find((comment) => comment.id === first)
      if (!item) return graphError(400, 100, 'Unsupported post request', 33)
      item.hidden = params.is_hidden === 'true'
      return HttpResponse.json({ success: true })
    }
    if (method === 'DELETE' && edge === undefined) {
      const before = fake.posts.length + fake.comments.length
      fake.posts = fake.posts.filter((item) => item.id !== first)
      fake.comments = fake.comments.filter((item) => item.id !== first && item.parentId !== first)
      if (before === fake.posts.length + fake.comments.length)
        return graphError(400, 100, 'Unsupported delete request', 33)
      return HttpResponse.json({ success: true })
    }
    if (method === 'GET' && path === '' && params.ids) {
      const answer: Record<string, unknown> = {}
      for (const id of params.ids.split(',')) {
        const post = fake.posts.find((item) => item.id === id)
        if (!post) continue
        const count = fake.comments.filter((item) => item.postId === id).length
        answer[id] = {
          id,
          reactions: { data: [], summary: { total_count: 7, viewer_reaction: 'NONE' } },
          comments: { data: [], summary: { order: 'ranked', total_count: count, can_comment: true } },
          shares: { count: 2 },
          insights: {
            data: [
              {
                name: 'post_media_view',
                period: 'lifetime',
                values: [{ value: 431 }],
                title: 'Media views',
                id: `${id}/insights/post_media_view/lifetime`,
              },
            ],
            paging: {},
          },
        }
      }
      return HttpResponse.json(answer)
    }
    return HttpResponse.json(
      { error: { message: `fake has no ${method} ${path}`, code: 100 } },
      { status: 400 },
    )
  }),
)

function contextFor(
  credentials: Record<string, string> = { pageId: PAGE_ID, pageAccessToken: TOKEN },
): ConnectorContext {
  return {
    account: { handle: 'humaskotacontoh', platformAccountId: PAGE_ID },
    credentials,
    saveCredentials: () => Promise.resolve(),
    now: () => fake.now,
  }
}

function image(name: string, publicUrl?: string): MediaItem {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0])
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    read: () => Promise.resolve(bytes),
    byteLength: 4,
    altText: name,
    publicUrl,
  }
}

function request(text: string, media: MediaItem[] = []): PublishRequest {
  return { idempotencyKey: `fb-${fake.seq}`, text, media }
}

connectorContract('facebook', createFacebookConnector, {
  connectedContext: () => {
    fake = new FakeGraph()
    return Promise.resolve(contextFor())
  },
  commentOn: (_context, postId, text) => {
    fake.comment(postId, null, text)
    return Promise.resolve()
  },
})

describe('the Facebook Page connector', () => {
  const connector = () => new FacebookConnector(contextFor())
  const sent = () => fake.requests.filter((item) => item.method !== 'GET')

  it('publishes a text with its link to the Page feed', async () => {
    fake = new FakeGraph()
    const post = await connector().publish(
      request('Pendaftaran dibuka: https://kota.go.id/daftar sampai Jumat.'),
    )
    expect(post.platformPostId).toMatch(new RegExp(`^${PAGE_ID}_\\d+$`))
    expect(post.url).toBe(`https://www.facebook.com/${post.platformPostId}`)
    expect(sent()).toEqual([
      {
        method: 'POST',
        path: `${PAGE_ID}/feed`,
        params: expect.objectContaining({
          message: 'Pendaftaran dibuka: https://kota.go.id/daftar sampai Jumat.',
          link: 'https://kota.go.id/daftar',
        }) as unknown,
      },
    ])
  })

  it('publishes one photo from its public address, or its bytes as multipart when it has none', async () => {
    fake = new FakeGraph()
    const byUrl = await connector().publish(
      request('Foto kegiatan', [image('Foto', 'https://media.kota.go.id/a.jpg')]),
    )
    const byBytes = await connector().publish(request('Foto kedua', [image('Foto')]))
    const [first, second] = sent()
    expect(first).toMatchObject({
      path: `${PAGE_ID}/photos`,
      params: { url: 'https://media.kota.go.id/a.jpg', caption: 'Foto kegiatan', published: 'true' },
    })
    expect(second).toMatchObject({
      path: `${PAGE_ID}/photos`,
      params: { source: '<file image/jpeg>', caption: 'Foto kedua' },
    })
    expect(fake.posts.map((item) => item.id)).toEqual([byUrl.platformPostId, byBytes.platformPostId])
  })

  it('publishes several photos as unpublished uploads attached to one feed post', async () => {
    fake = new FakeGraph()
    const media = [1, 2, 3].map((n) => image(`Foto ${n}`, `https://media.kota.go.id/${n}.jpg`))
    const post = await connector().publish(request('Tiga foto kegiatan', media))
    const calls = sent()
    expect(
      calls
        .slice(0, 3)
        .every((call) => call.path === `${PAGE_ID}/photos` && call.params.published === 'false'),
    ).toBe(true)
    expect(calls[3]).toMatchObject({ path: `${PAGE_ID}/feed`, params: { message: 'Tiga foto kegiatan' } })
    expect(fake.posts).toHaveLength(1)
    expect(fake.posts[0]!.id).toBe(post.platformPostId)
    expect(fake.posts[0]!.attached).toEqual([...fake.photos.keys()])
  })

  it('publishes a video through /videos with its public address as file_url', async () => {
    fake = new FakeGraph()
    const video: MediaItem = {
      ...image('Video'),
      kind: 'video',
      mimeType: 'video/mp4',
      publicUrl: 'https://media.kota.go.id/v.mp4',
    }
    const post = await connector().publish(request('Video kegiatan', [video]))
    expect(sent()).toEqual([
      {
        method: 'POST',
        path: `${PAGE_ID}/videos`,
        params: expect.objectContaining({
          file_url: 'https://media.kota.go.id/v.mp4',
          description: 'Video kegiatan',
        }) as unknown,
      },
    ])
    expect(post.platformPostId).toBe(fake.videos[0])
  })

  it('pages through comments with cursors and returns each comment once', async () => {
    fake = new FakeGraph()
    const post = fake.newPost('Pengumuman')
    for (let n = 0; n < 120; n++) fake.comment(post.id, null, `Komentar ${n}`)
    const first = await connector().fetchInteractions(null)
    expect(first.items.map((item) => item.text)).toEqual(
      Array.from({ length: 120 }, (_, n) => `Komentar ${n}`),
    )
    expect(fake.requests.filter((item) => item.path === `${post.id}/comments`)).toHaveLength(3)
    expect(fake.requests.find((item) => item.path === `${post.id}/comments`)!.params).toMatchObject({
      filter: 'stream',
      order: 'reverse_chronological',
    })
    const again = await connector().fetchInteractions(first.cursor)
    expect(again).toEqual({ items: [], cursor: null })
    const reply = fake.comment(post.id, first.items[5]!.externalId, 'Balasan warga')
    const next = await connector().fetchInteractions(first.cursor)
    expect(next.items).toEqual([
      expect.objectContaining({
        externalId: reply.id,
        kind: 'reply',
        parentExternalId: first.items[5]!.externalId,
        rootExternalId: post.id,
      }),
    ])
  })

  it('replies under a comment, hides one and deletes another', async () => {
    fake = new FakeGraph()
    const post = fake.newPost('Pengumuman')
    const question = fake.comment(post.id, null, 'Kapan dibuka?')
    const rude = fake.comment(post.id, null, 'Komentar kasar')
    const spam = fake.comment(post.id, null, 'Spam')
    const answer = await connector().reply(
      { externalId: question.id, rootExternalId: post.id },
      'Senin pukul 08.00.',
    )
    expect(fake.comments.find((item) => item.id === answer.platformPostId)).toMatchObject({
      parentId: question.id,
      from: { id: PAGE_ID },
    })
    await connector().hideReply(rude.id)
    expect(fake.comments.find((item) => item.id === rude.id)!.hidden).toBe(true)
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: rude.id,
      params: { is_hidden: 'true' },
    })
    await connector().deleteReply(spam.id)
    expect(fake.comments.some((item) => item.id === spam.id)).toBe(false)
    // The Page's own reply is not an inbound interaction.
    const inbox = await connector().fetchInteractions(null)
    expect(inbox.items.map((item) => item.text).sort()).toEqual(['Kapan dibuka?', 'Komentar kasar'])
  })

  it('reads metrics with the current names: reactions, comments, shares and post_media_view', async () => {
    fake = new FakeGraph()
    const post = fake.newPost('Pengumuman')
    fake.comment(post.id, null, 'a')
    const metrics = await connector().fetchMetrics([post.id])
    expect(metrics.get(post.id)).toEqual({ likes: 7, shares: 2, replies: 1, quotes: null, views: 431 })
    const call = fake.requests.at(-1)!
    expect(call.params.fields).toContain('insights.metric(post_media_view)')
    expect(call.params.fields).not.toMatch(/impressions/)
  })

  it('finds a published post by its exact text among the posts since the attempt, and nothing older', async () => {
    fake = new FakeGraph()
    const old = fake.newPost('Teks yang sama')
    fake.now = new Date(fake.now.getTime() + 3600_000)
    const since = new Date(fake.now.getTime())
    fake.now = new Date(fake.now.getTime() + 1000)
    const fresh = fake.newPost('Teks yang sama')
    const found = await connector().findPublished(request('Teks yang sama'), since)
    expect(found?.platformPostId).toBe(fresh.id)
    expect(found?.platformPostId).not.toBe(old.id)
    expect(await connector().findPublished(request('Teks lain'), since)).toBeNull()
  })

  it('answers the existing post when a write timed out but the post was made', async () => {
    fake = new FakeGraph()
    const existing = fake.newPost('Sudah terkirim')
    fake.failNext = {
      method: 'POST',
      path: /\/feed$/,
      status: 500,
      body: { error: { message: 'An unknown error occurred', code: 1, is_transient: true } },
    }
    const post = await connector().publish(request('Sudah terkirim'))
    expect(post.platformPostId).toBe(existing.id)
  })

  it('says a dead Page token is auth_expired and missing credentials too', async () => {
    fake = new FakeGraph()
    const wrong = new FacebookConnector(contextFor({ pageId: PAGE_ID, pageAccessToken: 'revoked' }))
    await expect(wrong.verify()).rejects.toMatchObject({ kind: 'auth_expired', platformCode: '190/460' })
    expect(() => new FacebookConnector(contextFor({}))).toThrow(
      expect.objectContaining({ kind: 'auth_expired' }) as Error,
    )
  })
})

describe('the Graph error table', () => {
  const now = new Date('2026-12-07T09:00:00Z')

  it.each(
    META_ERROR_TABLE.map(
      (row) => [`${row.code}${row.subcode ? '/' + row.subcode : ''} ${row.note}`, row] as const,
    ),
  )('maps %s', async (_name, row) => {
    fake = new FakeGraph()
    fake.now = now
    fake.failNext = {
      method: 'GET',
      path: new RegExp(`^${PAGE_ID}$`),
      status: row.kind === 'unavailable' ? 500 : 400,
      body: {
        error: {
          message: row.note,
          type: 'OAuthException',
          code: row.code,
          error_subcode: row.subcode,
          fbtrace_id: 'x',
        },
      },
    }
    const error = await new FacebookConnector(contextFor()).verify().catch((caught: unknown) => caught)
    expect(isConnectorError(error) && error.kind).toBe(row.kind)
    expect(isConnectorError(error) && error.reason?.key).toBe(row.reason)
    if (row.kind === 'rate_limited' && isConnectorError(error)) {
      expect(error.rateLimitScope).toBe(row.scope ?? 'account')
      expect(error.retryAt!.getTime()).toBeGreaterThan(now.getTime())
    }
  })

  it('waits as long as X-Business-Use-Case-Usage says', async () => {
    fake = new FakeGraph()
    fake.now = now
    const usage = {
      [PAGE_ID]: [
        {
          type: 'pages',
          call_count: 100,
          total_cputime: 30,
          total_time: 40,
          estimated_time_to_regain_access: 42,
        },
      ],
    }
    fake.failNext = {
      method: 'GET',
      path: new RegExp(`^${PAGE_ID}$`),
      status: 400,
      body: { error: { message: 'Page request limit reached', code: 32, fbtrace_id: 'x' } },
      headers: {
        'x-business-use-case-usage': JSON.stringify(usage),
        'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":4}',
      },
    }
    const error = await new FacebookConnector(contextFor()).verify().catch((caught: unknown) => caught)
    expect(isConnectorError(error) && error.retryAt?.toISOString()).toBe(
      new Date(now.getTime() + 42 * 60_000).toISOString(),
    )
  })

  it('says a write that got a 5xx is unknown_outcome, a read unavailable, and an unreachable Graph unavailable', async () => {
    fake = new FakeGraph()
    fake.failNext = { method: 'POST', path: /comments$/, status: 502, body: {} }
    const write = await connector()
      .reply({ externalId: '1_2', rootExternalId: null }, 'Halo')
      .catch((caught: unknown) => caught)
    expect(isConnectorError(write) && write.kind).toBe('unknown_outcome')
    fake.failNext = { method: 'GET', path: new RegExp(`^${PAGE_ID}$`), status: 502, body: {} }
    const read = await connector()
      .verify()
      .catch((caught: unknown) => caught)
    expect(isConnectorError(read) && read.kind).toBe('unavailable')
    server.use(http.get(`${GRAPH}/${PAGE_ID}`, () => HttpResponse.error()))
    const down = await connector()
      .verify()
      .catch((caught: unknown) => caught)
    expect(isConnectorError(down) && down.kind).toBe('unavailable')
  })

  function connector() {
    return new FacebookConnector(contextFor())
  }
})

describe('Facebook Login', () => {
  const client = {
    clientId: 'app-1',
    clientSecret: 'app-secret',
    redirectUri: 'https://warta.kota.go.id/api/oauth/callback',
  }

  it('sends the person to the v25.0 dialog with the scopes and state', () => {
    const url = new URL(
      facebookOAuth.authorizationUrl({
        client,
        state: 'st4te',
        codeChallenge: null,
        scopes: ['pages_manage_posts', 'pages_read_engagement'],
      }),
    )
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-1',
      redirect_uri: client.redirectUri,
      state: 'st4te',
      response_type: 'code',
      scope: 'pages_manage_posts,pages_read_engagement',
    })
  })

  it('exchanges the code for a long-lived user token, reads the grant, and takes the Page token', async () => {
    const seen: string[] = []
    server.use(
      http.get(`${GRAPH}/oauth/access_token`, ({ request }) => {
        const params = new URL(request.url).searchParams
        seen.push(params.get('grant_type') ?? 'code')
        if (params.get('code') === 'the-code')
          return HttpResponse.json({ access_token: 'short-user', token_type: 'bearer', expires_in: 5183 })
        if (params.get('fb_exchange_token') === 'short-user' && params.get('client_secret') === 'app-secret')
          return HttpResponse.json({ access_token: 'long-user', token_type: 'bearer', expires_in: 5_184_000 })
        if (params.get('fb_exchange_token') === 'long-user')
          return HttpResponse.json({
            access_token: 'long-user-2',
            token_type: 'bearer',
            expires_in: 5_183_000,
          })
        return graphError(400, 190, 'Invalid OAuth access token', 463)
      }),
      http.get(`${GRAPH}/me/permissions`, () =>
        HttpResponse.json({
          data: [
            { permission: 'pages_show_list', status: 'granted' },
            { permission: 'pages_manage_posts', status: 'granted' },
            { permission: 'pages_manage_engagement', status: 'declined' },
          ],
        }),
      ),
      http.get(`${GRAPH}/me/accounts`, () =>
        HttpResponse.json({
          data: [
            { id: '1', name: 'Halaman Lain', access_token: 'other', tasks: ['ANALYZE'] },
            {
              id: PAGE_ID,
              name: 'Humas Kota Contoh',
              username: 'humaskotacontoh',
              access_token: 'page-token',
              tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
            },
          ],
          paging: { cursors: { before: 'b', after: 'a' } },
        }),
      ),
    )
    const before = Date.now()
    const tokens = await facebookOAuth.exchangeCode({ client, code: 'the-code', codeVerifier: null, fetch })
    expect(seen).toEqual(['code', 'fb_exchange_token'])
    expect(tokens.accessToken).toBe('long-user')
    expect(tokens.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 5_184_000_000)
    expect(tokens.scopes).toEqual(['pages_show_list', 'pages_manage_posts'])
    const connection = await facebookOAuth.connectionOf(tokens, fetch)
    expect(connection).toEqual({
      platformAccountId: PAGE_ID,
      handle: 'humaskotacontoh',
      displayName: 'Humas Kota Contoh',
      credentials: { pageId: PAGE_ID, pageAccessToken: 'page-token' },
    })
    // A user token that still works is exchanged again for a fresh ~60 days, its expiry from expires_in.
    const refreshed = await facebookOAuth.refresh({ client, tokens, fetch })
    expect(refreshed.accessToken).toBe('long-user-2')
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 5_183_000_000)
    expect(seen).toEqual(['code', 'fb_exchange_token', 'fb_exchange_token'])
    // Refreshing a user token that Graph no longer accepts sends the person back through the dialog.
    await expect(
      facebookOAuth.refresh({ client, tokens: { ...tokens, accessToken: 'dead' }, fetch }),
    ).rejects.toMatchObject({ kind: 'auth_expired' })
  })
})
