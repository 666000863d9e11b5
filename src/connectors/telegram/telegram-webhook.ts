// Telegram's webhook deliveries (setWebhook with `secret_token`): the Bot API sends the secret back in
// `X-Telegram-Bot-Api-Secret-Token` on every delivery; there is no HMAC and no timestamp (core.telegram.org/bots/api
// #setwebhook, platforms.md §4). The header is compared in constant time; replays are caught by the app's
// de-duplication of deliveryId (the update_id with a hash of the raw body, as update ids are only unique per bot).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Update } from 'grammy/types'
import type {
  WebhookEvent,
  WebhookRequest,
  WebhookSecrets,
  WebhookVerdict,
  WebhookVerifier,
} from '../webhook.ts'
import { forwardedChannelPost, interactionOf, messageOfUpdate, messageRef } from './telegram-updates.ts'

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

function eventsOf(update: Update): WebhookEvent[] {
  const carried = messageOfUpdate(update)
  if (!carried)
    return [
      {
        kind: 'ignored',
        accountExternalId: null,
        type: Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown',
      },
    ]
  const { message, edited } = carried
  const parent = message.reply_to_message
  // A comment belongs to the channel whose post it answers; anything else to the chat it was written in.
  const channelPost = parent ? forwardedChannelPost(parent) : null
  const accountExternalId = channelPost
    ? channelPost.slice(0, channelPost.lastIndexOf(':'))
    : String(message.chat.id)
  if (message.chat.type === 'channel')
    return [{ kind: 'ignored', accountExternalId, type: edited ? 'edited_channel_post' : 'channel_post' }]
  // The webhook does not know the channel's discussion group: a message that answers nothing is not an interaction.
  const groupId = message.chat.type === 'private' ? null : message.chat.id
  const interaction = interactionOf(message, groupId)
  if (!interaction) return [{ kind: 'ignored', accountExternalId, type: 'message' }]
  if (edited)
    return [
      {
        kind: 'interaction_edited',
        accountExternalId,
        externalId: messageRef(message.chat.id, message.message_id),
        text: interaction.text,
      },
    ]
  return [{ kind: 'interaction', accountExternalId, interaction }]
}

export const telegramWebhook: WebhookVerifier = {
  platform: 'telegram',
  verify(request: WebhookRequest, secrets: WebhookSecrets): WebhookVerdict {
    if (request.method !== 'POST') return { kind: 'rejected', reason: 'malformed' }
    const given = request.headers[TELEGRAM_SECRET_HEADER]
    if (given === undefined || given === '') return { kind: 'rejected', reason: 'missing_signature' }
    if (!sameSecret(given, secrets.signingSecret)) return { kind: 'rejected', reason: 'bad_signature' }
    let update: Update
    try {
      update = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as Update
    } catch {
      return { kind: 'rejected', reason: 'malformed' }
    }
    if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number')
      return { kind: 'rejected', reason: 'malformed' }
    const digest = createHash('sha256').update(request.rawBody).digest('hex').slice(0, 16)
    return {
      kind: 'accepted',
      deliveryId: `${update.update_id}:${digest}`,
      sentAt: null,
      events: eventsOf(update),
    }
  },
}
