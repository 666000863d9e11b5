// Test support: a small STATEFUL fake of the X API v2 endpoints the connector uses, as msw handlers (in-memory
// posts, replies, hidden flags and media). Every answer is shaped like the documented response; anything the fake
// does not know is left unhandled, and the tests' `onUnhandledFrame: 'error'` fails on it. Used only by the
// tests in this folder. Sources (docs.x.com, X API v2 reference): "GET /2/users/me", "POST /2/tweets" (201
// {data:{id,text,edit_history_tweet_ids}}), "DELETE /2/tweets/:id" ({data:{deleted}}), "PUT /2/tweets/:id/hidden"
// ({data:{hidden}}), "GET /2/tweets" (data + errors[] of resource-not-found for missing ids), "GET
// /2/users/:id/tweets", "GET /2/users/:id/mentions", "GET /2/tweets/search/recent" (data, includes.users, meta
// {result_count,newest_id,oldest_id,next_token}), "Media upload" (initialize / append / finalize / STATUS with
// processing_info) and "POST /2/media/metadata"; the public_metrics fields from "Data dictionary: Tweet".
import { http, HttpResponse, type HttpHandler } from 'msw'

export const X_API = 'https://api.x.com/2'

export interface FakeUser {
  id: string
  username: string
  name: string
  token: string
}

interface FakeTweet {
  id: string
  text: string
  author_id: string
  created_at: string
  conversation_id: string
  in_reply_to_user_id?: string
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[]
  hidden: boolean
  media_ids: string[]
  likes: number
}

interface FakeMedia {
  id: string
  media_type: string
  total_bytes: number
  received: number
  finalized: boolean
  alt_text: string | null
}

/** The byte length of the multipart part named `media` (twitter-api-v2 sends the chunk without a filename). */
function mediaPartLength(contentType: string, body: Buffer): number {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1]
  if (!boundary) return 0
  const name = body.indexOf('name="media"')
  if (name < 0) return 0
  const start = body.indexOf('\r\n\r\n', name) + 4
  const end = body.indexOf(`\r\n--${boundary}`, start)
  return end - start
}

export class FakeX {
  readonly users = new Map<string, FakeUser>()
  readonly tweets: FakeTweet[] = []
  readonly media = new Map<string, FakeMedia>()
  /** Every request the fake answered, `METHOD path`, for assertions on the flow. */
  readonly calls: string[] = []
  private nextId = 1_870_000_000_000_000_000n
  private clock: () => Date

  constructor(clock: () => Date = () => new Date()) {
    this.clock = clock
  }

  addUser(username: string, name = username): FakeUser {
    const id = String(this.users.size + 1000)
    const user = { id, username, name, token: `token-${username}` }
    this.users.set(id, user)
    return user
  }

  private id(): string {
    this.nextId += 1n
    return this.nextId.toString()
  }

  private userOf(request: Request): FakeUser | undefined {
    const auth = request.headers.get('authorization') ?? ''
    return [...this.users.values()].find((user) => auth === `Bearer ${user.token}`)
  }

  /** Someone else replies to a post; X puts the thread's @handles at the start of a reply's text. */
  reply(by: FakeUser, toId: string, text: string): FakeTweet {
    const parent = this.tweets.find((tweet) => tweet.id === toId)
    if (!parent) throw new Error(`no tweet ${toId}`)
    const parentAuthor = this.users.get(parent.author_id)!
    return this.add(by, `@${parentAuthor.username} ${text}`, {
      conversation_id: parent.conversation_id,
      in_reply_to_user_id: parent.author_id,
      referenced_tweets: [{ type: 'replied_to', id: parent.id }],
    })
  }

  add(by: FakeUser, text: string, extra: Partial<FakeTweet> = {}): FakeTweet {
    const id = this.id()
    const tweet: FakeTweet = {
      id,
      text,
      author_id: by.id,
      created_at: this.clock().toISOString(),
      conversation_id: id,
      hidden: false,
      media_ids: [],
      likes: 0,
      ...extra,
    }
    this.tweets.push(tweet)
    return tweet
  }

  private mentionsOf(user: FakeUser): FakeTweet[] {
    const own = new Set(this.tweets.filter((tweet) => tweet.author_id === user.id).map((tweet) => tweet.id))
    return this.tweets.filter(
      (tweet) =>
        tweet.author_id !== user.id &&
        (tweet.text.includes(`@${user.username}`) ||
          tweet.referenced_tweets?.some((ref) => own.has(ref.id)) === true),
    )
  }

  private view(tweet: FakeTweet, fields: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: tweet.id,
      text: tweet.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      edit_history_tweet_ids: [tweet.id],
    }
    if (fields.includes('created_at')) out.created_at = tweet.created_at
    if (fields.includes('author_id')) out.author_id = tweet.author_id
    if (fields.includes('conversation_id')) out.conversation_id = tweet.conversation_id
    if (fields.includes('in_reply_to_user_id') && tweet.in_reply_to_user_id)
      out.in_reply_to_user_id = tweet.in_reply_to_user_id
    if (fields.includes('referenced_tweets') && tweet.referenced_tweets)
      out.referenced_tweets = tweet.referenced_tweets
    if (fields.includes('public_metrics'))
      out.public_metrics = {
        retweet_count: 0,
        reply_count: this.tweets.filter((other) =>
          other.referenced_tweets?.some((ref) => ref.type === 'replied_to' && ref.id === tweet.id),
        ).length,
        like_count: tweet.likes,
        quote_count: this.tweets.filter((other) =>
          other.referenced_tweets?.some((ref) => ref.type === 'quoted' && ref.id === tweet.id),
        ).length,
        bookmark_count: 0,
        impression_count: 10 + tweet.likes,
      }
    return out
  }

  /** A page of tweets, newest first, shaped as the v2 timeline/search responses (data, includes, meta). */
  private page(request: Request, tweets: FakeTweet[]): Response {
    const url = new URL(request.url)
    const fields = (url.searchParams.get('tweet.fields') ?? '').split(',')
    const max = Number(url.searchParams.get('max_results') ?? '10')
    const start = Number(url.searchParams.get('pagination_token') ?? '0')
    const startTime = url.searchParams.get('start_time')
    const sinceId = url.searchParams.get('since_id')
    const sorted = tweets
      .filter((tweet) => !startTime || tweet.created_at >= startTime)
      .filter((tweet) => !sinceId || BigInt(tweet.id) > BigInt(sinceId))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    const slice = sorted.slice(start, start + max)
    if (slice.length === 0) return HttpResponse.json({ meta: { result_count: 0 } })
    const meta: Record<string, unknown> = {
      result_count: slice.length,
      newest_id: slice[0]!.id,
      oldest_id: slice.at(-1)!.id,
    }
    if (start + max < sorted.length) meta.next_token = String(start + max)
    const body: Record<string, unknown> = { data: slice.map((tweet) => this.view(tweet, fields)), meta }
    if ((url.searchParams.get('expansions') ?? '').includes('author_id'))
      body.includes = {
        users: [...new Set(slice.map((tweet) => tweet.author_id))].map((id) => {
          const user = this.users.get(id)!
          return { id: user.id, name: user.name, username: user.username }
        }),
      }
    return HttpResponse.json(body)
  }

  handlers(): HttpHandler[] {
    const unauthorized = () =>
      HttpResponse.json(
        { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
        { status: 401 },
      )
    const authed =
      (
        handler: (
          user: FakeUser,
          request: Request,
          params: Record<string, string>,
        ) => Response | Promise<Response>,
      ) =>
      async ({
        request,
        params,
      }: {
        request: Request
        params: Record<string, string | readonly string[] | undefined>
      }) => {
        this.calls.push(`${request.method} ${new URL(request.url).pathname}`)
        const user = this.userOf(request)
        if (!user) return unauthorized()
        return handler(user, request, params as Record<string, string>)
      }
    return [
      http.get(
        `${X_API}/users/me`,
        authed((user) =>
          HttpResponse.json({ data: { id: user.id, name: user.name, username: user.username } }),
        ),
      ),
      http.post(
        `${X_API}/tweets`,
        authed(async (user, request) => {
          const body = (await request.json()) as {
            text: string
            media?: { media_ids: string[] }
            reply?: { in_reply_to_tweet_id: string }
          }
          if (this.tweets.some((tweet) => tweet.author_id === user.id && tweet.text === body.text))
            return HttpResponse.json(
              {
                detail: 'You are not allowed to create a Tweet with duplicate content.',
                type: 'about:blank',
                title: 'Forbidden',
                status: 403,
              },
              { status: 403 },
            )
          for (const id of body.media?.media_ids ?? [])
            if (!this.media.get(id)?.finalized)
              return HttpResponse.json(
                {
                  errors: [{ message: `Your media IDs are invalid.` }],
                  title: 'Invalid Request',
                  detail: 'One or more parameters to your request was invalid.',
                  type: 'https://api.twitter.com/2/problems/invalid-request',
                },
                { status: 400 },
              )
          let tweet: FakeTweet
          if (body.reply) {
            const parent = this.tweets.find((item) => item.id === body.reply!.in_reply_to_tweet_id)
            if (!parent)
              return HttpResponse.json(
                {
                  title: 'Not Found Error',
                  detail: 'not found',
                  type: 'https://api.twitter.com/2/problems/resource-not-found',
                },
                { status: 404 },
              )
            tweet = this.add(user, body.text, {
              conversation_id: parent.conversation_id,
              in_reply_to_user_id: parent.author_id,
              referenced_tweets: [{ type: 'replied_to', id: parent.id }],
            })
          } else tweet = this.add(user, body.text, { media_ids: body.media?.media_ids ?? [] })
          return HttpResponse.json(
            { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
            { status: 201 },
          )
        }),
      ),
      http.delete(
        `${X_API}/tweets/:id`,
        authed((user, _request, params) => {
          const index = this.tweets.findIndex(
            (tweet) => tweet.id === params.id && tweet.author_id === user.id,
          )
          if (index >= 0) this.tweets.splice(index, 1)
          return HttpResponse.json({ data: { deleted: index >= 0 } })
        }),
      ),
      http.put(
        `${X_API}/tweets/:id/hidden`,
        authed(async (user, request, params) => {
          const body = (await request.json()) as { hidden: boolean }
          const tweet = this.tweets.find((item) => item.id === params.id)
          const root = this.tweets.find((item) => item.id === tweet?.conversation_id)
          if (!tweet || root?.author_id !== user.id || tweet.author_id === user.id)
            return HttpResponse.json(
              {
                title: 'Forbidden',
                type: 'about:blank',
                status: 403,
                detail: 'You cannot hide or unhide replies to conversations you did not start.',
              },
              { status: 403 },
            )
          tweet.hidden = body.hidden
          return HttpResponse.json({ data: { hidden: body.hidden } })
        }),
      ),
      http.get(
        `${X_API}/tweets`,
        authed((_user, request) => {
          const url = new URL(request.url)
          const ids = (url.searchParams.get('ids') ?? '').split(',')
          const fields = (url.searchParams.get('tweet.fields') ?? '').split(',')
          const found = this.tweets.filter((tweet) => ids.includes(tweet.id))
          const missing = ids.filter((id) => !found.some((tweet) => tweet.id === id))
          const body: Record<string, unknown> = {}
          if (found.length > 0) body.data = found.map((tweet) => this.view(tweet, fields))
          if (missing.length > 0)
            body.errors = missing.map((id) => ({
              value: id,
              detail: `Could not find tweet with ids: [${id}].`,
              title: 'Not Found Error',
              resource_type: 'tweet',
              parameter: 'ids',
              resource_id: id,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            }))
          return HttpResponse.json(body)
        }),
      ),
      http.get(
        `${X_API}/users/:id/tweets`,
        authed((_user, request, params) => {
          const startTime = new URL(request.url).searchParams.get('start_time')
          if (startTime && Date.parse(startTime) < Date.parse('2010-11-06T00:00:01Z'))
            return HttpResponse.json(
              {
                errors: [
                  {
                    parameters: { start_time: [startTime] },
                    message: `Invalid 'start_time':'${startTime}'. 'start_time' must be on or after 2010-11-06T00:00:01Z`,
                  },
                ],
                title: 'Invalid Request',
                detail: 'One or more parameters to your request was invalid.',
                type: 'https://api.twitter.com/2/problems/invalid-request',
              },
              { status: 400 },
            )
          const exclude = new URL(request.url).searchParams.get('exclude') ?? ''
          return this.page(
            request,
            this.tweets.filter(
              (tweet) =>
                tweet.author_id === params.id && !(exclude.includes('replies') && tweet.referenced_tweets),
            ),
          )
        }),
      ),
      http.get(
        `${X_API}/users/:id/mentions`,
        authed((_user, request, params) => this.page(request, this.mentionsOf(this.users.get(params.id!)!))),
      ),
      http.get(
        `${X_API}/tweets/search/recent`,
        authed((_user, request) => {
          const query = new URL(request.url).searchParams.get('query') ?? ''
          const conversation = /^conversation_id:(\d+)$/.exec(query)?.[1]
          return this.page(
            request,
            this.tweets.filter(
              (tweet) => tweet.conversation_id === conversation && tweet.id !== conversation,
            ),
          )
        }),
      ),
      http.post(
        `${X_API}/media/upload/initialize`,
        authed(async (_user, request) => {
          const body = (await request.json()) as {
            media_type: string
            total_bytes: number
            media_category: string
          }
          const id = this.id()
          this.media.set(id, {
            id,
            media_type: body.media_type,
            total_bytes: body.total_bytes,
            received: 0,
            finalized: false,
            alt_text: null,
          })
          return HttpResponse.json({ data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } })
        }),
      ),
      http.post(
        `${X_API}/media/upload/:id/append`,
        authed(async (_user, request, params) => {
          const media = this.media.get(params.id!)
          if (!media) return HttpResponse.json({ title: 'Not Found Error' }, { status: 404 })
          media.received += mediaPartLength(
            request.headers.get('content-type') ?? '',
            Buffer.from(await request.arrayBuffer()),
          )
          return HttpResponse.json({ data: { expires_at: 1_767_225_600 } })
        }),
      ),
      http.post(
        `${X_API}/media/upload/:id/finalize`,
        authed((_user, _request, params) => {
          const media = this.media.get(params.id!)
          if (!media || media.received !== media.total_bytes)
            return HttpResponse.json(
              { title: 'Invalid Request', detail: 'Segments do not add up to provided total file size.' },
              { status: 400 },
            )
          media.finalized = true
          const video = media.media_type.startsWith('video/')
          return HttpResponse.json({
            data: {
              id: media.id,
              media_key: `${video ? 7 : 3}_${media.id}`,
              size: media.total_bytes,
              expires_after_secs: 86400,
              ...(video ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}),
            },
          })
        }),
      ),
      http.get(
        `${X_API}/media/upload`,
        authed((_user, request) => {
          const id = new URL(request.url).searchParams.get('media_id') ?? ''
          const media = this.media.get(id)
          if (!media) return HttpResponse.json({ title: 'Not Found Error' }, { status: 404 })
          return HttpResponse.json({
            data: {
              id,
              media_key: `7_${id}`,
              processing_info: { state: 'succeeded', progress_percent: 100 },
            },
          })
        }),
      ),
      http.post(
        `${X_API}/media/metadata`,
        authed(async (_user, request) => {
          const body = (await request.json()) as { id: string; metadata: { alt_text?: { text: string } } }
          const media = this.media.get(body.id)
          if (!media) return HttpResponse.json({ title: 'Not Found Error' }, { status: 404 })
          media.alt_text = body.metadata.alt_text?.text ?? null
          return HttpResponse.json({ data: { id: body.id, associated_metadata: body.metadata } })
        }),
      ),
    ]
  }
}
