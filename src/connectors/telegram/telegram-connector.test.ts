// The Telegram connector through its real client (grammy) against a stateful fake of the Bot API behind msw
// (telegram-fake.ts; every answer shaped as core.telegram.org/bots/api documents it). Any request the fake does not
// serve fails the test (`onUnhandledFrame: 'error'`, msw 3's name for it). The emulator (telegram-test-api) models no channels, photos
// or discussion groups (platforms.md §9), so the contract suite runs here; telegram-emulator.int.test.ts drives the
// update / reply / delete plumbing against the emulator.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectorContract } from '../connector-contract.ts'
import { ConnectorError, type ConnectorContext, type MediaItem } from '../connector.ts'
import { createTelegramConnector, TelegramConnector } from './telegram-connector.ts'
import { CHANNEL, CITIZEN, FAKE_TOKEN, GROUP, TelegramFake } from './telegram-fake.ts'

const server = setupServer()
// msw answers an unhandled request with a network error, which a connector would turn into a ConnectorError:
// each one is also recorded here and fails the test.
const unhandled: string[] = []
server.events.on('request:unhandled', (event) => {
  unhandled.push(`${event.request.method} ${event.request.url}`)
})
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  server.resetHandlers()
  expect(unhandled.splice(0)).toEqual([])
})
afterAll(() => server.close())

let fake: TelegramFake

function context(platformAccountId: string | null = String(CHANNEL.id)): ConnectorContext {
  return {
    account: { handle: '@dinkeskota', platformAccountId },
    credentials: { botToken: FAKE_TOKEN, channel: '@dinkeskota' },
    saveCredentials: () => Promise.resolve(),
    now: () => new Date(),
  }
}

function fresh(): TelegramFake {
  fake = new TelegramFake()
  server.use(fake.handler())
  return fake
}

function file(kind: 'image' | 'video', bytes = 4): MediaItem {
  const data = new Uint8Array(bytes).fill(7)
  return {
    kind,
    mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    read: () => Promise.resolve(data),
    byteLength: bytes,
    altText: '',
  }
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected a ConnectorError')
}

connectorContract('telegram', createTelegramConnector, {
  connectedContext: () => {
    fresh()
    return Promise.resolve(context())
  },
  commentOn: (_context, platformPostId, text) => {
    const id = Number(platformPostId.split(':')[1]!.split(',')[0])
    fake.comment(id, text)
    return Promise.resolve()
  },
})

describe('the Telegram connector', () => {
  it('verifies the token and that the bot is an admin who posts in the channel', async () => {
    fresh()
    const who = await new TelegramConnector(context(null)).verify()
    expect(who).toEqual({
      platformAccountId: String(CHANNEL.id),
      handle: '@dinkeskota',
      displayName: CHANNEL.title,
    })
    expect(fake.calls.map((call) => call.method)).toEqual(['getMe', 'getChat', 'getChatMember'])
    expect(fake.calls[1]!.params.chat_id).toBe('@dinkeskota')

    fresh().botStatus = 'member'
    const refused = await failure(new TelegramConnector(context(null)).verify())
    expect(refused.kind).toBe('rejected')
    expect(refused.reason?.key).toBe('telegram.bot_not_admin')
  })

  it('posts text as plain text with sendMessage and links to it on t.me', async () => {
    fresh()
    const post = await createTelegramConnector(context()).publish({
      idempotencyKey: 'p1:a1',
      text: 'Vaksinasi *gratis* Senin_depan.',
      media: [],
    })
    expect(post.platformPostId).toBe(`${CHANNEL.id}:101`)
    expect(post.url).toBe('https://t.me/dinkeskota/101')
    const send = fake.calls.find((call) => call.method === 'sendMessage')!
    expect(send.params).toEqual({ chat_id: CHANNEL.id, text: 'Vaksinasi *gratis* Senin_depan.' })
  })

  it('posts one photo with sendPhoto and the text as its caption, uploaded as a file', async () => {
    fresh()
    const post = await createTelegramConnector(context()).publish({
      idempotencyKey: 'p2:a1',
      text: 'Poster jadwal posyandu',
      media: [file('image', 10)],
    })
    const call = fake.calls.find((item) => item.method === 'sendPhoto')!
    expect(call.params.caption).toBe('Poster jadwal posyandu')
    expect(call.params.photo).toMatch(/^attach:\/\//)
    expect(call.files).toEqual([expect.objectContaining({ name: 'media-1.jpeg', size: 10 })])
    expect(fake.messages.get(CHANNEL.id)!.get(101)!.caption).toBe('Poster jadwal posyandu')
    expect(post.platformPostId).toBe(`${CHANNEL.id}:101`)
  })

  it('posts one video with sendVideo, streamable', async () => {
    fresh()
    await createTelegramConnector(context()).publish({
      idempotencyKey: 'p3',
      text: 'Video',
      media: [file('video')],
    })
    const call = fake.calls.find((item) => item.method === 'sendVideo')!
    expect(call.params).toMatchObject({ caption: 'Video', supports_streaming: 'true' })
    expect(call.files[0]).toMatchObject({ name: 'media-1.mp4' })
  })

  it('posts several photos and a video as one album with the caption on the first item, and deletes all of it', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    const post = await connector.publish({
      idempotencyKey: 'p4',
      text: 'Album kegiatan',
      media: [file('image'), file('image'), file('video')],
    })
    const call = fake.calls.find((item) => item.method === 'sendMediaGroup')!
    expect(call.params.media).toEqual([
      { type: 'photo', media: expect.stringMatching(/^attach:\/\//), caption: 'Album kegiatan' },
      { type: 'photo', media: expect.stringMatching(/^attach:\/\//) },
      { type: 'video', media: expect.stringMatching(/^attach:\/\//), supports_streaming: true },
    ])
    expect(call.files).toHaveLength(3)
    expect(post.platformPostId).toBe(`${CHANNEL.id}:101,102,103`)
    expect(
      await connector.findPublished({ idempotencyKey: 'p4', text: 'Album kegiatan', media: [] }, new Date(0)),
    ).toMatchObject({
      platformPostId: `${CHANNEL.id}:101,102,103`,
    })
    await connector.deletePost(post.platformPostId)
    expect(fake.calls.at(-1)).toMatchObject({
      method: 'deleteMessages',
      params: { message_ids: [101, 102, 103] },
    })
    expect(fake.messages.get(CHANNEL.id)!.size).toBe(0)
  })

  it('refuses a caption over 1 024 characters before sending, and has no alt text, hide or metrics', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    const refused = await failure(
      connector.publish({ idempotencyKey: 'p5', text: 'a'.repeat(1025), media: [file('image')] }),
    )
    expect(refused.reason).toEqual({
      key: 'telegram.caption_too_long',
      params: { maximum: 1024, length: 1025 },
    })
    expect((await failure(connector.hideReply('x'))).kind).toBe('rejected')
    expect(connector.capabilities).toMatchObject({ altText: false, hideReply: false, metrics: [] })
    expect(fake.calls).toEqual([])
    expect(await connector.fetchMetrics(['1:1'])).toEqual(
      new Map([['1:1', { likes: null, shares: null, replies: null, quotes: null, views: null }]]),
    )
  })

  it('finds a post by its exact text among the channel posts not yet confirmed, and not once it is deleted', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    const since = new Date(Date.now() - 60_000)
    await connector.publish({ idempotencyKey: 'a', text: 'Pengumuman A', media: [] })
    const b = await connector.publish({ idempotencyKey: 'b', text: 'Pengumuman B', media: [] })
    const found = await connector.findPublished(
      { idempotencyKey: 'b', text: 'Pengumuman B', media: [] },
      since,
    )
    expect(found?.platformPostId).toBe(b.platformPostId)
    expect(
      await connector.findPublished({ idempotencyKey: 'c', text: 'Pengumuman', media: [] }, since),
    ).toBeNull()
    // Too early: sent before `since`.
    expect(
      await connector.findPublished(
        { idempotencyKey: 'b', text: 'Pengumuman B', media: [] },
        new Date(Date.now() + 60_000),
      ),
    ).toBeNull()
    // Reading did not confirm anything.
    expect(
      fake.calls
        .filter((call) => call.method === 'getUpdates')
        .every((call) => call.params.offset === undefined),
    ).toBe(true)
    expect(fake.pendingUpdates().length).toBe(4)
    await connector.deletePost(b.platformPostId)
    expect(
      await connector.findPublished({ idempotencyKey: 'b', text: 'Pengumuman B', media: [] }, since),
    ).toBeNull()
  })

  it('reads comments, replies in the thread and direct messages by pages of updates, confirming each page', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    const post = await connector.publish({ idempotencyKey: 'k', text: 'Info banjir', media: [] })
    const comment = fake.comment(101, 'Jalan mana yang tergenang?')
    fake.replyInGroup(comment.message_id, 'Jalan Melati, Kak')
    fake.directMessage('Min, posko di mana?')
    for (let index = 0; index < 120; index++) fake.directMessage(`pesan ${index}`)

    const first = await connector.fetchInteractions(null)
    expect(first.cursor).not.toBeNull()
    expect(first.items[0]).toEqual({
      externalId: `${GROUP.id}:${comment.message_id}`,
      kind: 'comment',
      author: { externalId: String(CITIZEN.id), handle: '@sariw', displayName: 'Sari Wulandari' },
      text: 'Jalan mana yang tergenang?',
      createdAt: new Date(comment.date * 1000),
      url: `https://t.me/c/9876543210/${comment.message_id}`,
      parentExternalId: post.platformPostId,
      rootExternalId: post.platformPostId,
    })
    expect(first.items[1]).toMatchObject({
      kind: 'reply',
      parentExternalId: `${GROUP.id}:${comment.message_id}`,
      rootExternalId: `${GROUP.id}:${fake.forwards.get(101)}`,
    })
    expect(first.items[2]).toMatchObject({ kind: 'direct_message', text: 'Min, posko di mana?', url: null })
    const second = await connector.fetchInteractions(first.cursor)
    expect(fake.calls.at(-1)!.params.offset).toBe(Number(first.cursor))
    const third = await connector.fetchInteractions(second.cursor)
    expect(third).toEqual({ items: [], cursor: null })
    const all = [...first.items, ...second.items]
    expect(all).toHaveLength(3 + 120)
    expect(new Set(all.map((item) => item.externalId)).size).toBe(all.length)
    expect(fake.pendingUpdates()).toEqual([])
  })

  it('replies to a comment with reply_parameters in the discussion group, and to a direct message in its chat', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    await connector.publish({ idempotencyKey: 'r', text: 'Info', media: [] })
    const comment = fake.comment(101, 'Tanya dong')
    const answer = await connector.reply(
      { externalId: `${GROUP.id}:${comment.message_id}`, rootExternalId: null },
      'Silakan, Kak',
    )
    expect(fake.calls.at(-1)).toMatchObject({
      method: 'sendMessage',
      params: {
        chat_id: String(GROUP.id),
        text: 'Silakan, Kak',
        reply_parameters: { message_id: comment.message_id },
      },
    })
    expect(answer.platformPostId).toBe(`${GROUP.id}:${comment.message_id + 1}`)
    const dm = fake.directMessage('Halo')
    await connector.reply({ externalId: `${CITIZEN.id}:${dm.message_id}`, rootExternalId: null }, 'Halo juga')
    expect(fake.calls.at(-1)!.params).toMatchObject({
      chat_id: String(CITIZEN.id),
      reply_parameters: { message_id: dm.message_id },
    })
  })

  it('deletes a comment younger than 48 hours, and says plainly when it is older', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    await connector.publish({ idempotencyKey: 'd', text: 'Info', media: [] })
    const young = fake.comment(101, 'spam')
    await connector.deleteReply(`${GROUP.id}:${young.message_id}`)
    expect(fake.messages.get(GROUP.id)!.has(young.message_id)).toBe(false)
    const old = fake.comment(101, 'spam lama')
    const start = fake.clock()
    fake.clock = () => start + 48 * 3600
    const refused = await failure(connector.deleteReply(`${GROUP.id}:${old.message_id}`))
    expect(refused).toMatchObject({ kind: 'rejected', reason: { key: 'telegram.delete_too_old' } })
  })

  it('refuses ids and cursors that are not its own without calling Telegram', async () => {
    fresh()
    const connector = createTelegramConnector(context())
    expect((await failure(connector.deleteReply('at://x'))).reason?.key).toBe('telegram.not_a_message_id')
    expect((await failure(connector.fetchInteractions('abc'))).reason?.key).toBe('telegram.not_a_message_id')
    expect(fake.calls).toEqual([])
  })
})
