// Tests only: a small stateful Bot API behind msw — one channel with a linked discussion group, the bot, citizens,
// messages per chat and the update queue with getUpdates' offset confirmation. Every answer has the shape the
// Bot API documents: the `{ ok, result }` / `{ ok: false, error_code, description, parameters }` envelope
// (core.telegram.org/bots/api#making-requests), Update, Message, Chat, ChatFullInfo, ChatMemberAdministrator,
// User and MessageOriginChannel (core.telegram.org/bots/api#available-types), and the automatic forward of a channel
// post into its discussion group with `is_automatic_forward` (core.telegram.org/bots/api#message,
// telegram.org/blog/channels-2-0 for comments as replies to that forward).
import { http, HttpResponse } from 'msw'

export const FAKE_TOKEN = '7000001:AAH-fake-token-for-tests-0123456789ab'
export const BOT = { id: 7000001, is_bot: true, first_name: 'Warta Dinkes', username: 'warta_dinkes_bot' }
export const CHANNEL = {
  id: -1001234567890,
  type: 'channel',
  title: 'Dinas Kesehatan Kota',
  username: 'dinkeskota',
}
export const GROUP = { id: -1009876543210, type: 'supergroup', title: 'Diskusi Dinkes Kota', is_forum: false }
export const CITIZEN = {
  id: 51001,
  is_bot: false,
  first_name: 'Sari',
  last_name: 'Wulandari',
  username: 'sariw',
}

type Json = Record<string, unknown>
interface FakeMessage extends Json {
  message_id: number
  date: number
  chat: Json
}

export interface RecordedCall {
  method: string
  params: Json
  files: { name: string; type: string; size: number }[]
}

export class TelegramFake {
  readonly calls: RecordedCall[] = []
  readonly messages = new Map<number, Map<number, FakeMessage>>()
  private readonly nextId = new Map<number, number>()
  private updates: Json[] = []
  private nextUpdate = 900_001
  /** The forward in the group of each channel post (channel message id → group message id). */
  readonly forwards = new Map<number, number>()
  botStatus: 'administrator' | 'member' | 'left' = 'administrator'
  clock = () => Math.floor(Date.now() / 1000)

  readonly apiRoot: string

  constructor(apiRoot = 'https://api.telegram.org') {
    this.apiRoot = apiRoot
  }

  private store(chat: Json, fields: Json): FakeMessage {
    const chatId = chat.id as number
    const id = this.nextId.get(chatId) ?? (chatId === CHANNEL.id ? 101 : 5001)
    this.nextId.set(chatId, id + 1)
    const message: FakeMessage = { message_id: id, date: this.clock(), chat, ...fields }
    if (!this.messages.has(chatId)) this.messages.set(chatId, new Map())
    this.messages.get(chatId)!.set(id, message)
    return message
  }

  private push(kind: string, message: FakeMessage): void {
    this.updates.push({ update_id: this.nextUpdate++, [kind]: message })
  }

  /** A channel post as Telegram makes it: the channel_post update, then its automatic forward into the group. */
  private postInChannel(fields: Json): FakeMessage {
    const post = this.store(CHANNEL, { sender_chat: CHANNEL, ...fields })
    this.push('channel_post', post)
    const forward = this.store(GROUP, {
      ...fields,
      sender_chat: CHANNEL,
      is_automatic_forward: true,
      forward_origin: { type: 'channel', chat: CHANNEL, message_id: post.message_id, date: post.date },
    })
    this.forwards.set(post.message_id, forward.message_id)
    this.push('message', forward)
    return post
  }

  /** A citizen comments on a channel post (a reply to its forward in the discussion group). */
  comment(channelMessageId: number, text: string, from: Json = CITIZEN): FakeMessage {
    const forwardId = this.forwards.get(channelMessageId)
    const forward = forwardId === undefined ? undefined : this.messages.get(GROUP.id)?.get(forwardId)
    if (!forward) throw new Error(`no forward of channel post ${channelMessageId}`)
    const message = this.store(GROUP, {
      from,
      text,
      reply_to_message: forward,
      message_thread_id: forward.message_id,
    })
    this.push('message', message)
    return message
  }

  /** A citizen replies to a comment in the discussion group. */
  replyInGroup(groupMessageId: number, text: string, from: Json = CITIZEN): FakeMessage {
    const parent = this.messages.get(GROUP.id)?.get(groupMessageId)
    if (!parent) throw new Error(`no group message ${groupMessageId}`)
    const thread = (parent.message_thread_id as number | undefined) ?? parent.message_id
    const message = this.store(GROUP, { from, text, reply_to_message: parent, message_thread_id: thread })
    this.push('message', message)
    return message
  }

  /** A citizen writes to the bot in a private chat. */
  directMessage(text: string, from: Json = CITIZEN): FakeMessage {
    const chat = { id: from.id, type: 'private', first_name: from.first_name, username: from.username }
    const message = this.store(chat, { from, text })
    this.push('message', message)
    return message
  }

  pendingUpdates(): Json[] {
    return [...this.updates]
  }

  private find(chatId: unknown, messageId: unknown): FakeMessage | undefined {
    return this.messages.get(this.chatIdOf(chatId) ?? 0)?.get(Number(messageId))
  }

  private chatIdOf(value: unknown): number | null {
    if (value === `@${CHANNEL.username}` || Number(value) === CHANNEL.id) return CHANNEL.id
    if (Number(value) === GROUP.id) return GROUP.id
    if (Number.isSafeInteger(Number(value))) return Number(value)
    return null
  }

  private answer(method: string, params: Json): Response {
    const ok = (result: unknown) => HttpResponse.json({ ok: true, result })
    const fail = (code: number, description: string) =>
      HttpResponse.json({ ok: false, error_code: code, description }, { status: code })
    const chatId = this.chatIdOf(params.chat_id)
    const chat = chatId === CHANNEL.id ? CHANNEL : chatId === GROUP.id ? GROUP : null
    switch (method) {
      case 'getMe':
        return ok({
          ...BOT,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        })
      case 'getChat':
        if (chatId === CHANNEL.id)
          return ok({
            ...CHANNEL,
            linked_chat_id: GROUP.id,
            accent_color_id: 0,
            max_reaction_count: 11,
            accepted_gift_types: {},
          })
        if (chatId === GROUP.id)
          return ok({ ...GROUP, linked_chat_id: CHANNEL.id, accent_color_id: 0, max_reaction_count: 11 })
        return fail(400, 'Bad Request: chat not found')
      case 'getChatMember':
        return ok(
          this.botStatus === 'administrator'
            ? {
                status: 'administrator',
                user: BOT,
                can_be_edited: false,
                is_anonymous: false,
                can_manage_chat: true,
                can_delete_messages: true,
                can_manage_video_chats: false,
                can_restrict_members: true,
                can_promote_members: false,
                can_change_info: false,
                can_invite_users: true,
                can_post_messages: true,
                can_edit_messages: true,
                can_post_stories: false,
                can_edit_stories: false,
                can_delete_stories: false,
              }
            : { status: this.botStatus, user: BOT },
        )
      case 'sendMessage': {
        if (!chat && chatId === null) return fail(400, 'Bad Request: chat not found')
        const text = typeof params.text === 'string' ? params.text : ''
        if (text.length > 4096) return fail(400, 'Bad Request: message is too long')
        const reply = params.reply_parameters as { message_id?: number } | undefined
        const parent = reply ? this.find(chatId, reply.message_id) : undefined
        if (reply && !parent) return fail(400, 'Bad Request: message to be replied not found')
        if (chatId === CHANNEL.id) return ok(this.postInChannel({ text }))
        const target = chat ?? { id: chatId, type: 'private', first_name: 'Warga' }
        return ok(
          this.store(target, {
            from: BOT,
            text,
            ...(parent ? { reply_to_message: parent } : {}),
            ...(parent?.message_thread_id ? { message_thread_id: parent.message_thread_id } : {}),
          }),
        )
      }
      case 'sendPhoto':
      case 'sendVideo': {
        if (chatId !== CHANNEL.id) return fail(400, 'Bad Request: chat not found')
        const media =
          method === 'sendPhoto'
            ? {
                photo: [
                  {
                    file_id: 'AgACAgQAAxkB',
                    file_unique_id: 'AQADnb4x',
                    width: 1280,
                    height: 720,
                    file_size: 4,
                  },
                ],
              }
            : {
                video: {
                  file_id: 'BAACAgQAAxkB',
                  file_unique_id: 'AgADnb4x',
                  width: 1280,
                  height: 720,
                  duration: 1,
                },
              }
        return ok(this.postInChannel({ ...media, ...(params.caption ? { caption: params.caption } : {}) }))
      }
      case 'sendMediaGroup': {
        const items = params.media as { type: string; caption?: string }[]
        if (items.length < 2 || items.length > 10)
          return fail(400, 'Bad Request: wrong number of media in the group')
        const groupId = String(13_000_000 + this.nextUpdate)
        return ok(
          items.map((item) =>
            this.postInChannel({
              media_group_id: groupId,
              ...(item.type === 'photo'
                ? {
                    photo: [
                      { file_id: 'AgACAgQAAxkB', file_unique_id: 'AQADnb4x', width: 1280, height: 720 },
                    ],
                  }
                : {
                    video: {
                      file_id: 'BAACAgQAAxkB',
                      file_unique_id: 'AgADnb4x',
                      width: 1280,
                      height: 720,
                      duration: 1,
                    },
                  }),
              ...(item.caption ? { caption: item.caption } : {}),
            }),
          ),
        )
      }
      case 'getUpdates': {
        const offset = params.offset === undefined ? undefined : Number(params.offset)
        if (offset !== undefined)
          this.updates = this.updates.filter((update) => (update.update_id as number) >= offset)
        return ok(this.updates.slice(0, Number(params.limit ?? 100)))
      }
      case 'deleteMessage': {
        const message = this.find(chatId, params.message_id)
        if (!message) return fail(400, 'Bad Request: message to delete not found')
        if (this.clock() - message.date >= 48 * 3600)
          return fail(400, "Bad Request: message can't be deleted")
        this.messages.get(chatId!)!.delete(message.message_id)
        return ok(true)
      }
      case 'deleteMessages': {
        for (const id of params.message_ids as number[]) this.messages.get(chatId!)?.delete(id)
        return ok(true)
      }
      case 'editMessageReplyMarkup': {
        const message = this.find(chatId, params.message_id)
        if (!message) return fail(400, 'Bad Request: message to edit not found')
        return fail(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        )
      }
      default:
        return fail(404, 'Not Found')
    }
  }

  /** The msw handler: every Bot API method of this bot, parsed from JSON or multipart as grammy sends them. */
  handler() {
    return http.post(`${this.apiRoot}/bot${FAKE_TOKEN}/:method`, async ({ request, params }) => {
      const method = String(params.method)
      const { fields, files } = await readPayload(request)
      this.calls.push({ method, params: fields, files })
      return this.answer(method, fields)
    })
  }
}

/** A Bot API request's parameters: JSON, or multipart with JSON-encoded objects and attach:// files. */
export async function readPayload(request: Request): Promise<{ fields: Json; files: RecordedCall['files'] }> {
  const type = request.headers.get('content-type') ?? ''
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData()
    const fields: Json = {}
    const files: RecordedCall['files'] = []
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        try {
          fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value
        } catch {
          fields[key] = value
        }
      } else files.push({ name: value.name, type: value.type, size: value.size })
    }
    return { fields, files }
  }
  const text = await request.text()
  return { fields: text ? (JSON.parse(text) as Json) : {}, files: [] }
}
