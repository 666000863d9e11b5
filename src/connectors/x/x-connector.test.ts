// The X connector through its real HTTP path (twitter-api-v2 over node:https) against a stateful fake of the
// X API v2 (x-fake.ts) behind msw: every request the fake does not handle fails the test. The contract suite runs
// unchanged against it, then the X-specific parts: media kinds, alt text, pagination, conversation search, hide,
// metrics, findPublished and the duplicate-content reconciliation.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectorContract } from '../connector-contract.ts'
import { isConnectorError, type ConnectorContext, type MediaItem } from '../connector.ts'
import { createXConnector, XConnector } from './x-connector.ts'
import { FakeX } from './x-fake.ts'

const fake = new FakeX()
const server = setupServer(...fake.handlers())

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

let accounts = 0
function contextFor(handle: string): ConnectorContext {
  const user = fake.addUser(`${handle}${(accounts += 1)}`, `Humas ${handle}`)
  return {
    account: { handle: `@${user.username}`, platformAccountId: null },
    credentials: { accessToken: user.token },
    saveCredentials: () => Promise.resolve(),
    now: () => new Date(),
  }
}
const citizen = fake.addUser('warga_kota', 'Warga Kota')

connectorContract('x', createXConnector, {
  connectedContext: () => Promise.resolve(contextFor('diskominfo')),
  commentOn: (_context, postId, text) => {
    fake.reply(citizen, postId, text)
    return Promise.resolve()
  },
})

function media(
  kind: 'image' | 'video',
  mimeType: string,
  size: number,
  altText = 'Poster vaksinasi',
): MediaItem {
  const bytes = new Uint8Array(size).fill(7)
  return { kind, mimeType, read: () => Promise.resolve(bytes), byteLength: size, altText }
}

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work()
  } catch (error) {
    return error
  }
  return expect.fail('expected an error')
}

describe('the X connector', () => {
  it('publishes plain text and names the post by its x.com address', async () => {
    const context = contextFor('pemkot')
    const post = await createXConnector(context).publish({
      idempotencyKey: 'k-text',
      text: 'Pelayanan KTP buka Sabtu & Minggu <08.00>',
      media: [],
    })
    expect(post.url).toBe(`https://x.com/${context.account.handle.slice(1)}/status/${post.platformPostId}`)
    expect(fake.tweets.find((tweet) => tweet.id === post.platformPostId)?.text).toBe(
      'Pelayanan KTP buka Sabtu & Minggu <08.00>',
    )
  })

  it('uploads images in chunks (initialize → append → finalize), sets their alt text and attaches them', async () => {
    const context = contextFor('dinkes')
    fake.calls.length = 0
    const images = [
      media('image', 'image/png', 3000, 'Jadwal posyandu'),
      media('image', 'image/jpeg', 10, 'Peta lokasi'),
    ]
    const post = await createXConnector(context).publish({
      idempotencyKey: 'k-img',
      text: 'Jadwal posyandu',
      media: images,
    })
    const tweet = fake.tweets.find((item) => item.id === post.platformPostId)!
    expect(tweet.media_ids).toHaveLength(2)
    expect(tweet.media_ids.map((id) => fake.media.get(id)?.alt_text)).toEqual([
      'Jadwal posyandu',
      'Peta lokasi',
    ])
    expect(tweet.media_ids.map((id) => fake.media.get(id)?.received)).toEqual([3000, 10])
    expect(
      fake.calls
        .filter((call) => call.includes('/media/upload/'))
        .map((call) => call.replace(/\d{6,}/, ':id')),
    ).toEqual([
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/finalize',
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/finalize',
    ])
  })

  it('uploads a video in several segments and waits for X to finish processing it', async () => {
    const context = contextFor('bpbd')
    fake.calls.length = 0
    const video = media('video', 'video/mp4', 1024 * 1024 + 5)
    const post = await createXConnector(context).publish({
      idempotencyKey: 'k-video',
      text: 'Simulasi evakuasi',
      media: [video],
    })
    const tweet = fake.tweets.find((item) => item.id === post.platformPostId)!
    expect(fake.media.get(tweet.media_ids[0]!)).toMatchObject({ received: 1024 * 1024 + 5, finalized: true })
    expect(fake.calls.filter((call) => call.endsWith('/append'))).toHaveLength(2)
    expect(fake.calls).toContain('GET /2/media/upload')
  })

  it('refuses before sending: a video with images, an unknown media type, a text over 280 weighted characters', async () => {
    const connector = createXConnector(contextFor('satpol'))
    fake.calls.length = 0
    const mixed = await thrown(() =>
      connector.publish({
        idempotencyKey: 'k-mix',
        text: 'Campur',
        media: [media('video', 'video/mp4', 10), media('image', 'image/png', 10)],
      }),
    )
    expect(isConnectorError(mixed) && mixed.reason?.key).toBe('x.media_mix')
    const bmp = await thrown(() =>
      connector.publish({
        idempotencyKey: 'k-bmp',
        text: 'Gambar',
        media: [media('image', 'image/bmp', 10)],
      }),
    )
    expect(isConnectorError(bmp) && bmp.reason?.key).toBe('x.media_rejected')
    // 141 emoji weigh 282 though they are only 141 code points.
    const long = await thrown(() =>
      connector.publish({ idempotencyKey: 'k-long', text: '🎉'.repeat(141), media: [] }),
    )
    expect(isConnectorError(long) && long.reason).toEqual({
      key: 'connectors.text_too_long',
      params: { platform: 'X', length: 282, maximum: 280 },
    })
    expect(fake.calls).toEqual([])
  })

  it('answers the earlier post when X says a retried publication is duplicate content', async () => {
    const context = contextFor('humas')
    const connector = createXConnector(context)
    const request = {
      idempotencyKey: 'k-dup',
      text: 'Info banjir: cek https://bpbd.example.go.id/peta',
      media: [],
    }
    const first = await connector.publish(request)
    const again = await connector.publish(request)
    expect(again.platformPostId).toBe(first.platformPostId)
    expect(fake.tweets.filter((tweet) => tweet.text === request.text)).toHaveLength(1)
  })

  it('finds a published post by its text within the window, and not before it', async () => {
    const context = contextFor('bappeda')
    const connector = createXConnector(context)
    const request = { idempotencyKey: 'k-find', text: 'Musrenbang kecamatan & kelurahan', media: [] }
    const post = await connector.publish(request)
    const since = new Date(Date.now() - 60_000)
    expect((await connector.findPublished(request, since))?.platformPostId).toBe(post.platformPostId)
    expect(await connector.findPublished({ ...request, text: 'Musrenbang kecamatan' }, since)).toBeNull()
    expect(await connector.findPublished(request, new Date(Date.now() + 60_000))).toBeNull()
  })

  it('pages mentions and replies by cursor, strips the @handles X puts before a reply, and pages a conversation', async () => {
    const context = contextFor('kominfo')
    const connector = new XConnector(context, { pageSize: 2 })
    const post = await connector.publish({ idempotencyKey: 'k-page', text: 'Tanya jawab layanan', media: [] })
    const texts = ['satu', 'dua', 'tiga', 'empat', 'lima']
    for (const text of texts) fake.reply(citizen, post.platformPostId, text)
    fake.add(citizen, `Halo ${context.account.handle} jam buka?`)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await connector.fetchInteractions(cursor)
      seen.push(...page.items.map((item) => `${item.kind}:${item.text}`))
      cursor = page.cursor
      pages += 1
    } while (cursor)
    // Three pages of two, then the sweep's end: nothing new since its newest id.
    expect(pages).toBe(4)
    expect(seen.sort()).toEqual(
      [...texts.map((text) => `reply:${text}`), `mention:Halo ${context.account.handle} jam buka?`].sort(),
    )
    const polled = (await connector.fetchInteractions(null)).cursor
    let last: string | null = polled
    while (last) {
      const page = await connector.fetchInteractions(last)
      if (!page.cursor) break
      last = page.cursor
    }
    fake.reply(citizen, post.platformPostId, 'enam')
    const fresh = await connector.fetchInteractions(last)
    expect(fresh.items.map((item) => item.text)).toEqual(['enam'])
    expect((await connector.fetchInteractions(fresh.cursor)).cursor).toBeNull()
    const conversation = await connector.fetchConversation(post.platformPostId, null)
    expect(conversation.items).toHaveLength(2)
    expect(conversation.items[0]).toMatchObject({
      kind: 'reply',
      rootExternalId: post.platformPostId,
      parentExternalId: post.platformPostId,
      author: { handle: 'warga_kota', displayName: 'Warga Kota' },
    })
    const rest = await connector.fetchConversation(post.platformPostId, conversation.cursor)
    expect(rest.items.map((item) => item.text)).not.toContain(conversation.items[0]!.text)
  })

  it('replies in the thread, hides a reply in its own conversation, refuses elsewhere and never deletes others', async () => {
    const context = contextFor('setda')
    const connector = createXConnector(context)
    const post = await connector.publish({ idempotencyKey: 'k-mod', text: 'Pengumuman CPNS', media: [] })
    const question = fake.reply(citizen, post.platformPostId, 'Kapan dibuka?')
    const answer = await connector.reply(
      { externalId: question.id, rootExternalId: post.platformPostId },
      'Senin depan.',
    )
    expect(fake.tweets.find((tweet) => tweet.id === answer.platformPostId)).toMatchObject({
      conversation_id: post.platformPostId,
      referenced_tweets: [{ type: 'replied_to', id: question.id }],
    })
    await connector.hideReply(question.id)
    expect(question.hidden).toBe(true)
    const elsewhere = fake.add(citizen, 'Posting warga')
    const other = fake.reply(fake.addUser('tetangga'), elsewhere.id, 'Komentar di tempat lain')
    const refused = await thrown(() => connector.hideReply(other.id))
    expect(isConnectorError(refused) && [refused.kind, refused.reason?.key]).toEqual([
      'rejected',
      'x.hide_not_own_conversation',
    ])
    const deleted = await thrown(() => connector.deleteReply(question.id))
    expect(isConnectorError(deleted) && deleted.kind).toBe('rejected')
  })

  it('reads public_metrics as likes, reposts, replies, quotes and impressions', async () => {
    const context = contextFor('dishub')
    const connector = createXConnector(context)
    const post = await connector.publish({
      idempotencyKey: 'k-metrics',
      text: 'Rekayasa lalu lintas',
      media: [],
    })
    fake.tweets.find((tweet) => tweet.id === post.platformPostId)!.likes = 4
    fake.reply(citizen, post.platformPostId, 'Siap')
    fake.add(citizen, 'Lihat ini', { referenced_tweets: [{ type: 'quoted', id: post.platformPostId }] })
    const metrics = await connector.fetchMetrics([post.platformPostId, '1'])
    expect(metrics.get(post.platformPostId)).toEqual({
      likes: 4,
      shares: 0,
      replies: 1,
      quotes: 1,
      views: 14,
    })
    expect(metrics.has('1')).toBe(false)
  })

  it('says auth_expired, before any request, when the account has no token', async () => {
    const connector = createXConnector({ ...contextFor('kosong'), credentials: {} })
    fake.calls.length = 0
    const error = await thrown(() => connector.verify())
    expect(isConnectorError(error) && [error.kind, error.reason?.key]).toEqual([
      'auth_expired',
      'x.credentials_missing',
    ])
    expect(fake.calls).toEqual([])
  })

  it('reads the timeline from X’s earliest start_time when asked to look back to the epoch', async () => {
    const connector = createXConnector(contextFor('arsip'))
    const request = { idempotencyKey: 'k-epoch', text: 'Arsip pengumuman lama', media: [] }
    const post = await connector.publish(request)
    expect((await connector.findPublished(request, new Date(0)))?.platformPostId).toBe(post.platformPostId)
  })

  it('deletes its own post', async () => {
    const connector = createXConnector(contextFor('disdik'))
    const post = await connector.publish({ idempotencyKey: 'k-del', text: 'Salah ketik', media: [] })
    await connector.deletePost(post.platformPostId)
    expect(fake.tweets.some((tweet) => tweet.id === post.platformPostId)).toBe(false)
  })
})
