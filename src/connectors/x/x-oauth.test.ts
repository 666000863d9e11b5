// Connecting an X account (x-oauth.ts) against msw with every unexpected request failing the test. Fixture
// bodies follow docs.x.com "OAuth 2.0 Authorization Code Flow with PKCE" (token response: token_type, expires_in
// 7200, access_token, scope, refresh_token; errors: {error, error_description}) and "GET /2/users/me".
import { createHash } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isConnectorError } from '../connector.ts'
import { missingFeatures, type OAuthTokens } from '../oauth.ts'
import { X_ME_URL, X_OAUTH, X_TOKEN_URL } from './x-oauth.ts'

const client = {
  clientId: 'cl1ent',
  clientSecret: 's3cret',
  redirectUri: 'https://warta.example.go.id/api/oauth/callback',
}
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ALL_SCOPES = 'tweet.read users.read offline.access tweet.write media.write tweet.moderate.write'

describe('connecting an X account through OAuth 2.0 with PKCE', () => {
  it('sends the browser to X with the S256 challenge, the state and the scopes', () => {
    const verifier = 'v'.repeat(43)
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const url = new URL(
      X_OAUTH.authorizationUrl({
        client,
        state: 'st4te',
        codeChallenge: challenge,
        scopes: X_OAUTH.scopes.publish,
      }),
    )
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/i/oauth2/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cl1ent',
      redirect_uri: client.redirectUri,
      scope: 'tweet.read users.read offline.access tweet.write media.write',
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })
    expect(url.search).toContain(
      'scope=tweet.read%20users.read%20offline.access%20tweet.write%20media.write&',
    )
    expect(X_OAUTH.pkce).toBe('S256')
  })

  it('exchanges the code with the verifier as a confidential client and reads the expiry from expires_in', async () => {
    let form: URLSearchParams | undefined
    let auth: string | null = null
    server.use(
      http.post(X_TOKEN_URL, async ({ request }) => {
        form = new URLSearchParams(await request.text())
        auth = request.headers.get('authorization')
        return HttpResponse.json({
          token_type: 'bearer',
          expires_in: 7200,
          access_token: 'acc-1',
          scope: ALL_SCOPES,
          refresh_token: 'ref-1',
        })
      }),
    )
    const before = Date.now()
    const tokens = await X_OAUTH.exchangeCode({ client, code: 'c0de', codeVerifier: 'verif', fetch })
    expect(Object.fromEntries(form!)).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      redirect_uri: client.redirectUri,
      code_verifier: 'verif',
      client_id: 'cl1ent',
    })
    expect(auth).toBe(`Basic ${Buffer.from('cl1ent:s3cret').toString('base64')}`)
    expect(tokens).toMatchObject({ accessToken: 'acc-1', refreshToken: 'ref-1', refreshExpiresAt: null })
    expect(tokens.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(7200_000)
    expect(tokens.expiresAt!.getTime() - before).toBeLessThan(7260_000)
    expect(missingFeatures(X_OAUTH, tokens.scopes)).toEqual(['direct_messages'])
  })

  it('refreshes with the refresh token and keeps the new one X hands back', async () => {
    let form: URLSearchParams | undefined
    server.use(
      http.post(X_TOKEN_URL, async ({ request }) => {
        form = new URLSearchParams(await request.text())
        return HttpResponse.json({
          token_type: 'bearer',
          expires_in: 7200,
          access_token: 'acc-2',
          scope: ALL_SCOPES,
          refresh_token: 'ref-2',
        })
      }),
    )
    const old: OAuthTokens = {
      accessToken: 'acc-1',
      refreshToken: 'ref-1',
      expiresAt: new Date(),
      refreshExpiresAt: null,
      scopes: ALL_SCOPES.split(' '),
      extra: {},
    }
    const tokens = await X_OAUTH.refresh({ client, tokens: old, fetch })
    expect(form?.get('grant_type')).toBe('refresh_token')
    expect(form?.get('refresh_token')).toBe('ref-1')
    expect(tokens).toMatchObject({ accessToken: 'acc-2', refreshToken: 'ref-2' })
  })

  it('says auth_expired when X refuses the refresh token, or there is none', async () => {
    server.use(
      http.post(X_TOKEN_URL, () =>
        HttpResponse.json(
          { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' },
          { status: 400 },
        ),
      ),
    )
    const tokens: OAuthTokens = {
      accessToken: 'a',
      refreshToken: 'dead',
      expiresAt: null,
      refreshExpiresAt: null,
      scopes: [],
      extra: {},
    }
    for (const refreshToken of ['dead', null]) {
      const error = await X_OAUTH.refresh({ client, tokens: { ...tokens, refreshToken }, fetch }).catch(
        (e: unknown) => e,
      )
      expect(isConnectorError(error) && [error.kind, error.reason?.key]).toEqual([
        'auth_expired',
        'x.token_expired',
      ])
    }
  })

  it('says who the account is and builds the connector credentials from the tokens', async () => {
    server.use(
      http.get(X_ME_URL.split('?')[0]!, ({ request }) =>
        request.headers.get('authorization') === 'Bearer acc-1'
          ? HttpResponse.json({ data: { id: '2244994945', name: 'Humas Kota', username: 'humaskota' } })
          : HttpResponse.json({ title: 'Unauthorized', status: 401 }, { status: 401 }),
      ),
    )
    const expiresAt = new Date('2026-12-07T10:00:00Z')
    const connection = await X_OAUTH.connectionOf(
      { accessToken: 'acc-1', refreshToken: 'r', expiresAt, refreshExpiresAt: null, scopes: [], extra: {} },
      fetch,
    )
    expect(connection).toEqual({
      platformAccountId: '2244994945',
      handle: 'humaskota',
      displayName: 'Humas Kota',
      credentials: {
        accessToken: 'acc-1',
        userId: '2244994945',
        username: 'humaskota',
        expiresAt: expiresAt.toISOString(),
      },
    })
    const refused = await X_OAUTH.connectionOf(
      {
        accessToken: 'other',
        refreshToken: null,
        expiresAt: null,
        refreshExpiresAt: null,
        scopes: [],
        extra: {},
      },
      fetch,
    ).catch((e: unknown) => e)
    expect(isConnectorError(refused) && refused.kind).toBe('auth_expired')
  })
})
