// The Instagram connector against a stateful fake of the graph.instagram.com v25.0 endpoints it uses, behind a
// strict msw server (every unexpected request fails the test). The fake answers in the documented shapes:
//   GET  /me?fields=user_id,username,name   developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started
//   POST /{ig-user-id}/media → {"id"}; GET /{container}?fields=status_code → {"status_code","id"};
//   POST /{ig-user-id}/media_publish → {"id"}     developers.facebook.com/docs/instagram-platform/content-publishing
//   GET  /{ig-user-id}/content_publishing_limit  → {"data":[{"config":{"quota_total","quota_duration"},"quota_usage"}]}
//                                                  developers.facebook.com/docs/instagram-platform/reference/ig-user/content_publishing_limit
//   GET  /{ig-user-id}/media (id, caption, timestamp, permalink; data + paging.cursors)
//   GET  /{media}/comments, POST /{comment}/replies, POST /{comment}?hide, DELETE /{comment}
//                                                  developers.facebook.com/docs/instagram-platform/comment-moderation
//   GET  /{media}/insights?metric=views,…   → {"data":[{"name","period","values":[{"value"}],"title","id"}]}
//                                                  developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
//   OAuth                                          …/business-login, …/reference/access_token, …/reference/refresh_access_token
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  isConnectorError,
  type Connector,
  type ConnectorContext,
  type ConnectorFactory,
  type MediaItem,
  type PublishRequest,
} from '../connector.ts'
import { connectorContract } from '../connector-contract.ts'
import { META_ERROR_TABLE } from '../meta/meta-errors.ts'
import { strictMockServer } from '../meta/strict-mock-server.ts'
import { InstagramConnector, parsePublishingLimit } from './instagram-connector.ts'
import { instagramOAuth } from './instagram-oauth.ts'

const GRAPH = 'https://graph.instagram.com/v25.0'
const IG_USER = '17841400000000001'
const TOKEN = 'IGAALongLived'

interface FakeContainer {
  id: string
  params: Record<string, string>
  polls: number
}

interface FakeComment {
  id: string
  mediaId: string
  parentId: string | null
  text: string
  from: { id: string; username: string }
  timestamp: string
  hidden: boolean
}

function igTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}

class FakeInstagram {
  now = new Date('2026-12-07T09:00:00Z')
  seq = 0
  containers = new Map<string, FakeContainer>()
  media: { id: string; caption: string; timestamp: string; children: string[] }[] = []
  comments: FakeComment[] = []
  quota = { used: 3, total: 100 }
  /** Polls a video container answers IN_PROGRESS before FINISHED. */
  videoPolls = 2
  containerStatus: string | null = null
  requests: { method: string; path: string; params: Record<string, string> }[] = []
  failNext: { method: string; path: RegExp; status: number; body: unknown } | null = null

  id(): string {
    this.seq += 1
    return String(18_000_000_000 + this.seq)
  }

  tick(): string {
    this.now = new Date(this.now.getTime() + 400)
    return igTime(this.now)
  }

  comment(
    mediaId: string,
    parentId: string | null,
    text: string,
    from = { id: '17841499', username: 'warga.kota' },
  ) {
    const item = { id: this.id(), mediaId, parentId, text, from, timestamp: this.tick(), hidden: false }
    this.comments.push(item)
    return item
  }
}

let fake = new FakeInstagram()

function graphError(status: number, code: number, message: string, subcode?: number) {
  return HttpResponse.json(
    {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'Ab',
      },
    },
    { status },
  )
}

function page<T>(items: T[], limit: number, after: string | null) {
  const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0
  const slice = items.slice(start, start + limit)
  const cursors = {
    before: Buffer.from(String(start)).toString('base64'),
    after: Buffer.from(String(start + slice.length)).toString('base64'),
  }
  return {
    data: slice,
    paging: { cursors, ...(start + limit < items.length ? { next: `${GRAPH}/next` } : {}) },
  }
}

function commentShape(item: FakeComment) {
  return {
    id: item.id,
    text: item.text,
    timestamp: item.timestamp,
    username: item.from.username,
    from: item.from,
    ...(item.parentId ? { parent_id: item.parentId } : {}),
  }
}

const server = strictMockServer(
  http.all(`${GRAPH}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const path = url.pathname.replace('/v25.0/', '')
    const params: Record<string, string> = Object.fromEntries(url.searchParams)
    if (request.method === 'POST')
      Object.assign(params, Object.fromEntries(new URLSearchParams(await request.text())))
    fake.requests.push({ method: request.method, path, params })
    if (fake.failNext && fake.failNext.method === request.method && fake.failNext.path.test(path)) {
      const { status, body } = fake.failNext
      fake.failNext = null
      return HttpResponse.json(body as object, { status })
    }
    if (params.access_token !== TOKEN)
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token')
    const [first, edge] = path.split('/')
    const method = request.method
    if (method === 'GET' && path === 'me')
      return HttpResponse.json({
        user_id: IG_USER,
        username: 'humaskotacontoh',
        name: 'Humas Kota Contoh',
        id: '2600000000001',
      })
    if (method === 'GET' && path === `${IG_USER}/content_publishing_limit`)
      return HttpResponse.json({
        data: [
          { config: { quota_total: fake.quota.total, quota_duration: 86400 }, quota_usage: fake.quota.used },
        ],
      })
    if (method === 'POST' && path === `${IG_USER}/media`) {
      if (!params.image_url && !params.video_url && params.media_type !== 'CAROUSEL')
        return graphError(400, 100, 'The parameter image_url is required')
      const container = { id: fake.id(), params, polls: 0 }
      fake.containers.set(container.id, container)
      return HttpResponse.json({ id: container.id })
    }
    if (method === 'POST' && path === `${IG_USER}/media_publish`) {
      const container = fake.containers.get(params.creation_id ?? '')
      if (!container) return graphError(400, 100, 'Media ID is not available', 2207027)
      const id = fake.id()
      fake.media.push({
        id,
        caption: container.params.caption ?? '',
        timestamp: fake.tick(),
        children: (container.params.children ?? '').split(',').filter(Boolean),
      })
      fake.quota.used += 1
      fake.containers.delete(container.id)
      return HttpResponse.json({ id })
    }
    if (method === 'GET' && fake.containers.has(first!) && !edge) {
      const container = fake.containers.get(first!)!
      container.polls += 1
      const video = container.params.media_type === 'REELS' || container.params.media_type === 'VIDEO'
      const status =
        fake.containerStatus ?? (video && container.polls <= fake.videoPolls ? 'IN_PROGRESS' : 'FINISHED')
      return HttpResponse.json({ status_code: status, id: container.id })
    }
    if (method === 'GET' && path === `${IG_USER}/media`) {
      const items = [...fake.media].reverse().map((item) => ({
        id: item.id,
        caption: item.caption,
        timestamp: item.timestamp,
        permalink: `https://www.instagram.com/p/${item.id}/`,
      }))
      return HttpResponse.json(page(items, Number(params.limit ?? 25), params.after ?? null))
    }
    const media = fake.media.find((item) => item.id === first)
    if (method === 'GET' && media && !edge)
      return HttpResponse.json({
        id: media.id,
        permalink: `https://www.instagram.com/p/${media.id}/`,
        timestamp: media.timestamp,
      })
    if (method === 'GET' && media && edge === 'comments') {
      // Top-level comments, oldest first, each with its replies nested (first page).
      const top = fake.comments
        .filter((item) => item.mediaId === media.id && !item.parentId)
        .map((item) => ({
          ...commentShape(item),
          replies: { data: fake.comments.filter((reply) => reply.parentId === item.id).map(commentShape) },
        }))
      return HttpResponse.json(page(top, Number(params.limit ?? 25), params.after ?? null))
    }
    if (method === 'GET' && media && edge === 'insights') {
      const count = fake.comments.filter((item) => item.mediaId === media.id).length
      const values: Record<string, number> = {
        views: 1250,
        reach: 980,
        likes: 64,
        comments: count,
        shares: 5,
        saved: 9,
      }
      return HttpResponse.json({
        data: (params.metric ?? '').split(',').map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: values[name] ?? 0 }],
          title: name,
          description: '',
          id: `${media.id}/insights/${name}/lifetime`,
        })),
      })
    }
    const comment = fake.comments.find((item) => item.id === first)
    if (method === 'POST' && comment && edge === 'replies') {
      if (comment.parentId) return graphError(400, 100, 'Invalid parameter')
      const reply = fake.comment(comment.mediaId, comment.id, params.message ?? '', {
        id: IG_USER,
        username: 'humaskotacontoh',
      })
      return HttpResponse.json({ id: reply.id })
    }
    if (method === 'POST' && comment && !edge && 'hide' in params) {
      comment.hidden = params.hide === 'true'
      return HttpResponse.json({ success: true })
    }
    if (method === 'DELETE' && comment && !edge) {
      fake.comments = fake.comments.filter((item) => item.id !== comment.id && item.parentId !== comment.id)
      return HttpResponse.json({ success: true })
    }
    return graphError(400, 100, `fake has no ${method} ${path}`, 33)
  }),
)

function contextFor(
  credentials: Record<string, string> = { igUserId: IG_USER, accessToken: TOKEN },
): ConnectorContext {
  return {
    account: { handle: 'humaskotacontoh', platformAccountId: IG_USER },
    credentials,
    saveCredentials: () => Promise.resolve(),
    now: () => fake.now,
  }
}

function image(name: string, publicUrl = `https://media.kota.go.id/${name}.jpg`): MediaItem {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0])
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    read: () => Promise.resolve(bytes),
    byteLength: 4,
    altText: `Foto ${name}`,
    publicUrl,
  }
}

function video(name: string): MediaItem {
  return {
    ...image(name),
    kind: 'video',
    mimeType: 'video/mp4',
    altText: '',
    publicUrl: `https://media.kota.go.id/${name}.mp4`,
  }
}

function request(text: string, media: MediaItem[] = []): PublishRequest {
  return { idempotencyKey: `ig-${fake.seq}`, text, media }
}

const connector = () => new InstagramConnector(contextFor(), { pollIntervalMs: 0, maxPolls: 5 })

// Instagram takes no text-only post, and the contract publishes text only: the harness gives every text-only
// request the office's poster (a public image), so the contract runs unchanged against the real connector.
const poster = image('poster')
const withPoster = (sent: PublishRequest): PublishRequest =>
  sent.media.length > 0 ? sent : { ...sent, media: [poster] }
const contractFactory: ConnectorFactory = (context) => {
  const inner = new InstagramConnector(context, { pollIntervalMs: 0 })
  const outer = Object.create(inner) as Connector
  return Object.assign(outer, {
    publish: (sent: PublishRequest) => inner.publish(withPoster(sent)),
    findPublished: (sent: PublishRequest, since: Date) => inner.findPublished(withPoster(sent), since),
  })
}

connectorContract('instagram', contractFactory, {
  connectedContext: () => {
    fake = new FakeInstagram()
    return Promise.resolve(contextFor())
  },
  commentOn: (_context, mediaId, text) => {
    fake.comment(mediaId, null, text)
    return Promise.resolve()
  },
})

describe('the Instagram connector', () => {
  const created = () =>
    fake.requests.filter((item) => item.method === 'POST' && item.path === `${IG_USER}/media`)

  it('publishes one image: container with alt text, status, then media_publish', async () => {
    fake = new FakeInstagram()
    const post = await connector().publish(request('Layanan KTP keliling', [image('ktp')]))
    expect(created().map((item) => item.params)).toEqual([
      expect.objectContaining({
        image_url: 'https://media.kota.go.id/ktp.jpg',
        alt_text: 'Foto ktp',
        caption: 'Layanan KTP keliling',
      }),
    ])
    expect(fake.requests.filter((item) => item.path === `${IG_USER}/media_publish`)).toHaveLength(1)
    expect(post).toMatchObject({
      platformPostId: fake.media[0]!.id,
      url: `https://www.instagram.com/p/${fake.media[0]!.id}/`,
    })
  })

  it('publishes a carousel: one child per item, then the CAROUSEL container with their ids', async () => {
    fake = new FakeInstagram()
    await connector().publish(request('Galeri kegiatan', [image('a'), image('b'), video('c')]))
    const calls = created().map((item) => item.params)
    expect(calls.slice(0, 3).every((params) => params.is_carousel_item === 'true')).toBe(true)
    expect(calls[2]).toMatchObject({ media_type: 'VIDEO', video_url: 'https://media.kota.go.id/c.mp4' })
    expect(calls[3]).toMatchObject({ media_type: 'CAROUSEL', caption: 'Galeri kegiatan' })
    expect(fake.media[0]!.children).toHaveLength(3)
  })

  it('publishes a video as a Reel and polls the container until it is FINISHED', async () => {
    fake = new FakeInstagram()
    fake.videoPolls = 3
    await connector().publish(request('Video layanan', [video('reel')]))
    expect(created()[0]!.params).toMatchObject({
      media_type: 'REELS',
      video_url: 'https://media.kota.go.id/reel.mp4',
    })
    const polls = fake.requests.filter(
      (item) => item.method === 'GET' && item.params.fields === 'status_code,status',
    )
    expect(polls).toHaveLength(4)
    expect(fake.media).toHaveLength(1)
  })

  it('refuses a container that failed, and gives up (publishing nothing) on one that never finishes', async () => {
    fake = new FakeInstagram()
    fake.containerStatus = 'ERROR'
    await expect(connector().publish(request('Rusak', [video('bad')]))).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'meta.container_failed' },
    })
    fake.containerStatus = 'IN_PROGRESS'
    await expect(connector().publish(request('Lama', [video('slow')]))).rejects.toMatchObject({
      kind: 'unavailable',
      reason: { key: 'meta.container_pending' },
    })
    expect(fake.media).toHaveLength(0)
  })

  it('refuses a text-only post and media without a public address before sending anything', async () => {
    fake = new FakeInstagram()
    await expect(connector().publish(request('Teks saja'))).rejects.toMatchObject({
      reason: { key: 'meta.media_required' },
    })
    await expect(
      connector().publish(request('Tanpa alamat', [{ ...image('x'), publicUrl: undefined }])),
    ).rejects.toMatchObject({ reason: { key: 'meta.public_url_required' } })
    expect(fake.requests).toEqual([])
  })

  it('reads the 24 h publishing quota for health, and stops publishing when it is used up', async () => {
    fake = new FakeInstagram()
    const who = await connector().verify()
    expect(who).toEqual({
      platformAccountId: IG_USER,
      handle: 'humaskotacontoh',
      displayName: 'Humas Kota Contoh',
      publishingQuota: { used: 3, total: 100, windowSeconds: 86400 },
    })
    fake.quota = { used: 100, total: 100 }
    const error = await connector()
      .publish(request('Satu lagi', [image('q')]))
      .catch((caught: unknown) => caught)
    expect(isConnectorError(error) && error.kind).toBe('rate_limited')
    expect(isConnectorError(error) && error.reason?.key).toBe('meta.publishing_limit_reached')
    expect(created()).toEqual([])
    expect(parsePublishingLimit({ data: [] })).toBeNull()
  })

  it('pages comments with cursors, reads nested replies, and returns each once', async () => {
    fake = new FakeInstagram()
    await connector().publish(request('Pengumuman', [image('p')]))
    const mediaId = fake.media[0]!.id
    for (let n = 0; n < 70; n++) fake.comment(mediaId, null, `Komentar ${n}`)
    const top = fake.comments[0]!
    fake.comment(mediaId, top.id, 'Balasan warga')
    const first = await connector().fetchInteractions(null)
    expect(first.items).toHaveLength(71)
    expect(fake.requests.filter((item) => item.path === `${mediaId}/comments`)).toHaveLength(2)
    expect(first.items.find((item) => item.text === 'Balasan warga')).toMatchObject({
      kind: 'reply',
      parentExternalId: top.id,
      rootExternalId: mediaId,
    })
    expect(await connector().fetchInteractions(first.cursor)).toEqual({ items: [], cursor: null })
    fake.comment(mediaId, null, 'Baru')
    expect((await connector().fetchInteractions(first.cursor)).items.map((item) => item.text)).toEqual([
      'Baru',
    ])
  })

  it('replies to a top-level comment, hides one, deletes another, and refuses to delete its own post', async () => {
    fake = new FakeInstagram()
    await connector().publish(request('Pengumuman', [image('p')]))
    const mediaId = fake.media[0]!.id
    const question = fake.comment(mediaId, null, 'Jam berapa?')
    const rude = fake.comment(mediaId, null, 'Kasar')
    const spam = fake.comment(mediaId, null, 'Spam')
    const answer = await connector().reply(
      { externalId: question.id, rootExternalId: mediaId },
      'Pukul 08.00, Kak.',
    )
    expect(fake.comments.find((item) => item.id === answer.platformPostId)).toMatchObject({
      parentId: question.id,
    })
    await connector().hideReply(rude.id)
    expect(fake.comments.find((item) => item.id === rude.id)!.hidden).toBe(true)
    await connector().deleteReply(spam.id)
    expect(fake.comments.some((item) => item.id === spam.id)).toBe(false)
    const before = fake.requests.length
    await expect(connector().deletePost(mediaId)).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'connectors.capability_missing' },
    })
    expect(fake.requests).toHaveLength(before)
    const inbox = await connector().fetchInteractions(null)
    expect(inbox.items.map((item) => item.text)).toEqual(['Jam berapa?', 'Kasar'])
  })

  it('reads insights with the current metric names (views, not impressions or plays)', async () => {
    fake = new FakeInstagram()
    await connector().publish(request('Pengumuman', [image('p')]))
    const mediaId = fake.media[0]!.id
    fake.comment(mediaId, null, 'a')
    const metrics = await connector().fetchMetrics([mediaId])
    expect(metrics.get(mediaId)).toEqual({ likes: 64, shares: 5, replies: 1, quotes: null, views: 1250 })
    const asked = fake.requests.at(-1)!.params.metric!
    expect(asked.split(',')).toContain('views')
    expect(asked).not.toMatch(/impressions|plays|video_views/)
  })

  it('finds a published post by its caption since the attempt, and answers it when media_publish timed out after publishing', async () => {
    fake = new FakeInstagram()
    const since = new Date(fake.now.getTime())
    await connector().publish(request('Caption pertama', [image('1')]))
    expect((await connector().findPublished(request('Caption pertama'), since))?.platformPostId).toBe(
      fake.media[0]!.id,
    )
    expect(await connector().findPublished(request('Caption lain'), since)).toBeNull()
    // The publish went through, then Graph answered 500: reconcile from the account, do not publish twice.
    server.use(
      http.post(`${GRAPH}/${IG_USER}/media_publish`, async ({ request: sent }) => {
        const params = Object.fromEntries(new URLSearchParams(await sent.text()))
        fake.media.push({
          id: fake.id(),
          caption: fake.containers.get(params.creation_id!)!.params.caption!,
          timestamp: fake.tick(),
          children: [],
        })
        return HttpResponse.json(
          { error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } },
          { status: 500 },
        )
      }),
    )
    const post = await connector().publish(request('Caption kedua', [image('2')]))
    expect(post.platformPostId).toBe(fake.media[1]!.id)
    expect(fake.media).toHaveLength(2)
  })

  it('maps an expired token, a media download failure and the publishing limit error from Graph', async () => {
    fake = new FakeInstagram()
    const dead = new InstagramConnector(contextFor({ igUserId: IG_USER, accessToken: 'old' }), {
      pollIntervalMs: 0,
    })
    await expect(dead.verify()).rejects.toMatchObject({
      kind: 'auth_expired',
      reason: { key: 'meta.token_expired' },
    })
    fake.failNext = {
      method: 'POST',
      path: /\/media$/,
      status: 400,
      body: { error: { message: 'Media download has failed.', code: 9004, error_subcode: 2207052 } },
    }
    await expect(connector().publish(request('x', [image('x')]))).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'meta.media_fetch_failed' },
    })
    fake.failNext = {
      method: 'POST',
      path: /media_publish$/,
      status: 400,
      body: { error: { message: 'Application request limit reached', code: 9, error_subcode: 2207042 } },
    }
    await expect(connector().publish(request('y', [image('y')]))).rejects.toMatchObject({
      kind: 'rate_limited',
      reason: { key: 'meta.publishing_limit_hit' },
    })
  })
})

describe('the Graph error table on graph.instagram.com', () => {
  it.each(
    META_ERROR_TABLE.map(
      (row) => [`${row.code}${row.subcode ? '/' + row.subcode : ''} ${row.note}`, row] as const,
    ),
  )('maps %s', async (_name, row) => {
    fake = new FakeInstagram()
    fake.failNext = {
      method: 'GET',
      path: /^me$/,
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
    const error = await connector()
      .verify()
      .catch((caught: unknown) => caught)
    expect(isConnectorError(error) && [error.kind, error.reason?.key]).toEqual([row.kind, row.reason])
    if (isConnectorError(error)) expect(error.reason?.params).toMatchObject({ platform: 'Instagram' })
  })
})

describe('Instagram Login', () => {
  const client = {
    clientId: 'ig-app',
    clientSecret: 'ig-secret',
    redirectUri: 'https://warta.kota.go.id/api/oauth/callback',
  }

  it('sends the person to instagram.com/oauth/authorize with the instagram_business scopes', () => {
    const url = new URL(
      instagramOAuth.authorizationUrl({
        client,
        state: 's',
        codeChallenge: null,
        scopes: instagramOAuth.scopes.publish,
      }),
    )
    expect(url.origin + url.pathname).toBe('https://www.instagram.com/oauth/authorize')
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_content_publish')
    expect(url.searchParams.get('response_type')).toBe('code')
  })

  it('exchanges the code, trades the short token for a 60-day one, refreshes it, and names the account', async () => {
    server.use(
      http.post('https://api.instagram.com/oauth/access_token', async ({ request: sent }) => {
        const form = new URLSearchParams(await sent.text())
        if (form.get('code') !== 'the-code' || form.get('grant_type') !== 'authorization_code')
          return HttpResponse.json(
            { error_type: 'OAuthException', code: 400, error_message: 'Invalid authorization code' },
            { status: 400 },
          )
        return HttpResponse.json({
          data: [
            {
              access_token: 'IGAAshort',
              user_id: IG_USER,
              permissions: 'instagram_business_basic,instagram_business_content_publish',
            },
          ],
        })
      }),
      http.get('https://graph.instagram.com/access_token', ({ request: sent }) => {
        const params = new URL(sent.url).searchParams
        expect(params.get('grant_type')).toBe('ig_exchange_token')
        expect(params.get('client_secret')).toBe('ig-secret')
        return HttpResponse.json({ access_token: TOKEN, token_type: 'bearer', expires_in: 5_183_944 })
      }),
      http.get('https://graph.instagram.com/refresh_access_token', ({ request: sent }) => {
        const params = new URL(sent.url).searchParams
        if (params.get('access_token') !== TOKEN)
          return graphError(400, 190, 'Error validating access token: Session has expired', 463)
        return HttpResponse.json({
          access_token: 'IGAArefreshed',
          token_type: 'bearer',
          expires_in: 5_184_000,
        })
      }),
    )
    const before = Date.now()
    const tokens = await instagramOAuth.exchangeCode({ client, code: 'the-code', codeVerifier: null, fetch })
    expect(tokens).toMatchObject({
      accessToken: TOKEN,
      refreshToken: null,
      scopes: ['instagram_business_basic', 'instagram_business_content_publish'],
      extra: { igUserId: IG_USER },
    })
    expect(tokens.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 5_183_944_000)
    const connection = await instagramOAuth.connectionOf(tokens, fetch)
    expect(connection).toEqual({
      platformAccountId: IG_USER,
      handle: 'humaskotacontoh',
      displayName: 'Humas Kota Contoh',
      credentials: { igUserId: IG_USER, accessToken: TOKEN },
    })
    const refreshed = await instagramOAuth.refresh({ client, tokens, fetch })
    expect(refreshed).toMatchObject({
      accessToken: 'IGAArefreshed',
      scopes: tokens.scopes,
      extra: { igUserId: IG_USER },
    })
    await expect(instagramOAuth.refresh({ client, tokens: refreshed, fetch })).rejects.toMatchObject({
      kind: 'auth_expired',
    })
    await expect(
      instagramOAuth.exchangeCode({ client, code: 'stale', codeVerifier: null, fetch }),
    ).rejects.toMatchObject({ kind: 'rejected' })
  })
})
