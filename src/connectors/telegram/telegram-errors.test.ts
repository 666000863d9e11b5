// Every row of the Telegram error table through the real client (grammy) and msw: the Bot API's documented error
// envelope `{ ok: false, error_code, description, parameters: { retry_after } }` (core.telegram.org/bots/api
// #making-requests, #responseparameters), with the descriptions Telegram answers for each case. Unhandled requests
// fail the test.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError, type ConnectorContext } from '../connector.ts'
import { TelegramConnector } from './telegram-connector.ts'
import { TELEGRAM_ERROR_TABLE } from './telegram-errors.ts'
import { CHANNEL, FAKE_TOKEN, TelegramFake } from './telegram-fake.ts'

const NOW = new Date('2026-12-07T08:00:00Z')
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

function connector(): TelegramConnector {
  const context: ConnectorContext = {
    account: { handle: '@dinkeskota', platformAccountId: String(CHANNEL.id) },
    credentials: { botToken: FAKE_TOKEN, channel: '@dinkeskota' },
    saveCredentials: () => Promise.resolve(),
    now: () => NOW,
  }
  return new TelegramConnector(context)
}

/** The fake serves every method but `method`, which answers the given envelope (or fails the connection). */
function failOn(method: string, answer: { status: number; body?: object } | 'network'): void {
  const fake = new TelegramFake()
  server.use(
    http.post(`https://api.telegram.org/bot${FAKE_TOKEN}/${method}`, () =>
      answer === 'network' ? HttpResponse.error() : HttpResponse.json(answer.body, { status: answer.status }),
    ),
    fake.handler(),
  )
}

const refusal = (code: number, description: string, parameters?: object) => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
})

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected a ConnectorError')
}

const publish = () => connector().publish({ idempotencyKey: 'p:a', text: 'Info', media: [] })

describe('the Telegram error table', () => {
  it('429 is rate_limited until now + parameters.retry_after', async () => {
    failOn('sendMessage', refusal(429, 'Too Many Requests: retry after 35', { retry_after: 35 }))
    const error = await failure(publish())
    expect(error.kind).toBe('rate_limited')
    expect(error.retryAt).toEqual(new Date(NOW.getTime() + 35_000))
    expect(error.reason).toEqual({
      key: 'telegram.rate_limited',
      params: { retryAt: '2026-12-07T08:00:35.000Z' },
    })
    expect(error.platformCode).toBe('429')
  })

  const rows: [string, number, string, string, string][] = [
    ['a revoked token', 401, 'Unauthorized', 'auth_expired', 'telegram.token_revoked'],
    [
      'a bot kicked from the channel',
      403,
      'Forbidden: bot was kicked from the channel chat',
      'auth_expired',
      'telegram.bot_removed',
    ],
    [
      'a bot that is not a member',
      403,
      'Forbidden: bot is not a member of the channel chat',
      'auth_expired',
      'telegram.bot_removed',
    ],
    [
      'a webhook set elsewhere',
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      'rejected',
      'telegram.webhook_active',
    ],
    ['an unknown chat', 400, 'Bad Request: chat not found', 'rejected', 'telegram.chat_not_found'],
    [
      'missing admin rights',
      400,
      'Bad Request: not enough rights to send text messages to the chat',
      'rejected',
      'telegram.bot_not_admin',
    ],
    [
      'missing admin rights (channel)',
      400,
      'Bad Request: need administrator rights in the channel chat',
      'rejected',
      'telegram.bot_not_admin',
    ],
    [
      'a long caption',
      400,
      'Bad Request: message caption is too long',
      'rejected',
      'telegram.caption_too_long',
    ],
    ['a long text', 400, 'Bad Request: message is too long', 'rejected', 'telegram.text_too_long'],
    ['an old message', 400, "Bad Request: message can't be deleted", 'rejected', 'telegram.delete_too_old'],
    [
      'a deleted message',
      400,
      'Bad Request: message to delete not found',
      'rejected',
      'telegram.message_not_found',
    ],
    ['a bad photo', 400, 'Bad Request: PHOTO_INVALID_DIMENSIONS', 'rejected', 'telegram.media_refused'],
    ['any other refusal', 400, 'Bad Request: BUTTON_DATA_INVALID', 'rejected', 'telegram.request_refused'],
  ]
  it.each(rows)('%s (%i) is %s with %s', async (_label, code, description, kind, key) => {
    failOn('sendMessage', refusal(code, description))
    const error = await failure(publish())
    expect(error.kind).toBe(kind)
    expect(error.reason?.key).toBe(key)
    expect(error.platformMessage).toBe(description)
  })

  it('covers every row of the table in the cases above', () => {
    const keys = new Set(rows.map((row) => row[4]))
    for (const row of TELEGRAM_ERROR_TABLE) expect(keys).toContain(row.reason.key)
  })

  it('a 5xx to a write is unknown_outcome (the post may exist), to a read unavailable', async () => {
    failOn('sendMessage', refusal(500, 'Internal Server Error'))
    expect(await failure(publish())).toMatchObject({
      kind: 'unknown_outcome',
      reason: { key: 'telegram.unknown_outcome' },
    })
    failOn('getUpdates', refusal(502, 'Bad Gateway'))
    expect(await failure(connector().fetchInteractions(null))).toMatchObject({
      kind: 'unavailable',
      reason: { key: 'telegram.unavailable' },
    })
  })

  it('no answer to a write is unknown_outcome, to a read unavailable', async () => {
    failOn('sendMessage', 'network')
    expect((await failure(publish())).kind).toBe('unknown_outcome')
    failOn('getUpdates', 'network')
    expect((await failure(connector().fetchInteractions(null))).kind).toBe('unavailable')
  })
})
