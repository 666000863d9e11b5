// Telegram through grammy's Bot API client, for one channel where the office's bot is an admin (platforms.md §3.6).
// Credentials are the bot token from @BotFather and the channel (`@username` or `-100…` id). A post is a channel
// message (`sendMessage`, `sendPhoto`, `sendVideo`, or `sendMediaGroup` for an album with the text as the first
// item's caption); its platformPostId is `<channel id>:<message id>` (an album lists its ids: `<channel id>:41,42`).
// Comments live in the channel's linked discussion group and, with direct messages to the bot, come from
// `getUpdates`, whose offset is the interactions cursor (telegram-updates.ts maps them).
//
// findPublished: the Bot API has no idempotency key and no way to list a channel's history. The bot receives its
// own posts as `channel_post` updates; getUpdates without an offset reads the updates not yet confirmed without
// confirming them, so findPublished looks there for a post with exactly the request's text (or caption) sent at or
// after `since`, and then checks it still exists (editMessageReplyMarkup on it answers "message is not modified"
// while it exists, "message to edit not found" once deleted). Once fetchInteractions has confirmed past that update
// (the next poll), the post can no longer be found: the publication stays `unconfirmed` for a person to check,
// never sent twice. One bot per channel: two accounts sharing a bot would take each other's updates.
import { Api, InputFile } from 'grammy'
import type { ChatFullInfo, InputMediaPhoto, InputMediaVideo, Message, Update } from 'grammy/types'
import { checkPublishRequest, requireCapability } from '../check-publish-request.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type Interaction,
  type InteractionPage,
  type MediaItem,
  type PostMetrics,
  type PublishedPost,
  type PublishRequest,
} from '../connector.ts'
import { toConnectorError, type RequestEffect } from './telegram-errors.ts'
import { interactionOf, messageRef, messageUrl, parseMessageRef } from './telegram-updates.ts'

const LABEL = 'Telegram'
const MAX_CAPTION = 1024
const MAX_ALBUM = PLATFORM_RULES.telegram.maxImages
const UPDATES_PAGE = 100
/** What the bot asks Telegram to deliver (getUpdates remembers it for setWebhook too). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const

export const TELEGRAM_CAPABILITIES: ConnectorCapabilities = {
  // Telegram has no alt text for photos.
  ...postingCapabilitiesOf('telegram'),
  readComments: true,
  // "Mentions" are only `mention` entities inside messages; not read yet.
  readMentions: false,
  readDirectMessages: true,
  reply: true,
  // Telegram has no hiding of a message.
  hideReply: false,
  // deleteMessage, only for messages less than 48 hours old (platforms.md §7.11).
  deleteReply: true,
  deleteOwnPost: true,
  // The Bot API exposes no view, forward or reply counts for channel posts (reactions arrive only as
  // message_reaction_count updates, minutes late): nothing is filled.
  metrics: [],
}

export interface TelegramConnectorOptions {
  /** The Bot API's root (the emulator's in tests); default https://api.telegram.org. */
  apiRoot?: string
  /** Deadline of one request; after it, a write is `unknown_outcome`, a read `unavailable`. */
  timeoutSeconds?: number
}

function rejected(key: 'telegram.credentials_missing' | 'telegram.not_a_message_id', message: string) {
  return new ConnectorError('rejected', message, { reason: { key } })
}

interface PostRef {
  chatId: string
  messageIds: number[]
}

function postRef(chatId: number | string, messageIds: number[]): string {
  return `${chatId}:${messageIds.join(',')}`
}

function parsePostRef(ref: string): PostRef {
  const at = ref.lastIndexOf(':')
  const ids = ref
    .slice(at + 1)
    .split(',')
    .map(Number)
  const single = parseMessageRef(`${ref.slice(0, at)}:${ids[0] ?? ''}`)
  if (at <= 0 || !single || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
    throw rejected('telegram.not_a_message_id', `not a Telegram post id: ${ref}`)
  return { chatId: single.chatId, messageIds: ids }
}

function parseRef(ref: string): { chatId: string; messageId: number } {
  const parsed = parseMessageRef(ref)
  if (!parsed) throw rejected('telegram.not_a_message_id', `not a Telegram message id: ${ref}`)
  return parsed
}

async function fileOf(item: MediaItem, index: number): Promise<InputFile> {
  const extension = item.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'
  return new InputFile(await item.read(), `media-${index + 1}.${extension}`)
}

type ChannelInfo = ChatFullInfo & { type: 'channel' }

export class TelegramConnector implements Connector {
  readonly platform = 'telegram'
  readonly capabilities = TELEGRAM_CAPABILITIES
  private readonly api: Api
  private readonly channel: string
  private channelChat: ChannelInfo | null = null
  private discussionGroupId: number | null | undefined = undefined

  private readonly context: ConnectorContext

  constructor(context: ConnectorContext, options: TelegramConnectorOptions = {}) {
    this.context = context
    const token = context.credentials.botToken
    const channel = context.account.platformAccountId ?? context.credentials.channel
    if (!token || !channel)
      throw new ConnectorError('auth_expired', 'Telegram credentials are incomplete', {
        reason: { key: 'telegram.credentials_missing' },
      })
    this.channel = channel
    this.api = new Api(token, {
      apiRoot: options.apiRoot ?? 'https://api.telegram.org',
      timeoutSeconds: options.timeoutSeconds ?? 30,
      ...(context.fetch ? { fetch: context.fetch as never } : {}),
    })
  }

  /** Runs one step and turns whatever it throws into a ConnectorError. */
  private async call<T>(effect: RequestEffect, step: () => Promise<T>): Promise<T> {
    try {
      return await step()
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now())
    }
  }

  private async chat(): Promise<ChannelInfo> {
    if (this.channelChat) return this.channelChat
    const chat = await this.call('read', () => this.api.getChat(this.channel))
    if (chat.type !== 'channel')
      throw new ConnectorError('rejected', `${this.channel} is a ${chat.type}, not a channel`, {
        reason: { key: 'telegram.chat_not_found' },
      })
    const info: ChannelInfo = chat
    this.channelChat = info
    this.discussionGroupId = chat.linked_chat_id ?? null
    return info
  }

  async verify(): Promise<{ platformAccountId: string; handle: string; displayName: string | null }> {
    const me = await this.call('read', () => this.api.getMe())
    const chat = await this.chat()
    const member = await this.call('read', () => this.api.getChatMember(chat.id, me.id))
    if (member.status !== 'administrator' || member.can_post_messages === false)
      throw new ConnectorError(
        'rejected',
        `the bot is ${member.status} in the channel, not an admin who posts`,
        {
          reason: { key: 'telegram.bot_not_admin' },
        },
      )
    return {
      platformAccountId: String(chat.id),
      handle: chat.username ? `@${chat.username}` : String(chat.id),
      displayName: chat.title,
    }
  }

  async publish(request: PublishRequest): Promise<PublishedPost> {
    checkPublishRequest(LABEL, TELEGRAM_CAPABILITIES, request)
    const length = [...request.text].length
    if (request.media.length > 0 && length > MAX_CAPTION)
      throw new ConnectorError('rejected', `caption of ${length} over ${MAX_CAPTION}`, {
        reason: { key: 'telegram.caption_too_long', params: { maximum: MAX_CAPTION, length } },
      })
    if (request.media.length > MAX_ALBUM)
      throw new ConnectorError('rejected', `${request.media.length} media over ${MAX_ALBUM}`, {
        reason: { key: 'telegram.mixed_media' },
      })
    const chat = await this.chat()
    const caption = request.text.trim() === '' ? undefined : request.text
    const messages = await this.send(chat.id, request.text, caption, request.media)
    const first = messages[0]!
    return {
      platformPostId: postRef(
        chat.id,
        messages.map((message) => message.message_id),
      ),
      url: messageUrl(chat, first.message_id),
      publishedAt: new Date(first.date * 1000),
    }
  }

  private async send(
    chatId: number,
    text: string,
    caption: string | undefined,
    media: readonly MediaItem[],
  ): Promise<Message[]> {
    const [only] = media
    if (!only) return [await this.call('write', () => this.api.sendMessage(chatId, text))]
    const files = await Promise.all(media.map(fileOf))
    if (media.length === 1) {
      const file = files[0]!
      if (only.kind === 'video')
        return [
          await this.call('write', () =>
            this.api.sendVideo(chatId, file, { ...(caption ? { caption } : {}), supports_streaming: true }),
          ),
        ]
      return [await this.call('write', () => this.api.sendPhoto(chatId, file, caption ? { caption } : {}))]
    }
    const album = media.map((item, index): InputMediaPhoto | InputMediaVideo => {
      const extra = index === 0 && caption ? { caption } : {}
      return item.kind === 'video'
        ? { type: 'video', media: files[index]!, supports_streaming: true, ...extra }
        : { type: 'photo', media: files[index]!, ...extra }
    })
    return this.call('write', () => this.api.sendMediaGroup(chatId, album))
  }

  async findPublished(request: PublishRequest, since: Date): Promise<PublishedPost | null> {
    const chat = await this.chat()
    // No offset: the pending updates are read, not confirmed (fetchInteractions' cursor stays where it was).
    const updates = await this.call('read', () =>
      this.api.getUpdates({ limit: UPDATES_PAGE, timeout: 0, allowed_updates: [...ALLOWED_UPDATES] }),
    )
    // Telegram trims the whitespace around a message's text, so the comparison does too.
    const wanted = request.text.trim()
    const channelPosts: Message[] = updates
      .flatMap((update) => (update.channel_post ? [update.channel_post as Message] : []))
      .filter((post) => post.chat.id === chat.id)
    const candidates = channelPosts
      .filter((post) => post.date * 1000 >= since.getTime() - 1000)
      .filter((post) => (post.text ?? post.caption ?? '').trim() === wanted)
    for (const post of candidates) {
      if (!(await this.stillExists(chat.id, post.message_id))) continue
      const album = post.media_group_id
        ? channelPosts.filter((item) => item.media_group_id === post.media_group_id)
        : [post]
      return {
        platformPostId: postRef(
          chat.id,
          album.map((item) => item.message_id),
        ),
        url: messageUrl(chat, post.message_id),
        publishedAt: new Date(post.date * 1000),
      }
    }
    return null
  }

  /** Whether a channel message still exists, without changing it (see the header). */
  private async stillExists(chatId: number, messageId: number): Promise<boolean> {
    try {
      await this.api.editMessageReplyMarkup(chatId, messageId)
      return true
    } catch (error) {
      const description = (error as { description?: unknown }).description
      if (typeof description === 'string') {
        if (/not modified/i.test(description)) return true
        if (/not found/i.test(description)) return false
      }
      throw toConnectorError(error, 'read', this.context.now())
    }
  }

  async fetchInteractions(cursor: string | null): Promise<InteractionPage> {
    if (cursor !== null && !/^\d+$/.test(cursor))
      throw rejected('telegram.not_a_message_id', `not a Telegram updates cursor: ${cursor}`)
    const updates: Update[] = await this.call('read', () =>
      this.api.getUpdates({
        ...(cursor === null ? {} : { offset: Number(cursor) }),
        limit: UPDATES_PAGE,
        timeout: 0,
        allowed_updates: [...ALLOWED_UPDATES],
      }),
    )
    // The discussion group is looked up only when a group message came (direct messages need no channel).
    if (updates.some((update) => update.message && update.message.chat.type !== 'private')) await this.chat()
    const items: Interaction[] = []
    const seen = new Set<string>()
    for (const update of updates) {
      // Edits are not new interactions; the inbox keeps the first text.
      if (!update.message) continue
      const item = interactionOf(update.message, this.discussionGroupId ?? null)
      if (item && !seen.has(item.externalId)) {
        seen.add(item.externalId)
        items.push(item)
      }
    }
    const last = updates.at(-1)
    // Passing the next offset back confirms these updates to Telegram; an empty page ends the pages for now.
    return { items, cursor: last ? String(last.update_id + 1) : null }
  }

  async reply(
    to: { externalId: string; rootExternalId: string | null },
    text: string,
  ): Promise<PublishedPost> {
    const target = parseRef(to.externalId)
    checkPublishRequest(LABEL, TELEGRAM_CAPABILITIES, { idempotencyKey: to.externalId, text, media: [] })
    const sent = await this.call('write', () =>
      this.api.sendMessage(target.chatId, text, {
        reply_parameters: { message_id: target.messageId },
      }),
    )
    return {
      platformPostId: messageRef(sent.chat.id, sent.message_id),
      url: messageUrl(sent.chat, sent.message_id),
      publishedAt: new Date(sent.date * 1000),
    }
  }

  async hideReply(): Promise<void> {
    requireCapability(LABEL, TELEGRAM_CAPABILITIES.hideReply, 'hideReply')
  }

  async deleteReply(externalId: string): Promise<void> {
    const target = parseRef(externalId)
    await this.call('read', () => this.api.deleteMessage(target.chatId, target.messageId))
  }

  async deletePost(platformPostId: string): Promise<void> {
    const post = parsePostRef(platformPostId)
    if (post.messageIds.length === 1)
      await this.call('read', () => this.api.deleteMessage(post.chatId, post.messageIds[0]!))
    else await this.call('read', () => this.api.deleteMessages(post.chatId, post.messageIds))
  }

  fetchMetrics(platformPostIds: readonly string[]): Promise<Map<string, PostMetrics>> {
    const none: PostMetrics = { likes: null, shares: null, replies: null, quotes: null, views: null }
    return Promise.resolve(new Map(platformPostIds.map((id) => [id, { ...none }])))
  }
}

export function createTelegramConnector(context: ConnectorContext): Connector {
  return new TelegramConnector(context)
}
