// The error table of the Bluesky connector, through its real HTTP path against undici's MockAgent: every request
// must match an interceptor (net connect is off), so an unexpected call fails the test. The local network cannot
// produce these answers (dev-env disables rate limits and never fails on purpose), hence mocks here.
import { MockAgent, fetch as undiciFetch } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConnectorError, type ConnectorCredentials } from '../connector.ts'
import { BlueskyConnector, BLUESKY_CAPABILITIES } from './bluesky-connector.ts'
import { retryAtFrom } from './bluesky-errors.ts'

const SERVICE = 'https://pds.example'
const DID = 'did:plc:agency123'
const NOW = new Date('2026-12-07T08:00:00Z')
const CID = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm'
const JSON_HEADERS = { 'content-type': 'application/json' }

function jwt(expiresAt: Date): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'ES256K' })}.${part({ exp: Math.floor(expiresAt.getTime() / 1000), sub: DID })}.signature`
}

let mock: MockAgent
let saved: ConnectorCredentials[]

beforeEach(() => {
  mock = new MockAgent()
  mock.disableNetConnect()
  saved = []
})

afterEach(async () => {
  mock.assertNoPendingInterceptors()
  await mock.close()
})

function connector(credentials: Partial<Record<string, string>> = {}, timeoutMs = 2000): BlueskyConnector {
  const session: ConnectorCredentials = {
    service: SERVICE,
    did: DID,
    handle: 'dinkes.test',
    accessJwt: jwt(new Date(NOW.getTime() + 60 * 60_000)),
    refreshJwt: jwt(new Date(NOW.getTime() + 90 * 24 * 60 * 60_000)),
    ...credentials,
  }
  return new BlueskyConnector(
    {
      account: { handle: 'dinkes.test', platformAccountId: DID },
      credentials: Object.fromEntries(Object.entries(session).filter(([, value]) => value !== '')),
      saveCredentials: async (next) => {
        saved.push(next)
      },
      now: () => NOW,
      fetch: (input: string | URL | Request, init?: RequestInit) =>
        undiciFetch(input as string, { ...(init as object), dispatcher: mock }),
    },
    { timeoutMs },
  )
}

const pds = () => mock.get(SERVICE)
const xrpc = (method: string) => (path: string) => path.startsWith(`/xrpc/${method}`)
const post = { idempotencyKey: 'post-1:account-1', text: 'Jadwal vaksinasi Senin.', media: [] }

function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  return promise.then(
    () => {
      throw new Error('expected a ConnectorError')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ConnectorError)
      return error as ConnectorError
    },
  )
}

function recordNotFound() {
  pds()
    .intercept({ path: xrpc('com.atproto.repo.getRecord'), method: 'GET' })
    .reply(400, { error: 'RecordNotFound', message: 'Could not locate record' }, { headers: JSON_HEADERS })
}

describe('Bluesky errors as connector error kinds', () => {
  it('waits until RateLimit-Reset when the PDS answers 429', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 300
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(
        429,
        { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        {
          headers: {
            ...JSON_HEADERS,
            'ratelimit-limit': '5000',
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(reset),
          },
        },
      )
    const error = await failure(connector().publish(post))
    expect(error.kind).toBe('rate_limited')
    expect(error.retryAt).toEqual(new Date(reset * 1000))
    expect(error.reason).toEqual({
      key: 'bluesky.rate_limited',
      params: { retryAt: new Date(reset * 1000).toISOString() },
    })
    expect(error.platformCode).toBe('RateLimitExceeded')
  })

  it('rejects for good with a catalogue reason when the PDS refuses the record as too long', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(
        400,
        {
          error: 'InvalidRequest',
          message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
        },
        { headers: JSON_HEADERS },
      )
    recordNotFound()
    const error = await failure(connector().publish(post))
    expect(error.kind).toBe('rejected')
    expect(error.reason).toEqual({ key: 'bluesky.text_over_limit', params: { maximum: 300 } })
    expect(error.platformMessage).toContain('longer than 300 graphemes')
  })

  it('rejects text over 300 graphemes before sending anything, counting an emoji family as one', async () => {
    const family = '👨‍👩‍👧'
    const error = await failure(
      connector().publish({ ...post, text: 'a'.repeat(298) + family + family + family }),
    )
    expect(error).toMatchObject({
      kind: 'rejected',
      reason: { key: 'bluesky.text_too_long', params: { length: 301 } },
    })
    // 300 graphemes of which three are multi-code-point emoji still fit.
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(
        200,
        { uri: `at://${DID}/app.bsky.feed.post/3jzfcijpj2z2a`, cid: CID },
        { headers: JSON_HEADERS },
      )
    await connector().publish({ ...post, text: 'a'.repeat(297) + family + family + family })
  })

  it('says unavailable when the connection is refused, even for a write (nothing was sent)', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
      )
    const error = await failure(connector().publish(post))
    expect(error.kind).toBe('unavailable')
  })

  it('says unknown_outcome when a post write times out after it was sent and the post cannot be found yet', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(200, { uri: `at://${DID}/app.bsky.feed.post/x`, cid: CID }, { headers: JSON_HEADERS })
      .delay(1000)
    recordNotFound()
    const error = await failure(connector({}, 100).publish(post))
    expect(error.kind).toBe('unknown_outcome')
    expect(error.reason).toEqual({ key: 'bluesky.unknown_outcome' })
  })

  it('answers the existing post when a publish is repeated after the first attempt went through', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(
        500,
        { error: 'InternalServerError', message: 'Internal Server Error' },
        { headers: JSON_HEADERS },
      )
    pds()
      .intercept({ path: xrpc('com.atproto.repo.getRecord'), method: 'GET' })
      .reply(
        200,
        {
          uri: `at://${DID}/app.bsky.feed.post/3jzfcijpj2z2a`,
          cid: CID,
          value: { $type: 'app.bsky.feed.post', text: post.text, createdAt: '2026-12-07T07:59:00.000Z' },
        },
        { headers: JSON_HEADERS },
      )
    const published = await connector().publish(post)
    expect(published).toEqual({
      platformPostId: `at://${DID}/app.bsky.feed.post/3jzfcijpj2z2a`,
      url: `https://bsky.app/profile/${DID}/post/3jzfcijpj2z2a`,
      publishedAt: new Date('2026-12-07T07:59:00.000Z'),
    })
  })

  it('says unknown_outcome for a 5xx to a write, but unavailable for a 5xx to a read and for a 503', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(502, { error: 'UpstreamFailure', message: 'Upstream Failure' }, { headers: JSON_HEADERS })
    recordNotFound()
    expect((await failure(connector().publish(post))).kind).toBe('unknown_outcome')

    pds()
      .intercept({ path: xrpc('app.bsky.feed.getPosts'), method: 'GET' })
      .reply(502, { error: 'UpstreamFailure', message: 'Upstream Failure' }, { headers: JSON_HEADERS })
    expect(
      (await failure(connector().fetchMetrics([`at://${DID}/app.bsky.feed.post/3jzfcijpj2z2a`]))).kind,
    ).toBe('unavailable')

    pds()
      .intercept({ path: xrpc('com.atproto.repo.createRecord'), method: 'POST' })
      .reply(
        503,
        { error: 'NotEnoughResources', message: 'busy' },
        { headers: { ...JSON_HEADERS, 'retry-after': '30' } },
      )
    const busy = await failure(connector().publish(post))
    expect(busy.kind).toBe('unavailable')
    expect(busy.retryAt).toEqual(new Date(NOW.getTime() + 30_000))
  })

  it('refreshes once when the PDS says the token expired, retries, and hands the new tokens to the app', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.server.getSession'), method: 'GET' })
      .reply(400, { error: 'ExpiredToken', message: 'Token has expired' }, { headers: JSON_HEADERS })
    const fresh = {
      accessJwt: jwt(new Date(NOW.getTime() + 7_200_000)),
      refreshJwt: jwt(new Date(NOW.getTime() + 8e9)),
    }
    pds()
      .intercept({ path: xrpc('com.atproto.server.refreshSession'), method: 'POST' })
      .reply(200, { did: DID, handle: 'dinkes.test', ...fresh }, { headers: JSON_HEADERS })
    pds()
      .intercept({
        path: xrpc('com.atproto.server.getSession'),
        method: 'GET',
        headers: { authorization: `Bearer ${fresh.accessJwt}` },
      })
      .reply(200, { did: DID, handle: 'dinkes.test' }, { headers: JSON_HEADERS })
    pds()
      .intercept({ path: xrpc('app.bsky.actor.getProfile'), method: 'GET' })
      .reply(
        200,
        { did: DID, handle: 'dinkes.test', displayName: 'Dinas Kesehatan' },
        { headers: JSON_HEADERS },
      )
    expect(await connector().verify()).toEqual({
      platformAccountId: DID,
      handle: 'dinkes.test',
      displayName: 'Dinas Kesehatan',
    })
    expect(saved).toEqual([{ service: SERVICE, did: DID, handle: 'dinkes.test', ...fresh }])
  })

  it('says auth_expired when the refresh token no longer works either', async () => {
    pds()
      .intercept({ path: xrpc('com.atproto.server.refreshSession'), method: 'POST' })
      .reply(400, { error: 'ExpiredToken', message: 'Token has been revoked' }, { headers: JSON_HEADERS })
    const expired = connector({ accessJwt: jwt(new Date(NOW.getTime() - 1000)) })
    const error = await failure(expired.verify())
    expect(error).toMatchObject({ kind: 'auth_expired', reason: { key: 'bluesky.session_expired' } })
    expect(saved).toEqual([])
  })

  it('says auth_expired with a reason to connect when there is neither a session nor an app password', async () => {
    const error = await failure(connector({ accessJwt: '', refreshJwt: '', did: '' }).verify())
    expect(error).toMatchObject({ kind: 'auth_expired', reason: { key: 'bluesky.credentials_missing' } })
  })

  it('refuses what the capabilities say no to, before any request', async () => {
    expect(BLUESKY_CAPABILITIES).toMatchObject({
      hideReply: true,
      deleteReply: false,
      maxImages: 4,
      maxTextLength: 300,
    })
    const image = {
      kind: 'image' as const,
      mimeType: 'image/png',
      byteLength: 10,
      read: async () => new Uint8Array(10),
      altText: 'x',
    }
    expect(
      await failure(connector().publish({ ...post, media: [image, image, image, image, image] })),
    ).toMatchObject({
      kind: 'rejected',
      reason: { key: 'bluesky.too_many_images', params: { count: 5, maximum: 4 } },
    })
    expect(
      await failure(
        connector().publish({ ...post, media: [{ ...image, kind: 'video', mimeType: 'video/mp4' }] }),
      ),
    ).toMatchObject({
      reason: { key: 'bluesky.video_unsupported' },
    })
    expect(
      await failure(connector().publish({ ...post, media: [{ ...image, altText: ' ' }] })),
    ).toMatchObject({
      kind: 'rejected',
      reason: { key: 'bluesky.alt_text_missing' },
    })
    expect(
      await failure(connector().deleteReply(`at://did:plc:citizen/app.bsky.feed.post/3jzfcijpj2z2a`)),
    ).toMatchObject({
      kind: 'rejected',
      reason: { key: 'bluesky.delete_reply_unsupported' },
    })
    expect(
      await failure(connector().deletePost(`at://did:plc:citizen/app.bsky.feed.post/3jzfcijpj2z2a`)),
    ).toMatchObject({
      kind: 'rejected',
      reason: { key: 'bluesky.not_own_post' },
    })
  })
})

describe('retryAtFrom', () => {
  it('reads RateLimit-Reset as epoch seconds, and Retry-After as seconds or a date', () => {
    expect(retryAtFrom({ 'ratelimit-reset': '1796630700' }, NOW)).toEqual(new Date(1796630700 * 1000))
    expect(retryAtFrom({ 'retry-after': '120' }, NOW)).toEqual(new Date(NOW.getTime() + 120_000))
    expect(retryAtFrom({ 'retry-after': 'Mon, 07 Dec 2026 08:05:00 GMT' }, NOW)).toEqual(
      new Date('2026-12-07T08:05:00Z'),
    )
    expect(retryAtFrom({}, NOW)).toBeUndefined()
  })
})
