// The Telegram webhook check: `X-Telegram-Bot-Api-Secret-Token` carries the `secret_token` given to setWebhook
// (core.telegram.org/bots/api#setwebhook); no HMAC, no timestamp. Update bodies follow #update and #message.
import { describe, expect, it } from 'vitest'
import type { WebhookRequest } from '../webhook.ts'
import { CHANNEL, CITIZEN, GROUP } from './telegram-fake.ts'
import { telegramWebhook } from './telegram-webhook.ts'

const SECRET = 'rahasia-Webhook_123'
const NOW = new Date('2026-12-07T08:00:00Z')
const forward = {
  message_id: 5001,
  date: 1_796_000_000,
  chat: GROUP,
  sender_chat: CHANNEL,
  is_automatic_forward: true,
  forward_origin: { type: 'channel', chat: CHANNEL, message_id: 101, date: 1_796_000_000 },
  text: 'Info banjir',
}
const comment = {
  update_id: 900_010,
  message: {
    message_id: 5002,
    date: 1_796_000_100,
    chat: GROUP,
    from: CITIZEN,
    text: 'Jalan mana?',
    reply_to_message: forward,
    message_thread_id: 5001,
  },
}

function request(body: object | string, headers: Record<string, string | undefined>): WebhookRequest {
  return {
    method: 'POST',
    query: {},
    headers,
    rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  }
}
const verify = (req: WebhookRequest, secret = SECRET) =>
  telegramWebhook.verify(req, { signingSecret: secret }, NOW)

describe('the Telegram webhook', () => {
  it('accepts the right secret and reads a comment as an interaction of the channel', () => {
    const verdict = verify(request(comment, { 'x-telegram-bot-api-secret-token': SECRET }))
    expect(verdict.kind).toBe('accepted')
    if (verdict.kind !== 'accepted') return
    expect(verdict.deliveryId).toMatch(/^900010:[0-9a-f]{16}$/)
    expect(verdict.sentAt).toBeNull()
    expect(verdict.events).toEqual([
      {
        kind: 'interaction',
        accountExternalId: String(CHANNEL.id),
        interaction: expect.objectContaining({
          externalId: `${GROUP.id}:5002`,
          kind: 'comment',
          text: 'Jalan mana?',
          rootExternalId: `${CHANNEL.id}:101`,
        }),
      },
    ])
  })

  it('reads an edit as interaction_edited and a channel post as ignored', () => {
    const edited = verify(
      request(
        { update_id: 1, edited_message: { ...comment.message, text: 'Jalan mana ya?' } },
        { 'x-telegram-bot-api-secret-token': SECRET },
      ),
    )
    expect(edited.kind === 'accepted' && edited.events[0]).toEqual({
      kind: 'interaction_edited',
      accountExternalId: String(CHANNEL.id),
      externalId: `${GROUP.id}:5002`,
      text: 'Jalan mana ya?',
    })
    const post = verify(
      request(
        { update_id: 2, channel_post: { message_id: 101, date: 1, chat: CHANNEL, text: 'x' } },
        { 'x-telegram-bot-api-secret-token': SECRET },
      ),
    )
    expect(post.kind === 'accepted' && post.events[0]).toEqual({
      kind: 'ignored',
      accountExternalId: String(CHANNEL.id),
      type: 'channel_post',
    })
  })

  it('gives the same delivery id to a replayed delivery, so the app drops the second', () => {
    const a = verify(request(comment, { 'x-telegram-bot-api-secret-token': SECRET }))
    const b = verify(request(comment, { 'x-telegram-bot-api-secret-token': SECRET }))
    expect(a.kind === 'accepted' && b.kind === 'accepted' && a.deliveryId === b.deliveryId).toBe(true)
  })

  it('rejects a wrong secret, a secret one byte off, a missing header and a prefixed header', () => {
    expect(verify(request(comment, { 'x-telegram-bot-api-secret-token': SECRET }), 'another-secret')).toEqual(
      { kind: 'rejected', reason: 'bad_signature' },
    )
    expect(
      verify(request(comment, { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) + '4' })),
    ).toEqual({ kind: 'rejected', reason: 'bad_signature' })
    expect(verify(request(comment, {}))).toEqual({ kind: 'rejected', reason: 'missing_signature' })
    expect(verify(request(comment, { 'x-telegram-bot-api-secret-token': '' }))).toEqual({
      kind: 'rejected',
      reason: 'missing_signature',
    })
    expect(verify(request(comment, { 'x-telegram-bot-api-secret-token': `sha256=${SECRET}` }))).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
  })

  it('has no signature over the body: a body changed by one byte still passes the secret, and is a different delivery', () => {
    const body = JSON.stringify(comment)
    const changed = body.replace('Jalan mana?', 'Jalan mana!')
    const a = verify(request(body, { 'x-telegram-bot-api-secret-token': SECRET }))
    const b = verify(request(changed, { 'x-telegram-bot-api-secret-token': SECRET }))
    expect(a.kind === 'accepted' && b.kind === 'accepted' && a.deliveryId !== b.deliveryId).toBe(true)
  })

  it('rejects a body that is not an update, and a GET', () => {
    expect(verify(request('{"update_id":', { 'x-telegram-bot-api-secret-token': SECRET }))).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
    expect(verify(request({ ok: true }, { 'x-telegram-bot-api-secret-token': SECRET }))).toEqual({
      kind: 'rejected',
      reason: 'malformed',
    })
    expect(
      verify({ ...request(comment, { 'x-telegram-bot-api-secret-token': SECRET }), method: 'GET' }),
    ).toEqual({ kind: 'rejected', reason: 'malformed' })
  })
})
