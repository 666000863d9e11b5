// The Telegram connector's update plumbing against the Bot API emulator (telegram-test-api, platforms.md §9): a
// citizen writes to the bot, the connector reads it from getUpdates as a direct message, confirms it with the next
// offset, replies with reply_parameters (the citizen's client receives the answer) and deletes a message. The
// emulator models no channels, photos or discussion groups; those run against the msw fake
// (telegram-connector.test.ts). No Warta database: it runs in the integration project only because it opens a port.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TelegramConnector } from './telegram-connector.ts'

const TOKEN = '123456:TEST-warta'
let server: TelegramServer

beforeAll(async () => {
  // The emulator takes no port 0; a port per process keeps parallel runs apart.
  server = new TelegramServer({ port: 20_000 + (process.pid % 20_000), host: '127.0.0.1' })
  await server.start()
})
afterAll(async () => {
  await server.stop()
})

describe('the Telegram connector against the emulator', () => {
  it('reads a direct message, confirms it, replies to it and deletes its answer', async () => {
    const citizen = server.getClient(TOKEN, { userName: 'sariw', firstName: 'Sari' })
    const connector = new TelegramConnector(
      {
        account: { handle: '@dinkeskota', platformAccountId: '-1001234567890' },
        credentials: { botToken: TOKEN, channel: '@dinkeskota' },
        saveCredentials: () => Promise.resolve(),
        now: () => new Date(),
      },
      { apiRoot: server.config.apiURL },
    )
    await citizen.sendMessage(citizen.makeMessage('Halo min, kapan jadwal vaksin?'))

    const page = await connector.fetchInteractions(null)
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'direct_message', text: 'Halo min, kapan jadwal vaksin?', url: null }),
    ])
    expect(page.items[0]!.author.handle).toBe('@sariw')
    expect(page.cursor).not.toBeNull()
    expect((await connector.fetchInteractions(page.cursor)).items).toEqual([])

    const answer = await connector.reply(
      { externalId: page.items[0]!.externalId, rootExternalId: null },
      'Senin pukul 08.00 di puskesmas, Kak.',
    )
    const received = await citizen.getUpdates()
    const texts = (received.result as { message: { text?: string } }[]).map((update) => update.message.text)
    expect(texts).toContain('Senin pukul 08.00 di puskesmas, Kak.')
    await connector.deleteReply(answer.platformPostId)
  })
})
