// The contract every connector keeps, as a reusable vitest suite: run it from a platform's test with the
// platform's factory and a harness that knows how to get a connected account and how someone else comments.
//
//   connectorContract('sandbox', factory, harness)   // src/connectors/sandbox/sandbox-connector.int.test.ts
//
// It checks the publishing round trip (publish → findPublished → fetchInteractions pages → reply → metrics →
// deletePost), that the same idempotency key is recognised, and that what the capabilities say no to is
// `rejected` before anything is sent. It imports nothing from the app, like the connectors.
import { describe, expect, it } from 'vitest'
import {
  isConnectorError,
  type Connector,
  type ConnectorContext,
  type ConnectorFactory,
  type Interaction,
  type MediaItem,
  type PublishRequest,
} from './connector.ts'

export interface ConnectorContractHarness {
  /** A context for a freshly connected account on the platform (credentials that work). */
  connectedContext(): Promise<ConnectorContext>
  /** Someone other than the account comments on (or replies to) one of its posts. */
  commentOn(context: ConnectorContext, platformPostId: string, text: string): Promise<void>
  /** How long to wait for the platform to show new items (an eventually consistent network); default none. */
  settle?(): Promise<void>
}

let counter = 0
function uniqueText(label: string): string {
  counter += 1
  return `Uji kontrak ${label} ${Date.now().toString(36)}-${counter}: informasi layanan publik.`
}

function request(text: string, media: MediaItem[] = []): PublishRequest {
  return { idempotencyKey: `contract-${Date.now().toString(36)}-${(counter += 1)}`, text, media }
}

function image(altText: string): MediaItem {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47])
  return { kind: 'image', mimeType: 'image/png', read: () => Promise.resolve(bytes), byteLength: 4, altText }
}

async function expectRejected(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    expect(isConnectorError(error) && error.kind).toBe('rejected')
    return
  }
  expect.fail('expected the connector to throw rejected')
}

async function allInteractions(connector: Connector): Promise<Interaction[]> {
  const items: Interaction[] = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page++) {
    const result = await connector.fetchInteractions(cursor)
    items.push(...result.items)
    if (result.cursor === null) return items
    expect(result.cursor).not.toBe(cursor)
    cursor = result.cursor
  }
  expect.fail('fetchInteractions never ended its pages')
}

export function connectorContract(
  platform: string,
  factory: ConnectorFactory,
  harness: ConnectorContractHarness,
): void {
  const settle = () => harness.settle?.() ?? Promise.resolve()

  describe(`the ${platform} connector keeps the connector contract`, () => {
    it('verifies its credentials and names the account', async () => {
      const context = await harness.connectedContext()
      const connector = factory(context)
      expect(connector.platform).toBe(platform)
      const who = await connector.verify()
      expect(who.platformAccountId).not.toBe('')
      expect(who.handle).not.toBe('')
    })

    it('publishes, finds the post again by its request, pages its interactions, replies, counts and deletes', async () => {
      const context = await harness.connectedContext()
      const connector = factory(context)
      const since = new Date(context.now().getTime() - 60_000)
      const sent = request(uniqueText('round trip'))
      const post = await connector.publish(sent)
      expect(post.platformPostId).not.toBe('')
      expect(post.url).toMatch(/^https:\/\//)

      await settle()
      expect((await connector.findPublished(sent, since))?.platformPostId).toBe(post.platformPostId)
      expect(await connector.findPublished(request('never sent'), since)).toBeNull()

      const comments = ['Terima kasih infonya min', 'Lokasinya di mana ya?', 'Mantap, semoga lancar']
      for (const text of comments) await harness.commentOn(context, post.platformPostId, text)
      await settle()
      if (!connector.capabilities.readComments) {
        // A platform that gives no comments (TikTok): nothing to page, no reply, yet the comments are counted.
        expect((await connector.fetchInteractions(null)).items).toEqual([])
        await expectRejected(() =>
          connector.reply({ externalId: post.platformPostId, rootExternalId: null }, 'Ya.'),
        )
        if (connector.capabilities.metrics.includes('replies')) {
          const counted = (await connector.fetchMetrics([post.platformPostId])).get(post.platformPostId)
          expect(counted?.replies).toBeGreaterThanOrEqual(3)
        }
        if (connector.capabilities.deleteOwnPost) await connector.deletePost(post.platformPostId)
        else await expectRejected(() => connector.deletePost(post.platformPostId))
        return
      }
      const items = await allInteractions(connector)
      const ours = items.filter((item) => comments.includes(item.text))
      expect(ours.map((item) => item.text).sort()).toEqual([...comments].sort())
      expect(new Set(items.map((item) => item.externalId)).size).toBe(items.length)
      for (const item of ours) expect(item.rootExternalId ?? item.parentExternalId).toBe(post.platformPostId)

      const question = ours.find((item) => item.text === 'Lokasinya di mana ya?')!
      if (connector.capabilities.reply) {
        const answer = await connector.reply(
          { externalId: question.externalId, rootExternalId: question.rootExternalId },
          'Di kantor kelurahan terdekat, Kak.',
        )
        expect(answer.platformPostId).not.toBe('')
      } else {
        await expectRejected(() =>
          connector.reply({ externalId: question.externalId, rootExternalId: null }, 'Terima kasih.'),
        )
      }

      await settle()
      const metrics = await connector.fetchMetrics([post.platformPostId])
      const counted = metrics.get(post.platformPostId)
      expect(counted).toBeDefined()
      for (const key of connector.capabilities.metrics) expect(typeof counted![key]).toBe('number')
      if (connector.capabilities.metrics.includes('replies'))
        expect(counted!.replies).toBeGreaterThanOrEqual(3)

      if (connector.capabilities.deleteOwnPost) {
        await connector.deletePost(post.platformPostId)
        await settle()
        expect(await connector.findPublished(sent, since)).toBeNull()
      } else {
        await expectRejected(() => connector.deletePost(post.platformPostId))
      }
    })

    it('answers the same post for a repeated idempotency key, or finds the first one, never two', async () => {
      const context = await harness.connectedContext()
      const connector = factory(context)
      const since = new Date(context.now().getTime() - 60_000)
      const sent = request(uniqueText('idempotent'))
      const first = await connector.publish(sent)
      await settle()
      const found = await connector.findPublished(sent, since)
      expect(found?.platformPostId).toBe(first.platformPostId)
    })

    it('hides and deletes replies by others only when its capabilities say so', async () => {
      const context = await harness.connectedContext()
      const connector = factory(context)
      if (!connector.capabilities.readComments) {
        // Nothing of others' can be read, so nothing can be hidden or deleted: both refused before sending.
        expect(connector.capabilities.hideReply || connector.capabilities.deleteReply).toBe(false)
        await expectRejected(() => connector.hideReply('not-readable'))
        await expectRejected(() => connector.deleteReply('not-readable'))
        return
      }
      const post = await connector.publish(request(uniqueText('moderation')))
      // Citizens reply to what they can see: on an eventually consistent network (Bluesky's AppView indexes each
      // repository on its own) a reply indexed before its parent post notifies nobody.
      await settle()
      await harness.commentOn(context, post.platformPostId, 'Komentar untuk disembunyikan')
      await harness.commentOn(context, post.platformPostId, 'Komentar untuk dihapus')
      await settle()
      const items = await allInteractions(connector)
      expect(items.map((item) => item.text)).toEqual(
        expect.arrayContaining(['Komentar untuk disembunyikan', 'Komentar untuk dihapus']),
      )
      const toHide = items.find((item) => item.text === 'Komentar untuk disembunyikan')!
      const toDelete = items.find((item) => item.text === 'Komentar untuk dihapus')!
      if (connector.capabilities.hideReply) await connector.hideReply(toHide.externalId)
      else await expectRejected(() => connector.hideReply(toHide.externalId))
      if (connector.capabilities.deleteReply) {
        await connector.deleteReply(toDelete.externalId)
        await settle()
        const after = await allInteractions(connector)
        expect(after.some((item) => item.externalId === toDelete.externalId)).toBe(false)
      } else {
        await expectRejected(() => connector.deleteReply(toDelete.externalId))
      }
    })

    it('rejects before sending what its capabilities say no to: too long, too many images, video, no alt text', async () => {
      const context = await harness.connectedContext()
      const connector = factory(context)
      const { capabilities } = connector
      await expectRejected(() => connector.publish(request('a'.repeat(capabilities.maxTextLength + 1))))
      const images = Array.from({ length: capabilities.maxImages + 1 }, () => image('Poster layanan'))
      await expectRejected(() => connector.publish(request(uniqueText('images'), images)))
      if (!capabilities.video) {
        const video: MediaItem = { ...image('Video'), kind: 'video', mimeType: 'video/mp4' }
        await expectRejected(() => connector.publish(request(uniqueText('video'), [video])))
      }
      if (capabilities.altText && capabilities.maxImages > 0)
        await expectRejected(() => connector.publish(request(uniqueText('alt'), [image('')])))
    })
  })
}
