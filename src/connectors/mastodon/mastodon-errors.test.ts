// Every row of the Mastodon error table (mastodon-errors.ts), driven through the real client and the connector
// against msw answers shaped like Mastodon's (the Error entity, X-RateLimit-* headers), plus the failures without
// an answer. A read goes through verify(), a write through publish(): the same answer means different things.
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isConnectorError, type ConnectorContext, type ConnectorError } from '../connector.ts'
import { errorJson, INSTANCE } from './fixtures/entities.ts'
import { TOKEN } from './fixtures/fake-instance.ts'
import { ERROR_TABLE, toConnectorError } from './mastodon-errors.ts'
import { createMastodonConnectorFactory } from './mastodon-connector.ts'

const NOW = new Date('2026-12-07T03:00:00.000Z')
const RESET = '2026-12-07T03:04:10.000Z'
const server = setupServer()
const factory = createMastodonConnectorFactory({ timeoutMs: 200 })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const context: ConnectorContext = {
  account: { handle: 'humas@social.example.go.id', platformAccountId: null },
  credentials: { instanceUrl: INSTANCE, accessToken: TOKEN },
  saveCredentials: () => Promise.resolve(),
  now: () => NOW,
}

const rateHeaders = (remaining: number) => ({
  'X-RateLimit-Limit': '300',
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Reset': RESET,
})

type Effect = 'read' | 'write'

function answer(effect: Effect, respond: () => Response | Promise<Response>) {
  server.use(
    effect === 'read'
      ? http.get(`${INSTANCE}/api/v1/accounts/verify_credentials`, respond)
      : http.post(`${INSTANCE}/api/v1/statuses`, respond),
  )
}

async function failure(effect: Effect): Promise<ConnectorError> {
  const connector = factory(context)
  try {
    if (effect === 'read') await connector.verify()
    else await connector.publish({ idempotencyKey: 'k-1', text: 'Pengumuman layanan.', media: [] })
  } catch (error) {
    if (isConnectorError(error)) return error
    throw error
  }
  return expect.fail('expected a ConnectorError')
}

interface Case {
  row: string
  effect: Effect
  status: number
  body: ReturnType<typeof errorJson>
  headers?: Record<string, string>
  kind: ConnectorError['kind']
  key: string
}

const CASES: Case[] = [
  {
    row: '401 token invalid or revoked',
    effect: 'read',
    status: 401,
    body: errorJson('The access token is invalid'),
    kind: 'auth_expired',
    key: 'mastodon.token_invalid',
  },
  {
    row: '403 outside the authorized scopes',
    effect: 'write',
    status: 403,
    body: errorJson('This action is outside the authorized scopes'),
    kind: 'auth_expired',
    key: 'mastodon.scope_missing',
  },
  {
    row: '403 login disabled, suspended or unconfirmed',
    effect: 'read',
    status: 403,
    body: errorJson('Your login is currently disabled'),
    kind: 'auth_expired',
    key: 'mastodon.account_disabled',
  },
  {
    row: '403 other',
    effect: 'write',
    status: 403,
    body: errorJson('This action is not allowed'),
    kind: 'rejected',
    key: 'mastodon.forbidden',
  },
  {
    row: '404 or 410 record not found',
    effect: 'write',
    status: 404,
    body: errorJson('Record not found'),
    kind: 'rejected',
    key: 'mastodon.status_not_found',
  },
  {
    row: '404 or 410 record not found',
    effect: 'read',
    status: 410,
    body: errorJson('Gone'),
    kind: 'rejected',
    key: 'mastodon.status_not_found',
  },
  {
    row: '413 media too large',
    effect: 'write',
    status: 413,
    body: errorJson('File is too large'),
    kind: 'rejected',
    key: 'mastodon.media_too_large',
  },
  {
    row: '422 media not finished processing',
    effect: 'write',
    status: 422,
    body: errorJson('Cannot attach files that have not finished processing. Try again in a moment!'),
    kind: 'unavailable',
    key: 'mastodon.media_processing',
  },
  {
    row: '422 character limit exceeded',
    effect: 'write',
    status: 422,
    body: errorJson('Validation failed: Text character limit of 500 exceeded'),
    kind: 'rejected',
    key: 'mastodon.text_over_limit',
  },
  {
    row: '422 other validation failure',
    effect: 'write',
    status: 422,
    body: errorJson('Validation failed: Text can’t be blank'),
    kind: 'rejected',
    key: 'mastodon.validation_failed',
  },
  {
    row: '429 rate limited',
    effect: 'write',
    status: 429,
    body: errorJson('Too many requests'),
    headers: rateHeaders(0),
    kind: 'rate_limited',
    key: 'mastodon.rate_limited',
  },
  {
    row: '503, or another 5xx to a read: not taken, try later',
    effect: 'write',
    status: 503,
    body: errorJson('Service Unavailable'),
    kind: 'unavailable',
    key: 'mastodon.unavailable',
  },
  {
    row: '503, or another 5xx to a read: not taken, try later',
    effect: 'read',
    status: 500,
    body: errorJson('Internal Server Error'),
    kind: 'unavailable',
    key: 'mastodon.unavailable',
  },
  {
    row: '5xx to a write: may have been made',
    effect: 'write',
    status: 500,
    body: errorJson('Internal Server Error'),
    kind: 'unknown_outcome',
    key: 'mastodon.unknown_outcome',
  },
  {
    row: '5xx to a write: may have been made',
    effect: 'write',
    status: 502,
    body: errorJson('Bad Gateway'),
    kind: 'unknown_outcome',
    key: 'mastodon.unknown_outcome',
  },
  {
    row: 'any other 4xx',
    effect: 'write',
    status: 409,
    body: errorJson('Conflict'),
    kind: 'rejected',
    key: 'mastodon.validation_failed',
  },
]

describe('the Mastodon error table', () => {
  it('has a test for every row', () => {
    expect(new Set(CASES.map((c) => c.row))).toEqual(new Set(ERROR_TABLE.map((row) => row.name)))
  })

  it.each(CASES)('$row: $status to a $effect is $kind ($key)', async (c) => {
    answer(c.effect, () =>
      HttpResponse.json(c.body, { status: c.status, headers: { ...rateHeaders(120), ...c.headers } }),
    )
    const error = await failure(c.effect)
    expect({ kind: error.kind, key: error.reason?.key }).toEqual({ kind: c.kind, key: c.key })
    expect(error.platformCode).toBe(String(c.status))
    expect(error.platformMessage).toContain(c.body.error)
  })

  it('waits for X-RateLimit-Reset on a 429, and one five-minute window without it', async () => {
    answer('write', () =>
      HttpResponse.json(errorJson('Too many requests'), { status: 429, headers: rateHeaders(0) }),
    )
    const limited = await failure('write')
    expect(limited.retryAt?.toISOString()).toBe(RESET)
    expect(limited.rateLimitScope).toBe('account')
    expect(limited.reason?.params).toEqual({ retryAt: RESET })

    answer('read', () =>
      HttpResponse.json(errorJson('Too many requests'), { status: 429, headers: { 'Retry-After': '30' } }),
    )
    expect((await failure('read')).retryAt?.toISOString()).toBe('2026-12-07T03:00:30.000Z')

    answer('read', () => HttpResponse.json(errorJson('Too many requests'), { status: 429 }))
    expect((await failure('read')).retryAt?.toISOString()).toBe('2026-12-07T03:05:00.000Z')
  })

  it('reads the platform’s description beside its error', async () => {
    answer('read', () =>
      HttpResponse.json(errorJson('invalid_token', 'The access token was revoked'), { status: 401 }),
    )
    expect((await failure('read')).platformMessage).toBe('invalid_token: The access token was revoked')
  })

  it.each([
    ['read', 'unavailable'],
    ['write', 'unknown_outcome'],
  ] as const)('a proxy’s HTML error page to a %s is %s', async (effect, kind) => {
    answer(
      effect,
      () =>
        new HttpResponse('<html>502 Bad Gateway</html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    )
    expect((await failure(effect)).kind).toBe(kind)
  })

  it.each([
    ['read', 'unavailable'],
    ['write', 'unknown_outcome'],
  ] as const)('a request that timed out, as a %s, is %s', async (effect, kind) => {
    answer(effect, async () => {
      await delay(2_000)
      return HttpResponse.json({})
    })
    expect((await failure(effect)).kind).toBe(kind)
  })

  it('a failed connection to a write is unknown_outcome, unless it provably never left (unavailable)', async () => {
    answer('write', () => HttpResponse.error())
    expect((await failure('write')).kind).toBe('unknown_outcome')
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
    })
    expect(toConnectorError(refused, 'write', NOW).kind).toBe('unavailable')
    expect(toConnectorError(refused, 'read', NOW).kind).toBe('unavailable')
  })
})
