// The Bluesky connector end to end against a real local AT Protocol network (PLC, PDS, AppView from
// @atproto/dev-env, in a sidecar process: tests/support/bluesky-network.ts). One network for the whole file; the
// tests run in order and build on each other's posts, as an account's day would.
import { AtpAgent, RichText } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  blueskyContractHarness,
  startBlueskyNetwork,
  type BlueskyNetwork,
} from '../../../tests/support/bluesky-network.ts'
import { connectorContract } from '../connector-contract.ts'
import { ConnectorError, type ConnectorCredentials, type PublishRequest } from '../connector.ts'
import { BlueskyConnector, createBlueskyConnector } from './bluesky-connector.ts'
import { tokenExpiry } from './bluesky-session.ts'

// A 1×1 PNG: enough for uploadBlob and the images embed.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

let network: BlueskyNetwork
let citizen: AtpAgent
let agencyDid: string
/** What the app would hold for the account: the connector's saveCredentials writes here. */
let stored: ConnectorCredentials
const saves: ConnectorCredentials[] = []

/** Only the local network may be called: a request anywhere else fails the test loudly. */
const localOnly: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')
    return Promise.reject(new Error(`unexpected request to ${url.href}`))
  return fetch(input, init)
}

function connector(now: () => Date = () => new Date()): BlueskyConnector {
  return new BlueskyConnector({
    account: { handle: 'dinkes.test', platformAccountId: agencyDid ?? null },
    credentials: stored,
    saveCredentials: async (credentials) => {
      saves.push(credentials)
      stored = credentials
    },
    now,
    fetch: localOnly,
  })
}

function request(key: string, text: string, media: PublishRequest['media'] = []): PublishRequest {
  return { idempotencyKey: key, text, media }
}

async function citizenPost(
  text: string,
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } },
) {
  const rich = new RichText({ text })
  await rich.detectFacets(citizen)
  return citizen.post({ text: rich.text, facets: rich.facets, ...(reply ? { reply } : {}) })
}

async function postView(uri: string) {
  const { data } = await citizen.app.bsky.feed.getPosts({ uris: [uri] })
  return data.posts[0]
}

beforeAll(async () => {
  network = await startBlueskyNetwork()
  const agency = new AtpAgent({ service: network.pdsUrl })
  await agency.createAccount({
    handle: 'dinkes.test',
    email: 'humas@dinkes.test',
    password: 'agency-main-password',
  })
  agencyDid = agency.assertDid
  const appPassword = await agency.com.atproto.server.createAppPassword({ name: 'warta' })
  stored = { service: network.pdsUrl, appPassword: appPassword.data.password }
  citizen = new AtpAgent({ service: network.pdsUrl })
  await citizen.createAccount({
    handle: 'warga.test',
    email: 'warga@warga.test',
    password: 'citizen-password',
  })
})

afterAll(async () => {
  await network?.close()
})

describe('the Bluesky connector on a local AT Protocol network', () => {
  let announcement: { uri: string; cid: string }
  let citizenReply: { uri: string; cid: string }

  it('connects with a handle and an app password, then keeps the session tokens instead of the password', async () => {
    const account = await connector().verify()
    expect(account).toEqual({ platformAccountId: agencyDid, handle: 'dinkes.test', displayName: null })
    expect(saves).toHaveLength(1)
    expect(Object.keys(saves[0]!).sort()).toEqual(['accessJwt', 'did', 'handle', 'refreshJwt', 'service'])
    expect(saves[0]!.did).toBe(agencyDid)
  })

  it('publishes a text post with its mentions and links as facets', async () => {
    const published = await connector().publish(
      request(
        'post-1:account-1',
        'Jadwal vaksinasi Senin pukul 08.00, info https://dinkes.test/vaksin @warga.test',
      ),
    )
    expect(published.platformPostId).toMatch(new RegExp(`^at://${agencyDid}/app.bsky.feed.post/`))
    expect(published.url).toBe(
      `https://bsky.app/profile/${agencyDid}/post/${published.platformPostId.split('/').pop()}`,
    )
    await network.processAll()
    const view = await postView(published.platformPostId)
    expect(view?.record).toMatchObject({ text: expect.stringContaining('Jadwal vaksinasi') })
    const features = (view?.record as { facets: { features: { $type: string }[] }[] }).facets.flatMap((f) =>
      f.features.map((feature) => feature.$type),
    )
    expect(features.sort()).toEqual(['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention'])
    announcement = { uri: view!.uri, cid: view!.cid }
  })

  it('publishes an image with its alt text', async () => {
    const published = await connector().publish(
      request('post-2:account-1', 'Infografis jadwal posyandu', [
        {
          kind: 'image',
          mimeType: 'image/png',
          byteLength: PIXEL_PNG.byteLength,
          read: async () => new Uint8Array(PIXEL_PNG),
          altText: 'Tabel jadwal posyandu per kelurahan',
        },
      ]),
    )
    await network.processAll()
    const view = await postView(published.platformPostId)
    expect(view?.embed?.$type).toBe('app.bsky.embed.images#view')
    expect((view?.embed as { images: { alt: string }[] }).images.map((image) => image.alt)).toEqual([
      'Tabel jadwal posyandu per kelurahan',
    ])
  })

  it('publishes once for one idempotency key, and finds that post again by the key alone', async () => {
    const first = await connector().publish(request('post-3:account-1', 'Pengumuman libur pelayanan'))
    const second = await connector().publish(request('post-3:account-1', 'Pengumuman libur pelayanan'))
    expect(second.platformPostId).toBe(first.platformPostId)
    const { data } = await citizen.com.atproto.repo.listRecords({
      repo: agencyDid,
      collection: 'app.bsky.feed.post',
      limit: 100,
    })
    expect(data.records.filter((record) => record.uri === first.platformPostId)).toHaveLength(1)
    expect(data.records).toHaveLength(3)

    const found = await connector().findPublished(
      request('post-3:account-1', 'Pengumuman libur pelayanan'),
      new Date(0),
    )
    expect(found?.platformPostId).toBe(first.platformPostId)
    expect(
      await connector().findPublished(request('post-4:account-1', 'Belum pernah terbit'), new Date(0)),
    ).toBeNull()
  })

  it('reads citizens’ replies and mentions through fetchInteractions, and the cursor returns only what is new', async () => {
    const plainReply = await citizenPost('Apakah di puskesmas Candi juga?', {
      root: announcement,
      parent: announcement,
    })
    citizenReply = { uri: plainReply.uri, cid: plainReply.cid }
    await citizenPost('@dinkes.test kapan vaksin untuk lansia?')
    await citizenPost('@dinkes.test mohon info lokasinya', { root: announcement, parent: announcement })
    await network.processAll()

    const first = await connector().fetchInteractions(null)
    expect(first.items.map((item) => [item.kind, item.text])).toEqual([
      ['reply', 'Apakah di puskesmas Candi juga?'],
      ['mention', '@dinkes.test kapan vaksin untuk lansia?'],
      // A reply that also mentions the account arrives as a mention (platforms.md §7.1), still inbound.
      ['mention', '@dinkes.test mohon info lokasinya'],
    ])
    expect(first.items[0]).toMatchObject({
      externalId: plainReply.uri,
      author: { handle: 'warga.test', displayName: null },
      parentExternalId: announcement.uri,
      rootExternalId: announcement.uri,
    })
    expect(first.items[1]).toMatchObject({ parentExternalId: null, rootExternalId: null })
    expect(first.cursor).not.toBeNull()

    const nothingNew = await connector().fetchInteractions(first.cursor)
    expect(nothingNew).toEqual({ items: [], cursor: null })

    await citizenPost('Terima kasih infonya', { root: announcement, parent: plainReply })
    await network.processAll()
    const next = await connector().fetchInteractions(first.cursor)
    expect(next.items.map((item) => [item.kind, item.text, item.parentExternalId])).toEqual([
      ['reply', 'Terima kasih infonya', plainReply.uri],
    ])
  })

  let agencyReplyUri: string
  it('answers a citizen inside the thread, with strong references to the root and the parent', async () => {
    const answer = await connector().reply(
      { externalId: citizenReply.uri, rootExternalId: announcement.uri },
      'Ya, di Puskesmas Candi mulai pukul 08.00.',
    )
    agencyReplyUri = answer.platformPostId
    await network.processAll()
    const view = await postView(answer.platformPostId)
    expect((view?.record as { reply: unknown }).reply).toEqual({ root: announcement, parent: citizenReply })
    const { data } = await citizen.listNotifications()
    expect(data.notifications.filter((n) => n.uri === answer.platformPostId).map((n) => n.reason)).toEqual([
      'reply',
    ])
  })

  it('answers once for one reply id, and finds that reply again by the id alone', async () => {
    const to = { externalId: citizenReply.uri, rootExternalId: announcement.uri }
    const replyId = '5b0e7c3a-8f1d-4a55-9a4e-2f6c1d0b9e77'
    const request = { idempotencyKey: replyId, text: 'Kami cek jadwalnya dulu, Kak.' }
    expect(await connector().findReply(to, request, new Date(0))).toBeNull()
    const first = await connector().reply(to, request.text, { idempotencyKey: replyId })
    // The process died after the platform took it: the same reply again answers the same post, never a second.
    const again = await connector().reply(to, request.text, { idempotencyKey: replyId })
    expect(again.platformPostId).toBe(first.platformPostId)
    expect((await connector().findReply(to, request, new Date(0)))?.platformPostId).toBe(first.platformPostId)
    await network.processAll()
    const thread = await citizen.getPostThread({ uri: citizenReply.uri })
    const replies =
      (thread.data.thread as { replies?: { post: { record: { text?: string } } }[] }).replies ?? []
    expect(replies.filter((reply) => reply.post.record.text === request.text)).toHaveLength(1)
  })

  it('hides a citizen’s reply with the thread’s threadgate, and says deleting it is not possible', async () => {
    await connector().hideReply(citizenReply.uri)
    await connector().hideReply(citizenReply.uri) // hiding twice changes nothing
    await network.processAll()
    const gate = await citizen.com.atproto.repo.getRecord({
      repo: agencyDid,
      collection: 'app.bsky.feed.threadgate',
      rkey: announcement.uri.split('/').pop()!,
    })
    expect(gate.data.value).toMatchObject({ post: announcement.uri, hiddenReplies: [citizenReply.uri] })
    const thread = await citizen.getPostThread({ uri: announcement.uri })
    expect(thread.data.thread).toMatchObject({
      post: { threadgate: { record: { hiddenReplies: [citizenReply.uri] } } },
    })

    const refusal = await connector()
      .deleteReply(citizenReply.uri)
      .catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ConnectorError)
    expect(refusal).toMatchObject({ kind: 'rejected', reason: { key: 'bluesky.delete_reply_unsupported' } })
  })

  it('reads likes, reposts, replies and quotes as metrics (Bluesky has no view counts)', async () => {
    await citizen.like(announcement.uri, announcement.cid)
    await citizen.repost(announcement.uri, announcement.cid)
    await citizen.post({
      text: 'Bagikan ke tetangga',
      embed: { $type: 'app.bsky.embed.record', record: announcement },
    })
    await network.processAll()
    const metrics = await connector().fetchMetrics([announcement.uri])
    expect(metrics.get(announcement.uri)).toEqual({ likes: 1, shares: 1, replies: 2, quotes: 1, views: null })
  })

  it('deletes its own reply, and the post is gone', async () => {
    await connector().deletePost(agencyReplyUri)
    await network.processAll()
    expect(await postView(agencyReplyUri)).toBeUndefined()
    expect((await connector().fetchMetrics([agencyReplyUri])).size).toBe(0)
  })

  it('refreshes the session when the access token runs out and hands the new tokens to the app', async () => {
    const before = stored
    const savesBefore = saves.length
    const twoHoursLater = new Date(tokenExpiry(before.accessJwt!)!.getTime() + 60_000)
    const account = await connector(() => twoHoursLater).verify()
    expect(account.platformAccountId).toBe(agencyDid)
    // The test's clock runs two hours ahead of the PDS's, so the fresh token (120 min from the PDS's now) also
    // looks close to its end on the second call of verify(): one or two refreshes, each one saved.
    expect(saves.length).toBeGreaterThan(savesBefore)
    expect(stored.accessJwt).not.toBe(before.accessJwt)
    expect(stored.refreshJwt).not.toBe(before.refreshJwt)
    // The next job starts from what the app stored, on the PDS's own time: no refresh, no new login.
    const savesAfter = saves.length
    await connector().verify()
    expect(saves).toHaveLength(savesAfter)
  })

  it('answers auth_expired once the app password is revoked and the session cannot be refreshed', async () => {
    const owner = new AtpAgent({ service: network.pdsUrl })
    await owner.login({ identifier: 'dinkes.test', password: 'agency-main-password' })
    await owner.com.atproto.server.revokeAppPassword({ name: 'warta' })
    const later = new Date(tokenExpiry(stored.accessJwt!)!.getTime() + 60_000)
    const failure = await connector(() => later)
      .verify()
      .catch((error: unknown) => error)
    expect(failure).toMatchObject({ kind: 'auth_expired', reason: { key: 'bluesky.session_expired' } })
  })
})

// The same contract every connector passes unchanged (src/connectors/connector-contract.ts), on the same network.
connectorContract(
  'bluesky',
  createBlueskyConnector,
  blueskyContractHarness(() => network),
)
