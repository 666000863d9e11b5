// Every row of the X error table (x-errors.ts), through the connector's real HTTP path (twitter-api-v2 over
// node:https) against msw with every unexpected request failing the test. Fixture bodies follow docs.x.com
// "Error codes and responses" (v2 problem objects: title / detail / type / status; v1.1 `errors[{code,message}]`),
// "Rate limits" (x-rate-limit-limit / -remaining / -reset, x-app-limit-24hour-*) and "Media upload" (STATUS
// processing_info with state "failed").
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isConnectorError, type ConnectorError } from '../connector.ts'
import { XConnector } from './x-connector.ts'
import { DEFAULT_RATE_LIMIT_WAIT_MS } from './x-errors.ts'

const API = 'https://api.x.com/2'
const NOW = new Date('2026-12-07T08:00:00Z')
const RESET = Math.floor(NOW.getTime() / 1000) + 900

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function connector(): XConnector {
  return new XConnector({
    account: { handle: '@humaskota', platformAccountId: '2244994945' },
    credentials: { accessToken: 'token' },
    saveCredentials: () => Promise.resolve(),
    now: () => NOW,
  })
}

async function failure(work: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await work()
  } catch (error) {
    if (isConnectorError(error)) return error
    throw error
  }
  return expect.fail('expected a ConnectorError')
}

const problem = (status: number, title: string, detail: string, type = 'about:blank', extra = {}) =>
  HttpResponse.json({ title, detail, type, status, ...extra }, { status })

/** A write (a reply: POST /2/tweets, never reconciled) answered with the response. */
const write = (response: () => Response) => {
  server.use(http.post(`${API}/tweets`, response))
  return failure(() => connector().reply({ externalId: '1', rootExternalId: null }, 'Terima kasih'))
}
/** A read (GET /2/tweets for metrics) answered with the response. */
const read = (response: () => Response) => {
  server.use(http.get(`${API}/tweets`, response))
  return failure(() => connector().fetchMetrics(['1']))
}

describe('the X error table', () => {
  it('401 → auth_expired', async () => {
    const error = await read(() => problem(401, 'Unauthorized', 'Unauthorized'))
    expect([error.kind, error.reason?.key, error.platformCode]).toEqual([
      'auth_expired',
      'x.token_expired',
      '401',
    ])
  })

  it('v1.1 code 89 (invalid or expired token) → auth_expired', async () => {
    const error = await read(() =>
      HttpResponse.json({ errors: [{ code: 89, message: 'Invalid or expired token.' }] }, { status: 400 }),
    )
    expect([error.kind, error.platformCode]).toEqual(['auth_expired', '89'])
  })

  it('403 unsupported-authentication (a scope not granted) → auth_expired with x.scope_missing', async () => {
    const error = await write(() =>
      problem(
        403,
        'Unsupported Authentication',
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
        'https://api.twitter.com/2/problems/unsupported-authentication',
      ),
    )
    expect([error.kind, error.reason?.key]).toEqual(['auth_expired', 'x.scope_missing'])
  })

  it('403 client-forbidden (app not in a Project) → rejected with x.app_forbidden', async () => {
    const error = await read(() =>
      problem(
        403,
        'Client Forbidden',
        'This request must be made using an approved developer account that is enrolled in the requested endpoint.',
        'https://api.twitter.com/2/problems/client-forbidden',
        { reason: 'client-not-enrolled', client_id: '123' },
      ),
    )
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.app_forbidden'])
  })

  it('403 duplicate content → rejected with x.duplicate_content', async () => {
    const error = await write(() =>
      problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'),
    )
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.duplicate_content'])
  })

  it('v1.1 code 187 (status is a duplicate) → rejected with x.duplicate_content', async () => {
    const error = await write(() =>
      HttpResponse.json({ errors: [{ code: 187, message: 'Status is a duplicate.' }] }, { status: 403 }),
    )
    expect([error.kind, error.reason?.key, error.platformCode]).toEqual([
      'rejected',
      'x.duplicate_content',
      '187',
    ])
  })

  it('403 on hiding a reply in a conversation the account did not start → rejected', async () => {
    server.use(
      http.put(`${API}/tweets/:id/hidden`, () =>
        problem(403, 'Forbidden', 'You cannot hide or unhide replies to conversations you did not start.'),
      ),
    )
    const error = await failure(() => connector().hideReply('77'))
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.hide_not_own_conversation'])
  })

  it('another 403 → rejected with x.not_permitted', async () => {
    const error = await write(() =>
      problem(403, 'Forbidden', 'You are not permitted to perform this action.'),
    )
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.not_permitted'])
  })

  it('402 (pay-per-use credits used up) → rejected with x.credits_depleted', async () => {
    const error = await write(() =>
      problem(
        402,
        'CreditsDepleted',
        'Your enrolled account does not have any credits to fulfill this request.',
      ),
    )
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.credits_depleted'])
  })

  it('404 → rejected with x.post_not_found', async () => {
    server.use(
      http.delete(`${API}/tweets/:id`, () =>
        problem(
          404,
          'Not Found Error',
          'Could not find tweet with id: [1].',
          'https://api.twitter.com/2/problems/resource-not-found',
        ),
      ),
    )
    const error = await failure(() => connector().deletePost('1'))
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.post_not_found'])
  })

  it('400 invalid request → rejected with x.request_invalid and X’s words kept for the log', async () => {
    const error = await write(() =>
      HttpResponse.json(
        {
          errors: [{ message: 'Your media IDs are invalid.' }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
        { status: 400 },
      ),
    )
    expect([error.kind, error.reason?.key]).toEqual(['rejected', 'x.request_invalid'])
    expect(error.platformMessage).toContain('Your media IDs are invalid.')
  })

  it('429 → rate_limited until x-rate-limit-reset, for this account', async () => {
    const error = await write(() =>
      HttpResponse.json(
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        {
          status: 429,
          headers: {
            'x-rate-limit-limit': '100',
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(RESET),
          },
        },
      ),
    )
    expect([error.kind, error.retryAt?.getTime(), error.rateLimitScope]).toEqual([
      'rate_limited',
      RESET * 1000,
      'account',
    ])
    expect(error.reason).toEqual({
      key: 'x.rate_limited',
      params: { retryAt: new Date(RESET * 1000).toISOString() },
    })
  })

  it('429 with the app’s 24-hour limit spent → rate_limited for every account until its reset', async () => {
    const dayReset = RESET + 20_000
    const error = await write(() =>
      HttpResponse.json(
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        {
          status: 429,
          headers: {
            'x-rate-limit-reset': String(RESET),
            'x-app-limit-24hour-limit': '10000',
            'x-app-limit-24hour-remaining': '0',
            'x-app-limit-24hour-reset': String(dayReset),
          },
        },
      ),
    )
    expect([error.kind, error.retryAt?.getTime(), error.rateLimitScope]).toEqual([
      'rate_limited',
      dayReset * 1000,
      'platform',
    ])
  })

  it('429 without headers → rate_limited for the default window', async () => {
    const error = await read(() => HttpResponse.json({ title: 'Too Many Requests' }, { status: 429 }))
    expect(error.retryAt?.getTime()).toBe(NOW.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS)
  })

  it('503 to a write → unavailable (X did not take it)', async () => {
    const error = await write(() => problem(503, 'Service Unavailable', 'Service Unavailable'))
    expect([error.kind, error.reason?.key]).toEqual(['unavailable', 'x.unavailable'])
  })

  it('500 to a read → unavailable', async () => {
    const error = await read(() => problem(500, 'Internal Server Error', 'Internal Server Error'))
    expect(error.kind).toBe('unavailable')
  })

  it('500 to a write → unknown_outcome (the post may exist: reconcile, never resend)', async () => {
    const error = await write(() => problem(500, 'Internal Server Error', 'Internal Server Error'))
    expect([error.kind, error.reason?.key]).toEqual(['unknown_outcome', 'x.unknown_outcome'])
  })

  it('no answer to a write → unknown_outcome; no answer to a read → unavailable', async () => {
    expect((await write(() => HttpResponse.error())).kind).toBe('unknown_outcome')
    expect((await read(() => HttpResponse.error())).kind).toBe('unavailable')
  })

  it('a video X failed to process → rejected with x.media_rejected', async () => {
    server.use(
      http.post(`${API}/media/upload/initialize`, () =>
        HttpResponse.json({
          data: { id: '1880028106020515840', media_key: '7_1880028106020515840', expires_after_secs: 86400 },
        }),
      ),
      http.post(`${API}/media/upload/:id/append`, () =>
        HttpResponse.json({ data: { expires_at: 1767225600 } }),
      ),
      http.post(`${API}/media/upload/:id/finalize`, () =>
        HttpResponse.json({
          data: {
            id: '1880028106020515840',
            media_key: '7_1880028106020515840',
            size: 4,
            expires_after_secs: 86400,
            processing_info: { state: 'pending', check_after_secs: 1 },
          },
        }),
      ),
      http.get(`${API}/media/upload`, () =>
        HttpResponse.json({
          data: {
            id: '1880028106020515840',
            media_key: '7_1880028106020515840',
            processing_info: {
              state: 'failed',
              progress_percent: 100,
              error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
            },
          },
        }),
      ),
    )
    const bytes = new Uint8Array([0, 0, 0, 24])
    const error = await failure(() =>
      connector().publish({
        idempotencyKey: 'k',
        text: 'Video',
        media: [
          {
            kind: 'video',
            mimeType: 'video/mp4',
            read: () => Promise.resolve(bytes),
            byteLength: 4,
            altText: '',
          },
        ],
      }),
    )
    expect([error.kind, error.reason]).toEqual([
      'rejected',
      { key: 'x.media_rejected', params: { detail: 'Unsupported video format' } },
    ])
  })
})

describe('the HTTP mock', () => {
  it('lets no request through that no handler answers', async () => {
    const error = await failure(() => connector().fetchMetrics(['1']))
    expect(error.kind).toBe('unavailable')
    expect(error.platformMessage).toBe('Request failed.')
  })
})
