// The TikTok connector against a stateful fake of the documented endpoints (tests/support/tiktok-fake.ts) behind
// msw: any request the fake does not answer fails the test. Covers every media kind TikTok takes, the status
// polling, findPublished over paginated video lists, metrics, the refusals, EVERY row of the error table, Login
// Kit's rotating refresh tokens and the signed webhooks.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTikTokServer, TikTokFake, UPLOAD_HOST } from '../../../tests/support/tiktok-fake.ts'
import { ConnectorError, type ConnectorContext, type MediaItem, type PublishRequest } from '../connector.ts'
import { connectorContract } from '../connector-contract.ts'
import { missingFeatures, type OAuthClient, type OAuthTokens } from '../oauth.ts'
import { capabilitiesOf, oauthProviderOf, webhookVerifierOf } from '../registry.ts'
import { TIKTOK_CAPABILITIES, TikTokConnector } from './tiktok-connector.ts'
import { TIKTOK_ERROR_TABLE } from './tiktok-errors.ts'
import { tiktokOAuth } from './tiktok-oauth.ts'
import { tiktokWebhook } from './tiktok-webhook.ts'

let fake: TikTokFake
const server = startTikTokServer(() => fake)
beforeAll(() => server.listen())
afterAll(() => server.close())
beforeEach(() => {
  fake = new TikTokFake(() => new Date())
  server.use()
})

const NOW = () => new Date()

function context(accessToken = 'act.valid-access-token'): ConnectorContext {
  return {
    account: { handle: 'humas.kotabandung', platformAccountId: fake.openId },
    credentials: { accessToken, openId: fake.openId },
    saveCredentials: () => Promise.resolve(),
    now: NOW,
  }
}

function connector(options: ConstructorParameters<typeof TikTokConnector>[1] = {}, token?: string) {
  return new TikTokConnector(context(token), { sleep: () => Promise.resolve(), ...options })
}

let keyCounter = 0
function request(text: string, media: MediaItem[]): PublishRequest {
  return { idempotencyKey: `post-${(keyCounter += 1)}:account-1`, text, media }
}

function video(byteLength: number, publicUrl?: string): MediaItem {
  const bytes = new Uint8Array(byteLength).fill(7)
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    read: () => Promise.resolve(bytes),
    byteLength,
    altText: '',
    ...(publicUrl ? { publicUrl } : {}),
  }
}

function photo(publicUrl: string | undefined, mimeType = 'image/jpeg'): MediaItem {
  return {
    kind: 'image',
    mimeType,
    read: () => Promise.resolve(new Uint8Array([0xff, 0xd8])),
    byteLength: 2,
    altText: '',
    ...(publicUrl ? { publicUrl } : {}),
  }
}

async function caught(work: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await work()
  } catch (error) {
    if (error instanceof ConnectorError) return error
    throw error
  }
  expect.fail('expected a ConnectorError')
}

const paths = () => fake.requests.map((item) => item.path)

describe('the TikTok connector', () => {
  it('fails any request the fake does not answer (nothing leaves the machine)', async () => {
    for (const address of ['https://open.tiktokapis.com/v2/research/video/query/', 'https://example.org/']) {
      const error = await fetch(address).then(
        () => null,
        (failure: unknown) => failure,
      )
      expect(String((error as Error | null)?.cause)).toMatch(/MSW.*"error" strategy/)
    }
  })

  it('is registered with its capabilities, Login Kit OAuth and webhook checks', () => {
    expect(capabilitiesOf('tiktok')).toBe(TIKTOK_CAPABILITIES)
    expect(oauthProviderOf('tiktok')).toBe(tiktokOAuth)
    expect(webhookVerifierOf('tiktok')).toBe(tiktokWebhook)
  })

  it('names the account from user/info', async () => {
    expect(await connector().verify()).toEqual({
      platformAccountId: fake.openId,
      handle: 'humas.kotabandung',
      displayName: 'Humas Kota Bandung',
    })
  })

  it('publishes a video TikTok pulls from the public address, asking creator_info first and polling the status', async () => {
    const post = await connector().publish(
      request('Jadwal vaksinasi pekan ini #InfoBandung', [video(1000, 'https://media.warta.go.id/v/1.mp4')]),
    )
    expect(paths()).toEqual([
      '/v2/post/publish/creator_info/query/',
      '/v2/post/publish/video/init/',
      '/v2/post/publish/status/fetch/',
      '/v2/post/publish/status/fetch/',
    ])
    expect(fake.requests[1]!.body).toEqual({
      post_info: {
        title: 'Jadwal vaksinasi pekan ini #InfoBandung',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: false,
        disable_duet: false,
        disable_stitch: true,
      },
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://media.warta.go.id/v/1.mp4' },
    })
    expect(post.platformPostId).toBe(fake.videos[0]!.id)
    expect(post.url).toBe(`https://www.tiktok.com/@humas.kotabandung/video/${post.platformPostId}`)
  })

  it('uploads a small video without a public address in one chunk', async () => {
    const post = await connector().publish(request('Video kecil', [video(4000)]))
    const init = fake.requests.find((item) => item.path === '/v2/post/publish/video/init/')!
    expect((init.body as { source_info: unknown }).source_info).toEqual({
      source: 'FILE_UPLOAD',
      video_size: 4000,
      chunk_size: 4000,
      total_chunk_count: 1,
    })
    expect([...fake.publishes.values()][0]!.ranges).toEqual(['bytes 0-3999/4000'])
    expect(post.platformPostId).toBe(fake.videos[0]!.id)
  })

  it('uploads a large video in sequential chunks, the last one taking the remainder', async () => {
    const size = 25 * 1024 * 1024 + 17
    const chunk = 10 * 1024 * 1024
    await connector().publish(request('Video besar', [video(size)]))
    const upload = [...fake.publishes.values()][0]!
    expect(upload.ranges).toEqual([`bytes 0-${chunk - 1}/${size}`, `bytes ${chunk}-${size - 1}/${size}`])
    expect(upload.receivedBytes).toBe(size)
    expect(
      fake.requests.filter((item) => item.path === '/video/').every((item) => item.method === 'PUT'),
    ).toBe(true)
    expect(UPLOAD_HOST).toMatch(/^https:/)
  })

  it('publishes photos by PULL_FROM_URL as a photo post', async () => {
    const post = await connector().publish(
      request('Galeri kegiatan\nKunjungan wali kota ke pasar', [
        photo('https://media.warta.go.id/p/1.jpg'),
        photo('https://media.warta.go.id/p/2.webp', 'image/webp'),
      ]),
    )
    const init = fake.requests.find((item) => item.path === '/v2/post/publish/content/init/')!
    expect(init.body).toMatchObject({
      post_info: { title: 'Galeri kegiatan', description: 'Galeri kegiatan\nKunjungan wali kota ke pasar' },
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: 0,
        photo_images: ['https://media.warta.go.id/p/1.jpg', 'https://media.warta.go.id/p/2.webp'],
      },
      post_mode: 'DIRECT_POST',
      media_type: 'PHOTO',
    })
    expect(post.url).toContain('/photo/')
  })

  it('posts SELF_ONLY when the app is unaudited and finds the private post through the video list', async () => {
    fake.privacyOptions = ['SELF_ONLY']
    const sent = request('Uji unggahan pribadi', [video(10, 'https://media.warta.go.id/v/2.mp4')])
    const post = await connector().publish(sent)
    expect((fake.requests[1]!.body as { post_info: { privacy_level: string } }).post_info.privacy_level).toBe(
      'SELF_ONLY',
    )
    expect(paths()).toContain('/v2/video/list/')
    expect(post.platformPostId).toBe(fake.videos[0]!.id)
    expect(post.url).toContain('utm_campaign')
  })

  it('refuses before sending anything what TikTok cannot take', async () => {
    const tiktok = connector()
    const cases: [PublishRequest, string][] = [
      [request('Teks saja', []), 'tiktok.media_required'],
      [request('Campur', [video(10, 'https://m/v.mp4'), photo('https://m/p.jpg')]), 'tiktok.mixed_media'],
      [request('Dua video', [video(10), video(10)]), 'tiktok.mixed_media'],
      [request('Foto lokal', [photo(undefined)]), 'tiktok.photo_needs_public_url'],
      [request('PNG', [photo('https://m/p.png', 'image/png')]), 'tiktok.photo_type_unsupported'],
      [request('a'.repeat(2201), [video(10)]), 'connectors.text_too_long'],
      // 1 101 code points, 2 202 UTF-16 units as TikTok counts them.
      [request('🙂'.repeat(1101), [video(10)]), 'connectors.text_too_long'],
    ]
    for (const [sent, key] of cases) {
      const error = await caught(() => tiktok.publish(sent))
      expect([error.kind, error.reason?.key]).toEqual(['rejected', key])
    }
    expect(fake.requests).toEqual([])
  })

  it('maps a FAILED status to its reason, and a post still processing after the last poll to unknown_outcome', async () => {
    const tiktok = connector({ maxPolls: 3 })
    fake.nextFailReason = 'video_pull_failed'
    const error = await caught(() =>
      tiktok.publish(request('Gagal tarik', [video(10, 'https://media.warta.go.id/v/3.mp4')])),
    )
    expect([error.kind, error.reason?.key, error.platformCode]).toEqual([
      'rejected',
      'tiktok.media_pull_failed',
      'video_pull_failed',
    ])

    fake.nextFailReason = undefined
    fake.processingPolls = 100
    const slow = await caught(() => tiktok.publish(request('Lambat', [video(10, 'https://m/v.mp4')])))
    expect(slow.kind).toBe('unknown_outcome')
    expect(
      fake.requests.filter((item) => item.path === '/v2/post/publish/status/fetch/').length,
    ).toBeGreaterThan(3)
  })

  it('finds a post by its caption since the publication started, across pages of the video list', async () => {
    const tiktok = connector()
    const target = request('Pengumuman penerimaan CPNS 2027', [video(10, 'https://m/v.mp4')])
    const since = new Date(Date.now() - 60_000)
    const first = await tiktok.publish(target)
    for (let index = 0; index < 25; index++)
      await tiktok.publish(request(`Unggahan lain ${index}`, [video(10, 'https://m/v.mp4')]))
    fake.requests = []
    const found = await tiktok.findPublished(target, since)
    expect(found?.platformPostId).toBe(first.platformPostId)
    expect(fake.requests.map((item) => (item.body as { cursor?: number }).cursor)).toEqual([undefined, 20])
    expect(await tiktok.findPublished(request('Tidak pernah dikirim', []), since)).toBeNull()
    expect(await tiktok.findPublished(target, new Date(Date.now() + 60_000))).toBeNull()
  })

  it('counts likes, comments, shares and views in batches of 20 ids', async () => {
    const tiktok = connector()
    const ids: string[] = []
    for (let index = 0; index < 22; index++)
      ids.push(
        (await tiktok.publish(request(`Unggahan ${index}`, [video(10, 'https://m/v.mp4')]))).platformPostId,
      )
    Object.assign(
      fake.videos.find((item) => item.id === ids[21])!,
      {
        like_count: 12,
        share_count: 3,
        view_count: 480,
      },
    )
    fake.comment(ids[21]!)
    fake.requests = []
    const metrics = await tiktok.fetchMetrics(ids)
    expect(metrics.size).toBe(22)
    expect(metrics.get(ids[21]!)).toEqual({ likes: 12, shares: 3, replies: 1, quotes: null, views: 480 })
    expect(
      fake.requests.map(
        (item) => (item.body as { filters: { video_ids: string[] } }).filters.video_ids.length,
      ),
    ).toEqual([20, 2])
  })

  it('reads no interactions and refuses reply, hide, delete reply and delete post without calling TikTok', async () => {
    const tiktok = connector()
    expect(await tiktok.fetchInteractions(null)).toEqual({ items: [], cursor: null })
    for (const work of [
      () => tiktok.reply({ externalId: 'c1', rootExternalId: '7300000000000000001' }, 'Terima kasih'),
      () => tiktok.hideReply('c1'),
      () => tiktok.deleteReply('c1'),
      () => tiktok.deletePost('7300000000000000001'),
    ]) {
      const error = await caught(work)
      expect([error.kind, error.reason?.key]).toEqual(['rejected', 'connectors.capability_missing'])
    }
    expect(fake.requests).toEqual([])
  })

  it('answers auth_expired when the stored token is missing or revoked', async () => {
    expect((await caught(() => connector({}, '').verify())).reason?.key).toBe('tiktok.credentials_missing')
    const revoked = await caught(() => connector({}, 'act.revoked').verify())
    expect([revoked.kind, revoked.platformCode]).toEqual(['auth_expired', 'access_token_invalid'])
  })
})

// The shared contract, unchanged. TikTok takes no text-only post: the harness gives every text-only request the
// office's clip (by public address), as Instagram's gives a poster. Comments are counted but cannot be read, which
// the contract checks through the capabilities.
const clip = video(10, 'https://media.kota.go.id/klip.mp4')
const withClip = (sent: PublishRequest): PublishRequest =>
  sent.media.length > 0 ? sent : { ...sent, media: [clip] }
connectorContract(
  'tiktok',
  (ctx) => {
    const inner = new TikTokConnector(ctx, { sleep: () => Promise.resolve() })
    return Object.assign(Object.create(inner) as TikTokConnector, {
      publish: (sent: PublishRequest) => inner.publish(withClip(sent)),
      findPublished: (sent: PublishRequest, since: Date) => inner.findPublished(withClip(sent), since),
    })
  },
  {
    connectedContext: () => Promise.resolve(context()),
    commentOn: (_context, platformPostId) => {
      fake.comment(platformPostId)
      return Promise.resolve()
    },
  },
)

// The same round trip written out with TikTok's own media kinds: a video post, found again, counted, the refusals.
describe('the TikTok connector keeps the connector contract where TikTok allows it', () => {
  it('publishes, finds the post again by its request (and never a post not sent), counts comments, refuses delete', async () => {
    const tiktok = connector()
    const since = new Date(Date.now() - 60_000)
    const sent = request('Uji kontrak: informasi layanan publik', [video(10, 'https://m/v.mp4')])
    const post = await tiktok.publish(sent)
    expect(post.url).toMatch(/^https:\/\//)
    expect((await tiktok.findPublished(sent, since))?.platformPostId).toBe(post.platformPostId)
    expect(await tiktok.findPublished(request('never sent', []), since)).toBeNull()
    for (let index = 0; index < 3; index++) fake.comment(post.platformPostId)
    const counted = (await tiktok.fetchMetrics([post.platformPostId])).get(post.platformPostId)!
    for (const key of tiktok.capabilities.metrics) expect(typeof counted[key]).toBe('number')
    expect(counted.replies).toBe(3)
    expect((await caught(() => tiktok.deletePost(post.platformPostId))).kind).toBe('rejected')
    expect(fake.videos.map((item) => item.id)).toEqual([post.platformPostId])
  })

  it('finds the first post for a repeated request instead of publishing twice', async () => {
    const tiktok = connector()
    const since = new Date(Date.now() - 60_000)
    const sent = request('Uji kontrak idempoten', [video(10, 'https://m/v.mp4')])
    const first = await tiktok.publish(sent)
    expect((await tiktok.findPublished(sent, since))?.platformPostId).toBe(first.platformPostId)
  })
})

describe('the TikTok error table', () => {
  const statusOf = {
    auth_expired: 401,
    rate_limited: 429,
    rejected: 400,
    unavailable: 500,
    unknown_outcome: 500,
  }

  for (const [code, row] of Object.entries(TIKTOK_ERROR_TABLE)) {
    it(`maps ${code} to ${row.kind} (${row.reason})`, async () => {
      fake.fail('/v2/post/publish/creator_info/query/', { status: statusOf[row.kind], code, message: code })
      const error = await caught(() => connector().publish(request('x', [video(10, 'https://m/v.mp4')])))
      expect([error.kind, error.reason?.key, error.platformCode]).toEqual([row.kind, row.reason, code])
      if (row.kind === 'rate_limited') {
        expect(error.retryAt!.getTime()).toBeGreaterThan(Date.now() + (row.waitMs ?? 0) - 5_000)
        expect(error.rateLimitScope).toBe(row.scope ?? 'account')
      }
    })
  }

  it('takes the reset time from Retry-After, else X-RateLimit-Reset', async () => {
    fake.fail('/v2/user/info/', {
      status: 429,
      code: 'rate_limit_exceeded',
      headers: { 'retry-after': '90' },
    })
    const after = await caught(() => connector().verify())
    expect(Math.round((after.retryAt!.getTime() - Date.now()) / 1000)).toBeGreaterThanOrEqual(88)
    const reset = Math.floor(Date.now() / 1000) + 300
    fake.fail('/v2/user/info/', { status: 429, headers: { 'x-ratelimit-reset': String(reset) } })
    const header = await caught(() => connector().verify())
    expect([header.kind, header.retryAt!.getTime()]).toEqual(['rate_limited', reset * 1000])
  })

  it('decides by status where the code is unknown: 401, 4xx, 5xx on a read and on a write, 503, no answer', async () => {
    const cases: [string, Parameters<TikTokFake['fail']>[1], string][] = [
      ['/v2/user/info/', { status: 401 }, 'auth_expired'],
      ['/v2/user/info/', { status: 400, code: 'something_new' }, 'rejected'],
      ['/v2/user/info/', { status: 500, code: 'internal_error' }, 'unavailable'],
      ['/v2/user/info/', { status: 502, rawBody: '<html>Bad Gateway</html>' }, 'unavailable'],
      ['/v2/user/info/', { status: 0, network: true }, 'unavailable'],
      ['/v2/post/publish/video/init/', { status: 500, code: 'internal_error' }, 'unknown_outcome'],
      ['/v2/post/publish/video/init/', { status: 504, rawBody: 'timeout' }, 'unknown_outcome'],
      ['/v2/post/publish/video/init/', { status: 503, rawBody: 'busy' }, 'unavailable'],
      ['/v2/post/publish/video/init/', { status: 0, network: true }, 'unknown_outcome'],
      // A chunk that failed after sending: the last one may have completed the upload.
      ['/video/', { status: 500, rawBody: '' }, 'unknown_outcome'],
      // A known code on a 5xx write may still have started the post.
      ['/v2/post/publish/video/init/', { status: 500, code: 'rate_limit_exceeded' }, 'unknown_outcome'],
    ]
    for (const [path, failure, kind] of cases) {
      fake.fail(path, failure)
      const work =
        path === '/v2/user/info/'
          ? () => connector().verify()
          : () =>
              connector().publish(
                request('x', [video(10, path === '/video/' ? undefined : 'https://m/v.mp4')]),
              )
      expect([path, failure.status, (await caught(work)).kind]).toEqual([path, failure.status, kind])
    }
  })
})

describe('TikTok Login Kit', () => {
  const client: OAuthClient = {
    clientId: 'awtiktokkey',
    clientSecret: 'tiktok-client-secret',
    redirectUri: 'https://warta.example.go.id/api/oauth/callback',
  }

  it('sends the browser to TikTok with the client key, comma-separated scopes and state, without PKCE (web)', () => {
    // Login Kit for Web takes no code challenge (docs/platforms/tiktok.md): the provider declares none, so the
    // app's start route makes no verifier.
    expect(tiktokOAuth.pkce).toBe(false)
    const url = new URL(
      tiktokOAuth.authorizationUrl({
        client,
        state: 'state-123',
        codeChallenge: null,
        scopes: ['user.info.basic', 'video.publish'],
      }),
    )
    expect(url.origin + url.pathname).toBe('https://www.tiktok.com/v2/auth/authorize/')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: 'awtiktokkey',
      scope: 'user.info.basic,video.publish',
      response_type: 'code',
      redirect_uri: client.redirectUri,
      state: 'state-123',
    })
  })

  it('exchanges the code with the client secret, names the account and says which features a grant lacks', async () => {
    const tokens = await tiktokOAuth.exchangeCode({
      client,
      code: 'auth-code',
      codeVerifier: null,
      fetch,
    })
    const form = new URLSearchParams(fake.requests[0]!.body as string)
    expect(form.get('code_verifier')).toBeNull()
    expect(form.get('client_secret')).toBe('tiktok-client-secret')
    expect(form.get('grant_type')).toBe('authorization_code')
    expect(tokens.refreshToken).toBe('rft.rotated-1')
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(7_190_000)
    expect(tokens.refreshExpiresAt!.getTime() - Date.now()).toBeGreaterThan(15_551_000_000)
    expect(tokens.extra).toEqual({ openId: fake.openId })
    const connection = await tiktokOAuth.connectionOf(tokens, fetch)
    expect(connection).toMatchObject({ platformAccountId: fake.openId, handle: 'humas.kotabandung' })
    expect(connection.credentials).toMatchObject({ accessToken: tokens.accessToken, openId: fake.openId })
    expect(missingFeatures(tiktokOAuth, tokens.scopes)).toEqual([])
    expect(missingFeatures(tiktokOAuth, ['user.info.basic', 'video.list'])).toEqual(['publish', 'read'])

    const refused = await caught(() =>
      tiktokOAuth.exchangeCode({ client, code: 'stale-code', codeVerifier: null, fetch }),
    )
    expect([refused.kind, refused.platformCode]).toEqual(['rejected', 'invalid_grant'])
  })

  it('refreshes into a NEW refresh token and the old one is dead afterwards (store the newest atomically)', async () => {
    const first: OAuthTokens = {
      accessToken: 'act.old',
      refreshToken: 'rft.first-refresh-token',
      expiresAt: new Date(),
      refreshExpiresAt: null,
      scopes: [],
      extra: {},
    }
    const second = await tiktokOAuth.refresh({ client, tokens: first, fetch })
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(new URLSearchParams(fake.requests[0]!.body as string).get('grant_type')).toBe('refresh_token')
    const third = await tiktokOAuth.refresh({ client, tokens: second, fetch })
    expect(third.refreshToken).not.toBe(second.refreshToken)
    const reused = await caught(() => tiktokOAuth.refresh({ client, tokens: first, fetch }))
    expect([reused.kind, reused.reason?.key, reused.platformCode]).toEqual([
      'auth_expired',
      'tiktok.token_expired',
      'invalid_grant',
    ])
    fake.fail('/v2/oauth/token/', { status: 503, rawBody: 'busy' })
    expect((await caught(() => tiktokOAuth.refresh({ client, tokens: third, fetch }))).kind).toBe(
      'unavailable',
    )
  })
})

describe('TikTok webhooks', () => {
  const secret = 'tiktok-client-secret'
  const body = JSON.stringify({
    client_key: 'awtiktokkey',
    event: 'video.publish.completed',
    create_time: 1796630400,
    user_openid: '-000OdXGmU6ttUsGmE6t3k7FwJ6oyDmBb1Y0',
    content: '{"share_id":"video.7300000000000000001.abcdef"}',
  })
  const now = new Date('2026-12-07T11:00:00Z')
  const t = Math.floor(now.getTime() / 1000)
  const sign = (raw: string, at = t, key = secret) =>
    `t=${at},s=${createHmac('sha256', key).update(`${at}.${raw}`).digest('hex')}`
  const deliver = (header: string | undefined, raw = body, at = now) =>
    tiktokWebhook.verify(
      {
        method: 'POST',
        query: {},
        headers: header === undefined ? {} : { 'tiktok-signature': header },
        rawBody: new TextEncoder().encode(raw),
      },
      { signingSecret: secret },
      at,
    )

  it('accepts a signed delivery with its time and an id for de-duplication', () => {
    const verdict = deliver(sign(body))
    expect(verdict).toMatchObject({
      kind: 'accepted',
      sentAt: now,
      events: [
        {
          kind: 'ignored',
          accountExternalId: '-000OdXGmU6ttUsGmE6t3k7FwJ6oyDmBb1Y0',
          type: 'video.publish.completed',
        },
      ],
    })
    expect(verdict.kind === 'accepted' && verdict.deliveryId).toBe(
      (deliver(sign(body)) as { deliveryId: string }).deliveryId,
    )
  })

  it('rejects a body changed by one byte, a wrong secret, a missing header and a wrong prefix', () => {
    expect(deliver(sign(body), body.replace('completed', 'completeD'))).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    })
    expect(deliver(sign(body, t, 'another-secret'))).toEqual({ kind: 'rejected', reason: 'bad_signature' })
    expect(deliver(undefined)).toEqual({ kind: 'rejected', reason: 'missing_signature' })
    const hex = sign(body).split('s=')[1]!
    expect(deliver(`sha256=${hex}`)).toEqual({ kind: 'rejected', reason: 'bad_signature' })
    expect(deliver(`t=${t},v1=${hex}`)).toEqual({ kind: 'rejected', reason: 'bad_signature' })
  })

  it('rejects a stale or future t (a replay) even with a good signature, and a signed body that is not JSON', () => {
    expect(deliver(sign(body, t - 301))).toEqual({ kind: 'rejected', reason: 'stale' })
    expect(deliver(sign(body, t + 301))).toEqual({ kind: 'rejected', reason: 'stale' })
    expect(deliver(sign(body, t - 299)).kind).toBe('accepted')
    expect(deliver(sign('not json'), 'not json')).toEqual({ kind: 'rejected', reason: 'malformed' })
  })
})
