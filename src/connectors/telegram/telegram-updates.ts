// Telegram's Update objects → Interactions, shared by the connector's getUpdates polling and the webhook. Ids are
// `<chat id>:<message id>` (message ids are unique only within a chat). A comment is a message in the channel's
// linked discussion group that replies to the group's automatic forward of a channel post (`is_automatic_forward`,
// `forward_origin.message_id` = the channel post): its root is that channel post. A reply to another comment names
// that comment as parent and the thread's forward as root (the Bot API does not repeat the channel post there).
// Messages sent to the bot in a private chat are direct messages. Channel posts are the account's own, never
// interactions. Source: core.telegram.org/bots/api#update, #message, #messageorigin.
import type { Message, Update } from 'grammy/types'
import type { Interaction } from '../connector.ts'

export function messageRef(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`
}

export function parseMessageRef(ref: string): { chatId: string; messageId: number } | null {
  const at = ref.lastIndexOf(':')
  if (at <= 0) return null
  const messageId = Number(ref.slice(at + 1))
  const chatId = ref.slice(0, at)
  if (!Number.isSafeInteger(messageId) || messageId <= 0 || !/^(-?\d+|@\w+)$/.test(chatId)) return null
  return { chatId, messageId }
}

/** The public link of a message: t.me/<username>/<id>, or t.me/c/<id without -100>/<id> for a chat without one. */
export function messageUrl(
  chat: { id: number | string; username?: string | undefined },
  messageId: number,
): string {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`
  const internal = String(chat.id).replace(/^-100/, '').replace(/^-/, '')
  return `https://t.me/c/${internal}/${messageId}`
}

function textOf(message: Message): string {
  return message.text ?? message.caption ?? ''
}

function authorOf(message: Message): Interaction['author'] {
  const user = message.from
  if (message.sender_chat)
    return {
      externalId: String(message.sender_chat.id),
      handle:
        'username' in message.sender_chat && message.sender_chat.username
          ? `@${message.sender_chat.username}`
          : String(message.sender_chat.id),
      displayName: 'title' in message.sender_chat ? (message.sender_chat.title ?? null) : null,
    }
  if (!user) return { externalId: 'unknown', handle: 'unknown', displayName: null }
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ')
  return {
    externalId: String(user.id),
    handle: user.username ? `@${user.username}` : String(user.id),
    displayName: name || null,
  }
}

/** The channel post a discussion-group message is the automatic forward of, if it is one. */
export function forwardedChannelPost(message: Message): string | null {
  if (!message.is_automatic_forward) return null
  const origin = message.forward_origin
  if (origin?.type === 'channel') return messageRef(origin.chat.id, origin.message_id)
  return null
}

/**
 * The Interaction a message is, or null when it is not one (the account's own channel posts, the automatic
 * forwards, service messages, messages in chats that are not the account's discussion group or a private chat).
 */
export function interactionOf(message: Message, discussionGroupId: number | null): Interaction | null {
  if (message.chat.type === 'channel' || message.is_automatic_forward) return null
  const text = textOf(message)
  const createdAt = new Date(message.date * 1000)
  const externalId = messageRef(message.chat.id, message.message_id)
  if (message.chat.type === 'private') {
    if (message.from?.is_bot) return null
    return {
      externalId,
      kind: 'direct_message',
      author: authorOf(message),
      text,
      createdAt,
      url: null,
      parentExternalId: null,
      rootExternalId: null,
    }
  }
  if (discussionGroupId === null || message.chat.id !== discussionGroupId) return null
  const parent = message.reply_to_message
  if (!parent) return null
  const channelPost = forwardedChannelPost(parent)
  const thread = message.message_thread_id
  return {
    externalId,
    kind: channelPost ? 'comment' : 'reply',
    author: authorOf(message),
    text,
    createdAt,
    url: messageUrl(message.chat, message.message_id),
    parentExternalId: channelPost ?? messageRef(message.chat.id, parent.message_id),
    rootExternalId: channelPost ?? (thread ? messageRef(message.chat.id, thread) : null),
  }
}

/** The message an update carries (new or edited), with whether it is an edit. */
export function messageOfUpdate(update: Update): { message: Message; edited: boolean } | null {
  if (update.message) return { message: update.message, edited: false }
  if (update.edited_message) return { message: update.edited_message, edited: true }
  if (update.channel_post) return { message: update.channel_post, edited: false }
  if (update.edited_channel_post) return { message: update.edited_channel_post, edited: true }
  return null
}
