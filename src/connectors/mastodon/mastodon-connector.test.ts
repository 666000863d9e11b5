// The Mastodon connector through the real client (`masto`) against a stateful fake instance behind msw, where
// every request the fake does not serve fails the test (onUnhandledFrame: 'error'). The fixtures follow the
// documented entities (fixtures/entities.ts names each page).
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectorContract } from '../connector-contract.ts'
import { isConnectorError, type ConnectorContext, type MediaItem } from '../connector.ts'
import { capabilitiesOf, hasConnector } from '../registry.ts'
import { INSTANCE } from './fixtures/entities.ts'
import { FakeInstance, TOKEN } from './fixtures/fake-instance.ts'
import { createMastodonConnectorFactory, MASTODON_CAPABILITIES } from './mastodon-connector.ts'

const fake = new FakeInstance()
const server = setupServer(...fake.handlers())
const factory = createMastodonConnectorFactory({ mediaPollIntervalMs: 0, mediaPollAttempts: 5 })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function contextFor(credentials: Record<string, string> = { instanceUrl: INSTANCE, accessToken: TOKEN }) {
  const context: ConnectorContext = {
    account: { handle: 'humas@social.example.go.id', platformAccountId: null },
    credentials,
    saveCredentials: () => Promise.resolve(),
    now: () => fake.now(),
  }
  return context
}

function media(
  kind: 'image' | 'video',
  altText: string,
  mimeType = kind === 'image' ? 'image/png' : 'video/mp4',
) {
  const bytes = new Uint8Array([1, 2, 3, 4])
  const item: MediaItem = { kind, mimeType, read: () => Promise.resolve(bytes), byteLength: 4, altText }
  return item
}

async function kindOf(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    if (isConnectorError(error)) return { kind: error.kind, key: error.reason?.key }
    throw error
  }
  return expect.fail('expected a ConnectorError')
}

connectorContract('mastodon', factory, {
  connectedContext: () => {
    fake.reset()
    return Promise.resolve(contextFor())
  },
  commentOn: (_context, platformPostId, text) => {
    fake.commentAs(fake.citizens[0]!, text, platformPostId)
    return Promise.resolve()
  },
})

describe('the Mastodon connector', () => {
  beforeEach(() => fake.reset())

  it('is registered with capabilities that refuse hiding and deleting replies', () => {
    expect(hasConnector('mastodon')).toBe(true)
    expect(capabilitiesOf('mastodon')).toEqual(MASTODON_CAPABILITIES)
    expect(MASTODON_CAPABILITIES.hideReply).toBe(false)
    expect(MASTODON_CAPABILITIES.deleteReply).toBe(false)
  })

  it('names the account with its instance, and says when the credentials are missing', async () => {
    expect(await factory(contextFor()).verify()).toEqual({
      platformAccountId: fake.me.id,
      handle: 'humas@social.example.go.id',
      displayName: 'Humas Kota Contoh',
    })
    expect(await kindOf(() => factory(contextFor({ instanceUrl: INSTANCE })).verify())).toEqual({
      kind: 'auth_expired',
      key: 'mastodon.credentials_missing',
    })
    expect(
      await kindOf(() => factory(contextFor({ instanceUrl: 'http://x.example', accessToken: 't' })).verify()),
    ).toEqual({
      kind: 'auth_expired',
      key: 'mastodon.credentials_missing',
    })
  })

  it('publishes text with the request key as Idempotency-Key, and a repeat answers the same status', async () => {
    const connector = factory(contextFor())
    const request = { idempotencyKey: 'post-1:account-1', text: 'Layanan KTP buka Sabtu ini.', media: [] }
    const first = await connector.publish(request)
    const again = await connector.publish(request)
    expect(again.platformPostId).toBe(first.platformPostId)
    expect(first.url).toBe(`${INSTANCE}/@humas/${first.platformPostId}`)
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses')
    expect(posts.map((r) => r.idempotencyKey)).toEqual(['post-1:account-1', 'post-1:account-1'])
    expect(fake.statuses.size).toBe(1)
  })

  it('counts every link as 23 characters and refuses over 500 before sending', async () => {
    const connector = factory(contextFor())
    const link = `https://pemda.example.go.id/${'berita/'.repeat(20)}layanan`
    const fits = `${'a'.repeat(470)} ${link}` // 470 + 1 + 23 = 494 as Mastodon counts, far more in code points
    await connector.publish({ idempotencyKey: 'k-link', text: fits, media: [] })
    const before = fake.requests.length
    expect(
      await kindOf(() => connector.publish({ idempotencyKey: 'k-long', text: 'b'.repeat(501), media: [] })),
    ).toEqual({
      kind: 'rejected',
      key: 'mastodon.text_too_long',
    })
    expect(fake.requests.length).toBe(before)
  })

  it('uploads images with alt text, waits through 202 and 206 until processed, then attaches them', async () => {
    fake.processingPolls = 2
    const connector = factory(contextFor())
    const post = await connector.publish({
      idempotencyKey: 'k-images',
      text: 'Jadwal vaksinasi minggu ini.',
      media: [media('image', 'Poster jadwal vaksinasi'), media('image', 'Peta lokasi puskesmas')],
    })
    const status = fake.statuses.get(post.platformPostId)!
    expect(status.media_attachments.map((m) => m.description)).toEqual([
      'Poster jadwal vaksinasi',
      'Peta lokasi puskesmas',
    ])
    expect(status.media_attachments.every((m) => m.url !== null)).toBe(true)
    const polls = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/media/'))
    expect(polls).toHaveLength(4) // two looks per image: 206 (processing), then 200 with its url
  })

  it('publishes one video, and refuses a video with images or two videos before sending', async () => {
    const connector = factory(contextFor())
    const post = await connector.publish({
      idempotencyKey: 'k-video',
      text: 'Video sosialisasi.',
      media: [media('video', '')],
    })
    expect(fake.statuses.get(post.platformPostId)!.media_attachments[0]!.type).toBe('video')
    const before = fake.requests.length
    for (const mixed of [
      [media('video', ''), media('image', 'Poster')],
      [media('video', ''), media('video', '')],
    ])
      expect(
        await kindOf(() => connector.publish({ idempotencyKey: 'k-mix', text: 'x', media: mixed })),
      ).toEqual({
        kind: 'rejected',
        key: 'mastodon.media_mixed',
      })
    expect(fake.requests.length).toBe(before)
  })

  it('gives up on media the instance never finishes as unavailable, posting nothing', async () => {
    fake.processingPolls = 100
    const connector = factory(contextFor())
    expect(
      await kindOf(() =>
        connector.publish({ idempotencyKey: 'k-slow', text: 'x', media: [media('video', '')] }),
      ),
    ).toEqual({ kind: 'unavailable', key: 'mastodon.media_processing' })
    expect(fake.statuses.size).toBe(0)
  })

  it('pages mention notifications back through next Links, then forward from its cursor through prev Links', async () => {
    const connector = factory(contextFor())
    const post = await connector.publish({ idempotencyKey: 'k-page', text: 'Pengumuman.', media: [] })
    for (let i = 1; i <= 45; i += 1)
      fake.commentAs(fake.citizens[i % 2]!, `Komentar ${i}`, post.platformPostId)
    const first = await connector.fetchInteractions(null)
    expect(first.items.map((item) => item.text)).toEqual(
      Array.from({ length: 45 }, (_, i) => `Komentar ${i + 1}`),
    )
    expect(first.items[0]).toMatchObject({
      kind: 'reply',
      author: { handle: 'sari@mastodon.social', displayName: 'Sari' },
      parentExternalId: post.platformPostId,
    })
    const reads = fake.requests.filter((r) => r.path === '/api/v1/notifications')
    expect(reads[0]!.search).toContain('types[]=mention')
    expect(reads[1]!.search).toContain('max_id=') // followed the next Link
    expect(first.cursor).toBe(fake.notifications.at(-1)!.id)

    expect(await connector.fetchInteractions(first.cursor)).toEqual({ items: [], cursor: null })

    for (let i = 46; i <= 90; i += 1) fake.commentAs(fake.citizens[0]!, `Komentar ${i}`, post.platformPostId)
    fake.commentAs(fake.citizens[1]!, 'Mohon info kontak dinas', null, 'direct')
    fake.requests = []
    const second = await connector.fetchInteractions(first.cursor)
    expect(second.items.map((item) => item.text)).toEqual([
      ...Array.from({ length: 45 }, (_, i) => `Komentar ${i + 46}`),
      'Mohon info kontak dinas',
    ])
    expect(second.items.at(-1)).toMatchObject({ kind: 'direct_message', parentExternalId: null })
    const forward = fake.requests.filter((r) => r.path === '/api/v1/notifications')
    expect(forward[0]!.search).toContain(`min_id=${first.cursor}`)
    expect(forward[1]!.search).toMatch(/min_id=\d+/) // followed the prev Link
    expect(forward[1]!.search).not.toContain(`min_id=${first.cursor}`)
    expect(second.cursor).toBe(fake.notifications.at(-1)!.id)
  })

  it('replies in the parent’s visibility, mentioning its author, with one status per repeated answer', async () => {
    const connector = factory(contextFor())
    const question = fake.commentAs(fake.citizens[1]!, 'Kapan pendaftaran dibuka?', null, 'direct')
    const answer = await connector.reply(
      { externalId: question.id, rootExternalId: null },
      'Senin depan, Kak.',
    )
    const status = fake.statuses.get(answer.platformPostId)!
    expect(status.in_reply_to_id).toBe(question.id)
    expect(status.visibility).toBe('direct')
    expect(status.content).toContain('@sari@mastodon.social Senin depan, Kak.')
    const again = await connector.reply(
      { externalId: question.id, rootExternalId: null },
      'Senin depan, Kak.',
    )
    expect(again.platformPostId).toBe(answer.platformPostId)
    expect(await kindOf(() => connector.reply({ externalId: '1', rootExternalId: null }, 'Halo'))).toEqual({
      kind: 'rejected',
      key: 'mastodon.status_not_found',
    })
  })

  it('sends the inbox reply’s id as Idempotency-Key, so a retry of the same reply is the same status', async () => {
    const connector = factory(contextFor())
    const question = fake.commentAs(fake.citizens[1]!, 'Apakah loket buka?', null, 'public')
    const to = { externalId: question.id, rootExternalId: null }
    const first = await connector.reply(to, 'Buka pukul 08.00.', { idempotencyKey: 'reply-7' })
    const retried = await connector.reply(to, 'Buka pukul 08.00.', { idempotencyKey: 'reply-7' })
    expect(retried.platformPostId).toBe(first.platformPostId)
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses')
    expect(posts.map((r) => r.idempotencyKey)).toEqual(['reply-7', 'reply-7'])
  })

  it('refuses to hide or delete replies by others without asking the instance', async () => {
    const connector = factory(contextFor())
    const comment = fake.commentAs(fake.citizens[0]!, 'Spam', null)
    for (const action of [() => connector.hideReply(comment.id), () => connector.deleteReply(comment.id)])
      expect(await kindOf(action)).toEqual({ kind: 'rejected', key: 'mastodon.moderation_unsupported' })
    expect(fake.requests).toEqual([])
    expect(fake.statuses.has(comment.id)).toBe(true)
  })

  it('deletes its own status, and a repeated delete is harmless', async () => {
    const connector = factory(contextFor())
    const post = await connector.publish({ idempotencyKey: 'k-del', text: 'Salah ketik.', media: [] })
    await connector.deletePost(post.platformPostId)
    await connector.deletePost(post.platformPostId)
    expect(fake.statuses.has(post.platformPostId)).toBe(false)
  })

  it('reads favourites, reblogs and replies as likes, shares and replies, leaving out a deleted status', async () => {
    const connector = factory(contextFor())
    const post = await connector.publish({ idempotencyKey: 'k-metrics', text: 'Capaian program.', media: [] })
    Object.assign(fake.statuses.get(post.platformPostId)!, { favourites_count: 12, reblogs_count: 5 })
    fake.commentAs(fake.citizens[0]!, 'Mantap', post.platformPostId)
    const metrics = await connector.fetchMetrics([post.platformPostId, '999'])
    expect([...metrics]).toEqual([
      [post.platformPostId, { likes: 12, shares: 5, replies: 1, quotes: null, views: null }],
    ])
  })

  it('finds a published status by its text as the instance renders it, within the time since', async () => {
    const connector = factory(contextFor())
    const since = fake.now()
    const text =
      'Info lengkap: https://pemda.example.go.id/berita/2026/12/layanan-akhir-pekan-dibuka cc @sari@mastodon.social'
    const request = { idempotencyKey: 'k-find', text, media: [] }
    const post = await connector.publish(request)
    for (let i = 0; i < 50; i += 1)
      await connector.publish({ idempotencyKey: `k-other-${i}`, text: `Kabar ${i}`, media: [] })
    expect((await connector.findPublished(request, since))?.platformPostId).toBe(post.platformPostId)
    expect(await connector.findPublished({ ...request, text: 'Tidak pernah dikirim' }, since)).toBeNull()
    expect(await connector.findPublished({ ...request, media: [media('image', 'x')] }, since)).toBeNull()
    expect(await connector.findPublished(request, new Date(fake.now().getTime() + 60 * 60_000))).toBeNull()
  })

  it('fails any request the fake does not serve', async () => {
    const elsewhere = factory(contextFor({ instanceUrl: 'https://unserved.example', accessToken: TOKEN }))
    expect(await kindOf(() => elsewhere.verify())).toEqual({
      kind: 'unavailable',
      key: 'mastodon.unavailable',
    })
  })
})
