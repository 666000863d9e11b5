// A fake OAuth platform for the app side of issue #8: a small local HTTP server acting as the platform's authorize,
// token and "who am I" endpoints, an OAuthProvider that speaks to it (as a platform folder's would, through the
// fetch it is handed), a WebhookVerifier with an HMAC signature, and the ConnectorDefinition the tests register
// through the registry's overrides (production DEFINITIONS never see it).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConnectorError, type Connector } from '../../src/connectors/connector.ts'
import {
  CHOSEN_ACCOUNT,
  type OAuthAccountOption,
  type OAuthConnection,
  type OAuthProvider,
  type OAuthTokens,
  type PkceMethod,
} from '../../src/connectors/oauth.ts'
import type { ConnectorDefinition, DefinitionOverrides } from '../../src/connectors/registry.ts'
import type { WebhookVerifier } from '../../src/connectors/webhook.ts'
import { SANDBOX_CAPABILITIES } from '../../src/connectors/sandbox/sandbox-connector.ts'

export const FAKE_SCOPES = {
  publish: ['post.write'],
  read: ['post.read'],
  reply: ['post.write'],
  moderate: ['comment.moderate'],
  metrics: ['stats.read'],
  direct_messages: ['dm.read'],
} as const

export interface FakePlatformOptions {
  /** The scopes the platform grants (default: all asked). */
  grant?: readonly string[]
  /** Seconds the access token lives. */
  expiresIn?: number
  /** Seconds the refresh token lives (null: no limit said). */
  refreshExpiresIn?: number | null
  now?: () => Date
  /** How the platform wants its PKCE challenge (default 'S256'); the provider declares the same. */
  pkce?: PkceMethod
  /**
   * Make the login manage several accounts, as a Facebook Login manages Pages: the provider then lists them
   * (accountOptions, from GET /me/accounts) and connects the chosen one with its own token.
   */
  pages?: FakePage[]
}

export interface FakePage {
  id: string
  name: string
  username?: string
  category?: string
  /** Whether the person may post on it (Facebook's CREATE_CONTENT task); default true. */
  postable?: boolean
}

export interface FakePlatform {
  baseUrl: string
  /** The account the platform says the tokens belong to. */
  user: { id: string; username: string; name: string }
  options: FakePlatformOptions
  /** The refresh tokens that still work (rotated on every refresh). */
  liveRefreshTokens: Set<string>
  /** The accounts the login manages (options.pages; change it between tests), or null for a one-account login. */
  pages: FakePage[] | null
  tokenRequests: Array<Record<string, string>>
  close(): Promise<void>
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

export async function startFakePlatform(options: FakePlatformOptions = {}): Promise<FakePlatform> {
  const codes = new Map<string, { challenge: string | null; scope: string; redirectUri: string }>()
  const accessTokens = new Set<string>()
  let counter = 0
  const platform: FakePlatform = {
    baseUrl: '',
    user: {
      id: `fake-${Math.random().toString(36).slice(2, 10)}`,
      username: 'humas.fake',
      name: 'Humas Fake',
    },
    options,
    liveRefreshTokens: new Set(),
    pages: options.pages ?? null,
    tokenRequests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const issue = (scope: string) => {
    counter++
    const access = `at-${counter}-${Math.random().toString(36).slice(2)}`
    const refresh = `rt-${counter}-${Math.random().toString(36).slice(2)}`
    accessTokens.add(access)
    platform.liveRefreshTokens.add(refresh)
    return {
      access_token: access,
      refresh_token: refresh,
      expires_in: options.expiresIn ?? 3600,
      ...(options.refreshExpiresIn === null
        ? {}
        : { refresh_expires_in: options.refreshExpiresIn ?? 30 * 86400 }),
      scope,
    }
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.method === 'GET' && url.pathname === '/authorize') {
      // Consent is given at once: back to the app with a code.
      const asked = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean)
      const granted = options.grant ? asked.filter((scope) => options.grant!.includes(scope)) : asked
      const code = `code-${Math.random().toString(36).slice(2)}`
      const redirectUri = url.searchParams.get('redirect_uri') ?? ''
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge'),
        scope: granted.join(' '),
        redirectUri,
      })
      const back = new URL(redirectUri)
      back.searchParams.set('code', code)
      back.searchParams.set('state', url.searchParams.get('state') ?? '')
      res.writeHead(302, { location: back.toString() })
      res.end()
      return
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        const form = Object.fromEntries(new URLSearchParams(body))
        platform.tokenRequests.push(form)
        if (form.client_id !== 'fake-client' || form.client_secret !== 'fake-secret')
          return json(res, 401, { error: 'invalid_client' })
        if (form.grant_type === 'authorization_code') {
          const pending = codes.get(form.code ?? '')
          codes.delete(form.code ?? '')
          if (!pending) return json(res, 400, { error: 'invalid_grant' })
          // The platform's own check of the verifier against the challenge, in the encoding it documents.
          const method = options.pkce ?? 'S256'
          const challenge =
            method === false
              ? null
              : createHash('sha256')
                  .update(form.code_verifier ?? '')
                  .digest(method === 'S256-hex' ? 'hex' : 'base64url')
          if (pending.challenge !== challenge) return json(res, 400, { error: 'invalid_grant', why: 'pkce' })
          return json(res, 200, issue(pending.scope))
        }
        if (form.grant_type === 'refresh_token') {
          if (!platform.liveRefreshTokens.delete(form.refresh_token ?? ''))
            return json(res, 400, { error: 'invalid_grant' })
          return json(res, 200, issue(form.scope ?? ''))
        }
        return json(res, 400, { error: 'unsupported_grant_type' })
      })
      return
    }
    if (req.method === 'GET' && url.pathname === '/me') {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      if (!accessTokens.has(token)) return json(res, 401, { error: 'invalid_token' })
      return json(res, 200, platform.user)
    }
    if (req.method === 'GET' && url.pathname === '/me/accounts') {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      if (!accessTokens.has(token)) return json(res, 401, { error: 'invalid_token' })
      return json(res, 200, {
        data: (platform.pages ?? []).map((page) => ({
          ...page,
          ...(page.postable === false ? {} : { access_token: `page-token-${page.id}` }),
        })),
      })
    }
    json(res, 404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  platform.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return platform
}

interface TokenAnswer {
  access_token: string
  refresh_token?: string
  expires_in?: number
  refresh_expires_in?: number
  scope?: string
  error?: string
}

/** The OAuthProvider a platform folder would write, against the fake platform. */
export function fakeOAuthProvider(platformName: string, fake: FakePlatform): OAuthProvider {
  const now = () => fake.options.now?.() ?? new Date()
  const tokensOf = (answer: TokenAnswer): OAuthTokens => ({
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? null,
    expiresAt: answer.expires_in ? new Date(now().getTime() + answer.expires_in * 1000) : null,
    refreshExpiresAt: answer.refresh_expires_in
      ? new Date(now().getTime() + answer.refresh_expires_in * 1000)
      : null,
    scopes: (answer.scope ?? '').split(' ').filter(Boolean),
    extra: {},
  })
  const tokenRequest = async (http: typeof fetch, form: Record<string, string>) => {
    const response = await http(`${fake.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    const answer = (await response.json()) as TokenAnswer
    if (response.status === 400 || response.status === 401)
      throw new ConnectorError('auth_expired', answer.error ?? 'refused', { platformCode: answer.error })
    if (!response.ok) throw new ConnectorError('unavailable', `token endpoint ${response.status}`)
    return tokensOf(answer)
  }
  const pagesOf = async (tokens: OAuthTokens, http: typeof fetch) => {
    const response = await http(`${fake.baseUrl}/me/accounts`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    })
    if (response.status === 401) throw new ConnectorError('auth_expired', 'token refused')
    const answer = (await response.json()) as { data: (FakePage & { access_token?: string })[] }
    return answer.data.filter((page): page is FakePage & { access_token: string } =>
      Boolean(page.access_token),
    )
  }
  const optionOf = (page: FakePage): OAuthAccountOption => ({
    platformAccountId: page.id,
    name: page.name,
    handle: page.username ?? null,
    category: page.category ?? null,
    url: `https://www.facebook.com/${page.username ?? page.id}`,
  })
  return {
    platform: platformName,
    get pkce() {
      return fake.options.pkce ?? 'S256'
    },
    scopes: FAKE_SCOPES,
    authorizationUrl({ client, state, codeChallenge, scopes }) {
      const url = new URL(`${fake.baseUrl}/authorize`)
      url.searchParams.set('client_id', client.clientId)
      url.searchParams.set('redirect_uri', client.redirectUri)
      url.searchParams.set('state', state)
      url.searchParams.set('scope', scopes.join(' '))
      if (codeChallenge) {
        url.searchParams.set('code_challenge', codeChallenge)
        url.searchParams.set('code_challenge_method', 'S256')
      }
      return url.toString()
    },
    exchangeCode: ({ client, code, codeVerifier, fetch: http }) =>
      tokenRequest(http, {
        grant_type: 'authorization_code',
        code,
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uri: client.redirectUri,
      }),
    refresh: ({ client, tokens, fetch: http }) =>
      tokenRequest(http, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken ?? '',
        scope: tokens.scopes.join(' '),
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    ...(fake.pages
      ? { accountOptions: async (tokens, http) => (await pagesOf(tokens, http)).map(optionOf) }
      : {}),
    async connectionOf(tokens, http): Promise<OAuthConnection> {
      if (fake.pages) {
        const pages = await pagesOf(tokens, http)
        const wanted = tokens.extra[CHOSEN_ACCOUNT]
        const page = wanted
          ? pages.find((item) => item.id === wanted)
          : pages.length === 1
            ? pages[0]
            : undefined
        if (!page) throw new ConnectorError('rejected', 'no chosen page this login may post on')
        return {
          platformAccountId: page.id,
          handle: page.username ?? page.id,
          displayName: page.name,
          credentials: { pageId: page.id, pageAccessToken: page.access_token },
        }
      }
      const response = await http(`${fake.baseUrl}/me`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      })
      if (response.status === 401) throw new ConnectorError('auth_expired', 'token refused')
      const me = (await response.json()) as { id: string; username: string; name: string }
      return {
        platformAccountId: me.id,
        handle: me.username,
        displayName: me.name,
        credentials: { accessToken: tokens.accessToken },
      }
    },
  }
}

/** HMAC-SHA256 of the raw body under the signing secret, `sha256=<hex>` in x-fake-signature. */
export function fakeSignature(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

export const fakeWebhookVerifier = (platformName: string): WebhookVerifier => ({
  platform: platformName,
  verify(request, secrets) {
    if (request.method === 'GET') {
      if (request.query['verify_token'] !== secrets.verifyToken)
        return { kind: 'rejected', reason: 'bad_verify_token' }
      return {
        kind: 'handshake',
        status: 200,
        contentType: 'text/plain',
        body: request.query['challenge'] ?? '',
      }
    }
    const signature = request.headers['x-fake-signature']
    if (!signature) return { kind: 'rejected', reason: 'missing_signature' }
    const expected = Buffer.from(fakeSignature(secrets.signingSecret, request.rawBody))
    const sent = Buffer.from(signature)
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
      return { kind: 'rejected', reason: 'bad_signature' }
    let parsed: { account?: string; id?: string; text?: string }
    try {
      parsed = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as typeof parsed
    } catch {
      return { kind: 'rejected', reason: 'malformed' }
    }
    const sentAtHeader = request.headers['x-fake-timestamp']
    return {
      kind: 'accepted',
      deliveryId:
        request.headers['x-fake-delivery'] ?? createHash('sha256').update(request.rawBody).digest('hex'),
      sentAt: sentAtHeader ? new Date(Number(sentAtHeader) * 1000) : null,
      events: [
        {
          kind: 'interaction',
          accountExternalId: parsed.account ?? '',
          interaction: {
            externalId: parsed.id ?? 'c1',
            kind: 'comment',
            author: { externalId: 'w1', handle: 'warga', displayName: 'Warga' },
            text: parsed.text ?? '',
            createdAt: new Date(0),
            url: null,
            parentExternalId: null,
            rootExternalId: null,
          },
        },
      ],
    }
  },
})

function unusedConnector(): Connector {
  return new Proxy({} as Connector, {
    get: () => () => Promise.reject(new ConnectorError('rejected', 'the fake platform publishes nothing')),
  })
}

/** The fake platform's definition under a real platform name (its registry entry is replaced in the test only). */
export function fakeDefinitions(platformName: string, fake: FakePlatform): DefinitionOverrides {
  const definition: ConnectorDefinition = {
    platform: platformName,
    capabilities: SANDBOX_CAPABILITIES,
    factory: () => () => unusedConnector(),
    oauth: fakeOAuthProvider(platformName, fake),
    webhook: fakeWebhookVerifier(platformName),
  }
  return new Map([[platformName, definition]])
}
