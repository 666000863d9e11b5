// The Threads connector against a stateful fake of the graph.threads.net v1.0 endpoints it uses, behind a strict msw
// server (every unexpected request fails the test). The fake answers in the documented shapes, from these pages of
// developers.facebook.com/documentation/threads/:
//   GET  /me?fields=id,username,name                        reference/user (profiles)
//   POST /{user}/threads (media_type TEXT|IMAGE|VIDEO|CAROUSEL, text, image_url, video_url, alt_text,
//        is_carousel_item, children, reply_to_id) → {"id"}   posts, posts/accessibility, retrieve-and-manage-replies/create-replies
//   GET  /{container}?fields=status,error_message → {"status","id"[,"error_message"]}   troubleshooting
//   POST /{user}/threads_publish creation_id → {"id"}; 400 {"error":{…"code":24,"error_subcode":4279009…}} when the
//        container is not found yet (fbsamples/threads_api#70)
//   GET  /{user}/threads_publishing_limit?fields=quota_usage,config → {"data":[{"quota_usage","config":{"quota_total",
//        "quota_duration"}}]}                               overview
//   GET  /{user}/threads (newest first; data + paging.cursors) retrieve-and-discover-posts/retrieve-posts, reference/user
//   GET  /{media}/conversation?reverse=false (every reply, any depth; id, text, timestamp, username, permalink,
//        replied_to, root_post, is_reply_owned_by_me)      retrieve-and-manage-replies/replies-and-conversations
//   GET  /{user}/mentions                                   threads-mentions
//   POST /{reply}/manage_reply hide → {"success":true}      reply-management (top-level replies only)
//   DELETE /{media} → {"success":true,"deleted_id"}         posts/delete-posts
//   GET  /{media}/insights?metric=… → {"data":[{"name","period","values":[{"value"}],"title","description","id"}]}
//                                                           insights
//   OAuth: POST /oauth/access_token → {"access_token","user_id"}; GET /access_token?grant_type=th_exchange_token and
//          GET /refresh_access_token?grant_type=th_refresh_token → {"access_token","token_type","expires_in"};
//          GET /v1.0/debug_token → {"data":{"scopes",…}}   get-started/get-access-tokens-and-permissions,
//                                                           get-started/long-lived-tokens, troubleshooting/debug-access-token
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isConnectorError, type ConnectorContext, type MediaItem, type PublishRequest } from '../connector.ts'
import { connectorContract } from '../connector-contract.ts'
import { missingFeatures } from '../oauth.ts'
import { META_ERROR_TABLE } from '../meta/meta-errors.ts'
import { parsePublishingLimit } from '../meta/graph-client.ts'
import { strictMockServer } from '../meta/strict-mock-server.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { createThreadsConnector, THREADS_CAPABILITIES, ThreadsConnector } from './threads-connector.ts'
import { threadsOAuth } from './threads-oauth.ts'

const HOST = 'https://graph.threads.net'
const API = `${HOST}/v1.0`
const USER = '17841400000000009'
const HANDLE = 'humaskotacontoh'
const TOKEN = 'THAALongLived'

interface FakeContainer {
  id: string
  params: Record<string, string>
  polls: number
}

interface FakeThread {
  id: string
  text: string
  timestamp: string
  children: string[]
  mediaType: string
}

interface FakeReply {
  id: string
  rootId: string
  repliedTo: string
  text: string
  username: string
  timestamp: string
  hidden: boolean
}

function threadsTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}

class FakeThreads {
  now = new Date('2026-12-07T09:00:00Z')
  seq = 0
  containers = new Map<string, FakeContainer>()
  threads: FakeThread[] = []
  replies: FakeReply[] = []
  mentions: { id: string; text: string; username: string; timestamp: string }[] = []
  quota = { used: 4, total: 250 }
  /** Polls a video container answers IN_PROGRESS before FINISHED. */
  videoPolls = 2
  containerStatus: { status: string; error_message?: string } | null = null
  /** threads_publish answers 24/4279009 this many times first. */
  notFoundTimes = 0
  requests: { method: string; path: string; params: Record<string, string> }[] = []
  failNext: { method: string; path: RegExp; status: number; body: unknown } | null = null

  id(): string {
    this.seq += 1
    return String(18_100_000_000 + this.seq)
  }

  tick(): string {
    this.now = new Date(this.now.getTime() + 400)
    return threadsTime(this.now)
  }

  reply(rootId: string, repliedTo: string | null, text: string, username = 'warga.kota'): FakeReply {
    const item = {
      id: this.id(),
      rootId,
      repliedTo: repliedTo ?? rootId,
      text,
      username,
      timestamp: this.tick(),
      hidden: false,
    }
    this.replies.push(item)
    return item
  }

  mention(text: string, username = 'warga.lain'): void {
    this.mentions.push({ id: this.id(), text, username, timestamp: this.tick() })
  }
}

let fake = new FakeThreads()

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
    paging: { cursors, ...(start + limit < items.length ? { next: `${API}/next` } : {}) },
  }
}

const permalink = (id: string) => `https://www.threads.net/@${HANDLE}/post/${id}`

function replyShape(item: FakeReply) {
  return {
    id: item.id,
    text: item.text,
    timestamp: item.timestamp,
    username: item.username,
    permalink: `https://www.threads.net/@${item.username}/post/${item.id}`,
    media_type: 'TEXT_POST',
    is_reply_owned_by_me: item.username === HANDLE,
    replied_to: { id: item.repliedTo },
    root_post: { id: item.rootId },
  }
}

function containerError(
  params: Record<string, string>,
  containers: Map<string, FakeContainer>,
): string | null {
  const type = params.media_type
  if (type === 'TEXT' && !params.text) return 'The parameter text is required for TEXT'
  if (type === 'IMAGE' && !params.image_url) return 'The parameter image_url is required'
  if (type === 'VIDEO' && !params.video_url) return 'The parameter video_url is required'
  if (type === 'CAROUSEL') {
    const children = (params.children ?? '').split(',').filter(Boolean)
    if (children.length < 2 || children.length > 20) return 'A carousel needs 2 to 20 children'
    if (children.some((id) => containers.get(id)?.params.is_carousel_item !== 'true'))
      return 'Every child must be a carousel item'
  }
  if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type ?? '')) return 'Invalid media_type'
  return null
}

const server = strictMockServer(
  http.all(`${API}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const path = url.pathname.replace('/v1.0/', '')
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
      return HttpResponse.json({ id: USER, username: HANDLE, name: 'Humas Kota Contoh' })
    if (method === 'GET' && path === `${USER}/threads_publishing_limit`)
      return HttpResponse.json({
        data: [
          { quota_usage: fake.quota.used, config: { quota_total: fake.quota.total, quota_duration: 86400 } },
        ],
      })
    if (method === 'POST' && path === `${USER}/threads`) {
      const problem = containerError(params, fake.containers)
      if (problem) return graphError(400, 100, problem)
      if (params.reply_to_id) {
        const target =
          fake.threads.some((item) => item.id === params.reply_to_id) ||
          fake.replies.some((item) => item.id === params.reply_to_id)
        if (!target) return graphError(400, 100, 'Invalid reply_to_id', 33)
      }
      const container = { id: fake.id(), params, polls: 0 }
      fake.containers.set(container.id, container)
      return HttpResponse.json({ id: container.id })
    }
    if (method === 'POST' && path === `${USER}/threads_publish`) {
      if (fake.notFoundTimes > 0) {
        fake.notFoundTimes -= 1
        return HttpResponse.json(
          {
            error: {
              message: 'The requested resource does not exist',
              type: 'OAuthException',
              code: 24,
              error_subcode: 4279009,
              is_transient: false,
              error_user_title: 'Media Not Found',
              error_user_msg: `The media with id ${params.creation_id} cannot be found.`,
              fbtrace_id: 'Ab',
            },
          },
          { status: 400 },
        )
      }
      const container = fake.containers.get(params.creation_id ?? '')
      if (!container) return graphError(400, 24, 'The requested resource does not exist', 4279009)
      fake.containers.delete(container.id)
      const replyTo = container.params.reply_to_id
      if (replyTo) {
        const parent =
          fake.replies.find((item) => item.id === replyTo) ?? fake.threads.find((item) => item.id === replyTo)
        const rootId = parent && 'rootId' in parent ? parent.rootId : replyTo
        return HttpResponse.json({ id: fake.reply(rootId, replyTo, container.params.text ?? '', HANDLE).id })
      }
      const id = fake.id()
      fake.threads.push({
        id,
        text: container.params.text ?? '',
        timestamp: fake.tick(),
        children: (container.params.children ?? '').split(',').filter(Boolean),
        mediaType: container.params.media_type ?? 'TEXT',
      })
      fake.quota.used += 1
      return HttpResponse.json({ id })
    }
    if (method === 'GET' && fake.containers.has(first!) && !edge) {
      const container = fake.containers.get(first!)!
      container.polls += 1
      const video = container.params.media_type === 'VIDEO'
      const answer = fake.containerStatus ?? {
        status: video && container.polls <= fake.videoPolls ? 'IN_PROGRESS' : 'FINISHED',
      }
      return HttpResponse.json({ ...answer, id: container.id })
    }
    if (method === 'GET' && path === `${USER}/threads`) {
      const since = params.since ? Number(params.since) * 1000 : 0
      const items = [...fake.threads]
        .reverse()
        .filter((item) => new Date(item.timestamp.replace('+0000', 'Z')).getTime() >= since)
        .map((item) => ({
          id: item.id,
          text: item.text,
          timestamp: item.timestamp,
          permalink: permalink(item.id),
        }))
      return HttpResponse.json(page(items, Number(params.limit ?? 25), params.after ?? null))
    }
    if (method === 'GET' && path === `${USER}/mentions`) {
      const items = [...fake.mentions].reverse().map((item) => ({
        ...item,
        permalink: `https://www.threads.net/@${item.username}/post/${item.id}`,
        media_type: 'TEXT_POST',
      }))
      return HttpResponse.json(page(items, Number(params.limit ?? 25), params.after ?? null))
    }
    const thread = fake.threads.find((item) => item.id === first)
    const reply = fake.replies.find((item) => item.id === first)
    if (method === 'GET' && (thread ?? reply) && !edge) {
      const found = (thread ?? reply)!
      return HttpResponse.json({ id: found.id, permalink: permalink(found.id), timestamp: found.timestamp })
    }
    if (method === 'GET' && thread && edge === 'conversation') {
      const all = fake.replies.filter((item) => item.rootId === thread.id).map(replyShape)
      const ordered = params.reverse === 'false' ? all : [...all].reverse()
      return HttpResponse.json(page(ordered, Number(params.limit ?? 25), params.after ?? null))
    }
    if (method === 'GET' && thread && edge === 'insights') {
      const values: Record<string, number> = {
        views: 2480,
        likes: 73,
        replies: fake.replies.filter((item) => item.rootId === thread.id).length,
        reposts: 6,
        quotes: 2,
        shares: 11,
      }
      return HttpResponse.json({
        data: (params.metric ?? '').split(',').map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: values[name] ?? 0 }],
          title: name,
          description: `The number of ${name} on your post.`,
          id: `${thread.id}/insights/${name}/lifetime`,
        })),
      })
    }
    if (method === 'POST' && reply && edge === 'manage_reply') {
      // Only a top-level reply can be hidden on its own.
      if (reply.repliedTo !== reply.rootId) return graphError(400, 100, 'Invalid parameter')
      reply.hidden = params.hide === 'true'
      return HttpResponse.json({ success: true })
    }
    if (method === 'DELETE' && thread && !edge) {
      fake.threads = fake.threads.filter((item) => item.id !== thread.id)
      fake.replies = fake.replies.filter((item) => item.rootId !== thread.id)
      return HttpResponse.json({ success: true, deleted_id: thread.id })
    }
    return graphError(400, 100, `fake has no ${method} ${path}`, 33)
  }),
)

function contextFor(
  credentials: Record<string, string> = { threadsUserId: USER, accessToken: TOKEN },
): ConnectorContext {
  return {
    account: { handle: HANDLE, platformAccountId: USER },
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
  return { idempotencyKey: `th-${fake.seq}`, text, media }
}

const connector = () => new ThreadsConnector(contextFor(), { pollIntervalMs: 0, maxPolls: 5 })

// Threads takes text-only posts: the contract runs unchanged against the real connector.
connectorContract('threads', (context) => createThreadsConnector(context, { pollIntervalMs: 0 }), {
  connectedContext: () => {
    fake = new FakeThreads()
    return Promise.resolve(contextFor())
  },
  commentOn: (_context, mediaId, text) => {
    fake.reply(mediaId, null, text)
    return Promise.resolve()
  },
})

describe('the Threads connector publishes', () => {
  it('what the composer allows (platform-rules.ts): 500 characters, 20 carousel items, video, alt text', () => {
    const rule = PLATFORM_RULES.threads
    expect({
      maxTextLength: THREADS_CAPABILITIES.maxTextLength,
      textCounting: THREADS_CAPABILITIES.textCounting,
      maxImages: THREADS_CAPABILITIES.maxImages,
      video: THREADS_CAPABILITIES.video,
      altText: THREADS_CAPABILITIES.altText,
    }).toEqual({
      maxTextLength: rule.maxTextLength,
      textCounting: rule.textCounting,
      maxImages: rule.maxImages,
      video: rule.video,
      altText: rule.altTextRequired,
    })
    expect([rule.maxTextLength, rule.textCounting, rule.maxImages, rule.mediaRequired]).toEqual([
      500,
      'emoji_bytes',
      20,
      'none',
    ])
  })

  const created = () =>
    fake.requests.filter((item) => item.method === 'POST' && item.path === `${USER}/threads`)
  const published = () => fake.requests.filter((item) => item.path === `${USER}/threads_publish`)
  const polls = () =>
    fake.requests.filter((item) => item.method === 'GET' && item.params.fields === 'status,error_message')

  it('a text of exactly 500 as Threads counts it, an emoji as 4', async () => {
    fake = new FakeThreads()
    await connector().publish(request(`${'a'.repeat(496)}😀`))
    expect(fake.threads).toHaveLength(1)
  })

  it('a text: a TEXT container, its status, then threads_publish', async () => {
    fake = new FakeThreads()
    const post = await connector().publish(request('Layanan KTP keliling hari ini di Kelurahan Sukamaju.'))
    expect(created().map((item) => item.params)).toEqual([
      expect.objectContaining({
        media_type: 'TEXT',
        text: 'Layanan KTP keliling hari ini di Kelurahan Sukamaju.',
      }),
    ])
    expect(created()[0]!.params).not.toHaveProperty('image_url')
    expect(polls()).toHaveLength(1)
    expect(published().map((item) => item.params.creation_id)).toEqual([expect.any(String)])
    expect(post).toEqual({
      platformPostId: fake.threads[0]!.id,
      url: permalink(fake.threads[0]!.id),
      publishedAt: new Date(fake.threads[0]!.timestamp.replace('+0000', 'Z')),
    })
  })

  it('one image with its alt text, and one video polled until FINISHED', async () => {
    fake = new FakeThreads()
    await connector().publish(request('Foto kegiatan', [image('posyandu')]))
    expect(created()[0]!.params).toMatchObject({
      media_type: 'IMAGE',
      image_url: 'https://media.kota.go.id/posyandu.jpg',
      alt_text: 'Foto posyandu',
      text: 'Foto kegiatan',
    })
    fake.videoPolls = 3
    await connector().publish(request('Video layanan', [video('layanan')]))
    expect(created()[1]!.params).toMatchObject({
      media_type: 'VIDEO',
      video_url: 'https://media.kota.go.id/layanan.mp4',
      text: 'Video layanan',
    })
    expect(created()[1]!.params).not.toHaveProperty('alt_text')
    expect(polls()).toHaveLength(1 + 4)
    expect(fake.threads.map((item) => item.mediaType)).toEqual(['IMAGE', 'VIDEO'])
  })

  it('a carousel: each child with is_carousel_item, then a CAROUSEL container with their ids', async () => {
    fake = new FakeThreads()
    await connector().publish(request('Galeri kegiatan', [image('a'), image('b'), video('c')]))
    const calls = created().map((item) => item.params)
    expect(calls.slice(0, 3).every((params) => params.is_carousel_item === 'true')).toBe(true)
    expect(calls.slice(0, 3).map((params) => params.text)).toEqual([undefined, undefined, undefined])
    expect(calls[2]).toMatchObject({ media_type: 'VIDEO', video_url: 'https://media.kota.go.id/c.mp4' })
    expect(calls[3]).toMatchObject({ media_type: 'CAROUSEL', text: 'Galeri kegiatan' })
    expect(fake.threads[0]!.children).toHaveLength(3)
    expect(calls[3]!.children).toBe(fake.threads[0]!.children.join(','))
  })

  it('refuses, before sending anything, 21 carousel items and media without a public address', async () => {
    fake = new FakeThreads()
    const many = [...Array.from({ length: 19 }, (_, n) => image(`i${n}`)), video('v1'), video('v2')]
    await expect(connector().publish(request('Terlalu banyak', many))).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'connectors.too_many_images', params: { maximum: 20 } },
    })
    await expect(
      connector().publish(request('Tanpa alamat', [{ ...image('x'), publicUrl: undefined }])),
    ).rejects.toMatchObject({ kind: 'rejected', reason: { key: 'meta.public_url_required' } })
    await expect(connector().publish(request('a'.repeat(501)))).rejects.toMatchObject({
      reason: { key: 'connectors.text_too_long', params: { maximum: 500 } },
    })
    // An emoji counts as its UTF-8 bytes: 497 letters and one 😀 are 501.
    await expect(connector().publish(request(`${'a'.repeat(497)}😀`))).rejects.toMatchObject({
      reason: { key: 'connectors.text_too_long', params: { length: 501, maximum: 500 } },
    })
    expect(fake.requests).toEqual([])
  })

  it('refuses a container that failed with its error message, and gives up on one that never finishes', async () => {
    fake = new FakeThreads()
    fake.containerStatus = { status: 'ERROR', error_message: 'FAILED_DOWNLOADING_VIDEO' }
    await expect(connector().publish(request('Rusak', [video('bad')]))).rejects.toMatchObject({
      kind: 'rejected',
      platformCode: 'ERROR',
      reason: {
        key: 'meta.container_failed',
        params: { platform: 'Threads', status: 'FAILED_DOWNLOADING_VIDEO' },
      },
    })
    fake.containerStatus = { status: 'IN_PROGRESS' }
    await expect(connector().publish(request('Lama', [video('slow')]))).rejects.toMatchObject({
      kind: 'unavailable',
      reason: { key: 'meta.container_pending' },
    })
    expect(published()).toEqual([])
    expect(fake.threads).toEqual([])
  })

  it('publishes again while Threads cannot find the container yet, and never calls that an unknown outcome', async () => {
    fake = new FakeThreads()
    fake.notFoundTimes = 2
    const post = await connector().publish(request('Pengumuman jadwal vaksinasi'))
    expect(published()).toHaveLength(3)
    expect(post.platformPostId).toBe(fake.threads[0]!.id)
    fake.notFoundTimes = 3
    const error = await connector()
      .publish(request('Belum ketemu'))
      .catch((caught: unknown) => caught)
    expect(isConnectorError(error) && [error.kind, error.reason?.key, error.platformCode]).toEqual([
      'unavailable',
      'meta.container_not_found',
      '24/4279009',
    ])
    expect(fake.threads).toHaveLength(1)
  })

  it('reads the 24 h publishing quota for health, and stops publishing when it is used up', async () => {
    fake = new FakeThreads()
    expect(await connector().verify()).toEqual({
      platformAccountId: USER,
      handle: HANDLE,
      displayName: 'Humas Kota Contoh',
      publishingQuota: { used: 4, total: 250, windowSeconds: 86400 },
    })
    expect(fake.requests.at(-1)!.params.fields).toBe('quota_usage,config')
    fake.quota = { used: 250, total: 250 }
    const error = await connector()
      .publish(request('Satu lagi'))
      .catch((caught: unknown) => caught)
    expect(isConnectorError(error) && error.kind).toBe('rate_limited')
    expect(isConnectorError(error) && error.reason).toMatchObject({
      key: 'meta.publishing_limit_reached',
      params: { platform: 'Threads', used: 250, total: 250 },
    })
    expect(isConnectorError(error) && error.retryAt).toEqual(new Date(fake.now.getTime() + 3600_000))
    expect(created()).toEqual([])
    expect(await connector().publishingQuota()).toEqual({ used: 250, total: 250, windowSeconds: 86400 })
    expect(parsePublishingLimit({ data: [] })).toBeNull()
  })

  it('finds a post by its text since the attempt, and answers it when threads_publish failed after publishing', async () => {
    fake = new FakeThreads()
    const since = new Date(fake.now.getTime())
    await connector().publish(request('Teks pertama'))
    expect((await connector().findPublished(request('Teks pertama'), since))?.platformPostId).toBe(
      fake.threads[0]!.id,
    )
    expect(await connector().findPublished(request('Teks lain'), since)).toBeNull()
    expect(fake.requests.at(-1)!.params.since).toBe(String(Math.floor(since.getTime() / 1000)))
    server.use(
      http.post(`${API}/${USER}/threads_publish`, async ({ request: sent }) => {
        const params = Object.fromEntries(new URLSearchParams(await sent.text()))
        fake.threads.push({
          id: fake.id(),
          text: fake.containers.get(params.creation_id!)!.params.text!,
          timestamp: fake.tick(),
          children: [],
          mediaType: 'TEXT',
        })
        return HttpResponse.json(
          { error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } },
          { status: 500 },
        )
      }),
    )
    const post = await connector().publish(request('Teks kedua'))
    expect(post.platformPostId).toBe(fake.threads[1]!.id)
    expect(fake.threads).toHaveLength(2)
  })
})

describe('the Threads connector reads and answers', () => {
  it('pages every reply under recent threads and the mentions with cursors, and returns each once', async () => {
    fake = new FakeThreads()
    await connector().publish(request('Pengumuman'))
    const threadId = fake.threads[0]!.id
    for (let n = 0; n < 70; n++) fake.reply(threadId, null, `Balasan ${n}`)
    const top = fake.replies[0]!
    const nested = fake.reply(threadId, top.id, 'Balasan bertingkat')
    fake.reply(threadId, top.id, 'Jawaban humas', HANDLE)
    for (let n = 0; n < 55; n++) fake.mention(`@${HANDLE} sebutan ${n}`)
    const first = await connector().fetchInteractions(null)
    expect(first.items).toHaveLength(71 + 55)
    expect(fake.requests.filter((item) => item.path === `${threadId}/conversation`)).toHaveLength(2)
    expect(fake.requests.filter((item) => item.path === `${USER}/mentions`)).toHaveLength(2)
    expect(fake.requests.find((item) => item.path === `${threadId}/conversation`)!.params).toMatchObject({
      reverse: 'false',
    })
    expect(first.items.find((item) => item.externalId === top.id)).toMatchObject({
      kind: 'comment',
      author: { handle: 'warga.kota' },
      parentExternalId: threadId,
      rootExternalId: threadId,
    })
    expect(first.items.find((item) => item.externalId === nested.id)).toMatchObject({
      kind: 'reply',
      parentExternalId: top.id,
      rootExternalId: threadId,
    })
    expect(first.items.filter((item) => item.kind === 'mention')).toHaveLength(55)
    expect(first.items.some((item) => item.text === 'Jawaban humas')).toBe(false)
    expect(new Set(first.items.map((item) => item.externalId)).size).toBe(first.items.length)
    expect(await connector().fetchInteractions(first.cursor)).toEqual({ items: [], cursor: null })
    fake.reply(threadId, null, 'Baru')
    fake.mention(`@${HANDLE} baru`)
    expect((await connector().fetchInteractions(first.cursor)).items.map((item) => item.text)).toEqual([
      'Baru',
      `@${HANDLE} baru`,
    ])
  })

  it('replies through a reply_to_id container, hides a reply, refuses to delete one, and deletes its own post', async () => {
    fake = new FakeThreads()
    await connector().publish(request('Pengumuman'))
    const threadId = fake.threads[0]!.id
    const question = fake.reply(threadId, null, 'Jam berapa?')
    const rude = fake.reply(threadId, null, 'Kasar')
    const answer = await connector().reply(
      { externalId: question.id, rootExternalId: threadId },
      'Pukul 08.00, Kak.',
    )
    const container = fake.requests.find((item) => item.params.reply_to_id === question.id)!
    expect(container.params).toMatchObject({ media_type: 'TEXT', text: 'Pukul 08.00, Kak.' })
    expect(fake.replies.find((item) => item.id === answer.platformPostId)).toMatchObject({
      repliedTo: question.id,
      username: HANDLE,
    })
    expect(answer.url).toBe(permalink(answer.platformPostId))
    await connector().hideReply(rude.id)
    expect(fake.replies.find((item) => item.id === rude.id)!.hidden).toBe(true)
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `${rude.id}/manage_reply`,
      params: { hide: 'true' },
    })
    const before = fake.requests.length
    await expect(connector().deleteReply(rude.id)).rejects.toMatchObject({
      kind: 'rejected',
      reason: { key: 'connectors.capability_missing', params: { platform: 'Threads' } },
    })
    expect(fake.requests).toHaveLength(before)
    await connector().deletePost(threadId)
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: threadId })
    expect(fake.threads).toEqual([])
  })

  it('reads insights: views, likes, replies, reposts as shares, quotes', async () => {
    fake = new FakeThreads()
    await connector().publish(request('Pengumuman'))
    const threadId = fake.threads[0]!.id
    fake.reply(threadId, null, 'a')
    const metrics = await connector().fetchMetrics([threadId])
    expect(metrics.get(threadId)).toEqual({ likes: 73, shares: 6, replies: 1, quotes: 2, views: 2480 })
    expect(fake.requests.at(-1)!.params.metric).toBe('views,likes,replies,reposts,quotes')
  })
})

describe('the Graph error table on graph.threads.net', () => {
  it.each(
    META_ERROR_TABLE.map(
      (row) => [`${row.code}${row.subcode ? '/' + row.subcode : ''} ${row.note}`, row] as const,
    ),
  )('maps %s', async (_name, row) => {
    fake = new FakeThreads()
    fake.failNext = {
      method: 'GET',
      path: /^me$/,
      status: row.kind === 'unavailable' && !row.nothingMade ? 500 : 400,
      body: {
        error: {
          message: row.note,
          type: 'THApiException',
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
    if (isConnectorError(error)) expect(error.reason?.params).toMatchObject({ platform: 'Threads' })
  })

  it('keeps a write that Threads answered "not found" retryable, unlike a write answered with a server error', async () => {
    fake = new FakeThreads()
    fake.failNext = {
      method: 'POST',
      path: /manage_reply$/,
      status: 500,
      body: { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } },
    }
    await expect(connector().hideReply('1')).rejects.toMatchObject({ kind: 'unavailable' })
    fake.notFoundTimes = 3
    await expect(connector().publish(request('x'))).rejects.toMatchObject({ kind: 'unavailable' })
    fake.failNext = {
      method: 'POST',
      path: /threads_publish$/,
      status: 500,
      body: { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } },
    }
    fake.notFoundTimes = 0
    await expect(connector().publish(request('y'))).rejects.toMatchObject({ kind: 'unknown_outcome' })
  })
})

describe('the Threads Authorization Window', () => {
  const client = {
    clientId: '990602627938098',
    clientSecret: 'th-secret',
    redirectUri: 'https://warta.kota.go.id/api/oauth/callback',
  }

  it('sends the person to the authorization window with the threads_* scopes', () => {
    const url = new URL(
      threadsOAuth.authorizationUrl({
        client,
        state: 's',
        codeChallenge: null,
        scopes: threadsOAuth.scopes.publish,
      }),
    )
    expect(url.origin + url.pathname).toBe('https://threads.com/oauth/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: 'threads_basic,threads_content_publish,threads_delete',
      response_type: 'code',
      state: 's',
    })
    expect(
      missingFeatures(threadsOAuth, ['threads_basic', 'threads_content_publish', 'threads_delete']),
    ).toEqual(['read', 'reply', 'moderate', 'metrics'])
  })

  function oauthHandlers(debug: 'tester' | 'refused') {
    return [
      http.post(`${HOST}/oauth/access_token`, async ({ request: sent }) => {
        const form = new URLSearchParams(await sent.text())
        if (form.get('code') !== 'the-code')
          return graphError(400, 100, 'Invalid verification code format.', 36008)
        expect(Object.fromEntries(form)).toEqual({
          client_id: client.clientId,
          client_secret: client.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: client.redirectUri,
          code: 'the-code',
        })
        // user_id is a JSON number in the answer, and larger than 2^53: written as text to keep its digits.
        return new HttpResponse(`{"access_token":"THAAshort","user_id":${USER}}`, {
          headers: { 'content-type': 'application/json' },
        })
      }),
      http.get(`${HOST}/access_token`, ({ request: sent }) => {
        const params = Object.fromEntries(new URL(sent.url).searchParams)
        expect(params).toEqual({
          grant_type: 'th_exchange_token',
          client_secret: client.clientSecret,
          access_token: 'THAAshort',
        })
        return HttpResponse.json({ access_token: TOKEN, token_type: 'bearer', expires_in: 5_183_944 })
      }),
      http.get(`${API}/debug_token`, ({ request: sent }) => {
        const params = new URL(sent.url).searchParams
        expect(params.get('input_token')).toBe(TOKEN)
        if (debug === 'refused')
          return graphError(400, 100, 'The access token must belong to a Threads tester of the app')
        return HttpResponse.json({
          data: {
            type: 'USER',
            application: 'Warta Kota Contoh',
            data_access_expires_at: 1_754_846_089,
            expires_at: 1_752_254_132,
            is_valid: true,
            issued_at: 1_747_070_132,
            scopes: ['threads_basic', 'threads_content_publish', 'threads_read_replies'],
            user_id: USER,
          },
        })
      }),
      http.get(`${HOST}/refresh_access_token`, ({ request: sent }) => {
        const params = new URL(sent.url).searchParams
        expect(params.get('grant_type')).toBe('th_refresh_token')
        if (params.get('access_token') !== TOKEN)
          return graphError(400, 190, 'Error validating access token: Session has expired', 463)
        return HttpResponse.json({
          access_token: 'THAArefreshed',
          token_type: 'bearer',
          expires_in: 5_184_000,
        })
      }),
    ]
  }

  it('exchanges the code, trades the short token for a 60-day one, reads its scopes, refreshes it and names the account', async () => {
    fake = new FakeThreads()
    server.use(...oauthHandlers('tester'))
    const before = Date.now()
    const tokens = await threadsOAuth.exchangeCode({ client, code: 'the-code', codeVerifier: null, fetch })
    expect(tokens).toMatchObject({
      accessToken: TOKEN,
      refreshToken: null,
      refreshExpiresAt: null,
      scopes: ['threads_basic', 'threads_content_publish', 'threads_read_replies'],
      extra: { threadsUserId: USER },
    })
    expect(tokens.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 5_183_944_000)
    expect(tokens.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 5_183_944_000)
    expect(await threadsOAuth.connectionOf(tokens, fetch)).toEqual({
      platformAccountId: USER,
      handle: HANDLE,
      displayName: 'Humas Kota Contoh',
      credentials: { threadsUserId: USER, accessToken: TOKEN },
    })
    const refreshed = await threadsOAuth.refresh({ client, tokens, fetch })
    expect(refreshed).toMatchObject({
      accessToken: 'THAArefreshed',
      scopes: tokens.scopes,
      extra: { threadsUserId: USER },
    })
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 5_184_000_000)
    await expect(threadsOAuth.refresh({ client, tokens: refreshed, fetch })).rejects.toMatchObject({
      kind: 'auth_expired',
      reason: { key: 'meta.token_expired', params: { platform: 'Threads' } },
    })
    await expect(
      threadsOAuth.exchangeCode({ client, code: 'stale', codeVerifier: null, fetch }),
    ).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('takes the scopes asked for as granted when debug_token is refused (a profile that is no tester)', async () => {
    server.use(...oauthHandlers('refused'))
    const tokens = await threadsOAuth.exchangeCode({ client, code: 'the-code', codeVerifier: null, fetch })
    expect([...tokens.scopes].sort()).toEqual(
      [
        'threads_basic',
        'threads_content_publish',
        'threads_delete',
        'threads_manage_insights',
        'threads_manage_mentions',
        'threads_manage_replies',
        'threads_read_replies',
      ].sort(),
    )
    expect(missingFeatures(threadsOAuth, tokens.scopes)).toEqual([])
  })
})
