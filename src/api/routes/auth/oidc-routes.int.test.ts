// Single sign-on against a real OpenID provider (the certified oidc-provider package) started on 127.0.0.1.
// The browser is played by fetch with a small cookie jar: provider login form, consent form, redirect back.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Provider from 'oidc-provider'
import { buildApp } from '../../app.ts'
import type { AppContext } from '../../../context.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { generateTotpSecret, totpCodeAt } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

const PUBLIC_URL = 'http://warta.test'
const CLIENT_ID = 'warta'
const CLIENT_SECRET = 'rahasia-klien-warta-untuk-uji-saja'

/** Provider accounts: login name → claims. */
const accounts = new Map<string, { email: string; email_verified: boolean; name: string }>()
let server: Server
let issuer: string

beforeAll(async () => {
  const target: { handle?: ReturnType<Provider['callback']> } = {}
  server = createServer((req, res) => target.handle!(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${PUBLIC_URL}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['kunci-cookie-penyedia-uji'] },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub)
      if (!account) return undefined
      return { accountId: sub, claims: async () => ({ sub, ...account }) }
    },
  })
  target.handle = provider.callback()
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

class Browser {
  private readonly jar = new Map<string, string>()
  remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair!.indexOf('=')
      this.jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1))
    }
  }
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    })
    this.remember(response)
    return response
  }
}

/** Follows the provider's redirects and submits its login and consent forms until it sends the browser back to Warta. */
async function authenticateAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const browser = new Browser()
  let url = authorizationUrl
  for (let step = 0; step < 12; step += 1) {
    const response = await browser.fetch(url)
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url).href
      if (next.startsWith(PUBLIC_URL)) return next
      url = next
      continue
    }
    const html = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1]
    if (!action || !prompt)
      throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`)
    const form = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'apa-saja' } : { prompt },
    )
    const submitted = await browser.fetch(new URL(action.replace(/&amp;/g, '&'), url).href, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    if (submitted.status < 300 || submitted.status >= 400)
      throw new Error(`form ${prompt} answered ${submitted.status}`)
    url = new URL(submitted.headers.get('location')!, url).href
  }
  throw new Error('provider never redirected back')
}

async function oidcApp() {
  const shared = await getTestContext()
  const config = testConfig({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    WARTA_PUBLIC_URL: PUBLIC_URL,
  })
  const ctx: AppContext = { ...shared, config }
  return { ctx, app: await buildApp(ctx) }
}

async function ssoLogin(app: Awaited<ReturnType<typeof buildApp>>, login: string, tamperState = false) {
  const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' })
  expect(start.statusCode).toBe(302)
  const authorizationUrl = start.headers.location as string
  const stateCookie = start.cookies.find((c) => c.name === 'warta_oidc_state')!
  const back = new URL(await authenticateAtProvider(authorizationUrl, login))
  const callback = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    cookies: { warta_oidc_state: tamperState ? 'anders' : stateCookie.value },
  })
  const session = callback.cookies.find((c) => c.name === 'warta_session')
  return { authorizationUrl, callback, cookie: session ? `warta_session=${session.value}` : undefined }
}

describe('OpenID Connect login', () => {
  it('announce SSO on the login page and send the browser to the provider with state, nonce and PKCE', async () => {
    const { app } = await oidcApp()
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({
      oidc: { label: 'SSO' },
      passwordReset: false,
    })
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' })
    const url = new URL(start.headers.location as string)
    expect(url.origin).toBe(issuer)
    for (const param of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(param)).toBeTruthy()
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`)
    const cookie = start.cookies.find((c) => c.name === 'warta_oidc_state')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.value).toBe(url.searchParams.get('state'))
  })

  it('log in an existing user whose verified e-mail the provider asserts, and link the provider subject', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
    const user = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'pengelola' }])
    const login = `pegawai-${uniqueSuffix()}`
    accounts.set(login, { email: user.email.toUpperCase(), email_verified: true, name: 'Pegawai' })

    const { callback, cookie } = await ssoLogin(app, login)
    expect(callback.statusCode).toBe(302)
    expect(callback.headers.location).toBe('/')
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ user: { id: user.id }, twoFactorPending: false })
    const sessions = (
      await app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: cookie! } })
    ).json().items
    expect(sessions[0].method).toBe('oidc')
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'auth.login' })
    expect(audit[0]!.after).toMatchObject({ method: 'oidc', subject: login, linked: true })

    // Another provider account claiming the same e-mail cannot take over the linked Warta user.
    const impostor = `penyusup-${uniqueSuffix()}`
    accounts.set(impostor, { email: user.email, email_verified: true, name: 'Penyusup' })
    const refused = await ssoLogin(app, impostor)
    expect(refused.callback.headers.location).toBe('/login?sso_error=subject_mismatch')
    expect(refused.cookie).toBeUndefined()
  })

  it('refuse unknown users, unverified e-mails and a callback whose state is not bound to the browser', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])

    const stranger = `asing-${uniqueSuffix()}`
    accounts.set(stranger, {
      email: `asing-${uniqueSuffix()}@lain.go.id`,
      email_verified: true,
      name: 'Asing',
    })
    expect((await ssoLogin(app, stranger)).callback.headers.location).toBe('/login?sso_error=unknown_user')

    const unverified = `belum-${uniqueSuffix()}`
    accounts.set(unverified, { email: user.email, email_verified: false, name: 'Belum' })
    expect((await ssoLogin(app, unverified)).callback.headers.location).toBe(
      '/login?sso_error=email_unverified',
    )

    const honest = `jujur-${uniqueSuffix()}`
    accounts.set(honest, { email: user.email, email_verified: true, name: 'Jujur' })
    const tampered = await ssoLogin(app, honest, true)
    expect(tampered.callback.headers.location).toBe('/login?sso_error=invalid_state')
    expect(tampered.cookie).toBeUndefined()
  })

  it('still ask an enrolled user for the TOTP code after single sign-on', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const secret = generateTotpSecret()
    const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      totpSecret: secret,
    })
    const login = `admin-${uniqueSuffix()}`
    accounts.set(login, { email: admin.email, email_verified: true, name: 'Admin' })
    const { cookie } = await ssoLogin(app, login)
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } })).json()
    expect(me.twoFactorPending).toBe(true)
    const headers = { cookie: cookie!, 'x-csrf-token': me.csrfToken as string }
    const blocked = await app.inject({ method: 'GET', url: '/api/users', headers })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('two_factor_required')
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/two-factor',
      headers,
      payload: { totp: '000000' },
    })
    expect(wrong.statusCode).toBe(400)
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/two-factor',
      headers,
      payload: { totp: totpCodeAt(secret, new Date()) },
    })
    expect(verified.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200)
  })

  it('lock the account and end the session when codes are guessed after single sign-on', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const secret = generateTotpSecret()
    const pj = await createTestUser(
      ctx.db,
      owner,
      [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }],
      { totpSecret: secret },
    )
    const login = `pj-${uniqueSuffix()}`
    accounts.set(login, { email: pj.email, email_verified: true, name: 'PJ' })
    const { cookie } = await ssoLogin(app, login)
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } })).json()
    const headers = { cookie: cookie!, 'x-csrf-token': me.csrfToken as string }
    const statuses: number[] = []
    for (let i = 0; i < ctx.config.login.maxAttempts; i += 1) {
      const guess = String(100000 + i)
      statuses.push(
        (await app.inject({ method: 'POST', url: '/api/auth/two-factor', headers, payload: { totp: guess } }))
          .statusCode,
      )
    }
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true)
    expect(statuses.at(-1)).toBe(423)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401)
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.locked' })
    expect(audit[0]!.after).toMatchObject({ reason: 'second_factor' })
  })

  it('keep counting wrong codes across single sign-on rounds, lock, and refuse the next sign-on while locked', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const secret = generateTotpSecret()
    const pj = await createTestUser(
      ctx.db,
      owner,
      [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }],
      { totpSecret: secret },
    )
    const login = `pj-ulang-${uniqueSuffix()}`
    accounts.set(login, { email: pj.email, email_verified: true, name: 'PJ' })
    const max = ctx.config.login.maxAttempts
    const guess = async (cookie: string, code: string) => {
      const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()
      return app.inject({
        method: 'POST',
        url: '/api/auth/two-factor',
        headers: { cookie, 'x-csrf-token': me.csrfToken as string },
        payload: { totp: code },
      })
    }

    // Round one: one wrong code short of the lock. Before the fix, the next sign-on reset the count.
    const first = await ssoLogin(app, login)
    for (let i = 0; i < max - 1; i += 1)
      expect((await guess(first.cookie!, String(200000 + i))).statusCode).toBe(400)
    const { users } = await import('../../../db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    // Round two: the provider signs the person in again, but the count stands and one more wrong code locks.
    const second = await ssoLogin(app, login)
    expect(second.callback.headers.location).toBe('/')
    const [halfway] = await ctx.db.select().from(users).where(eq(users.id, pj.id))
    expect(halfway!.failedLoginCount).toBe(max - 1)
    expect(halfway!.lastLoginAt).toBeNull()
    const locking = await guess(second.cookie!, '299999')
    expect(locking.statusCode).toBe(423)
    expect(locking.json().error.key).toBe('auth.account_locked')

    // Round three: the lock holds on the single sign-on path too: no session, a reason for the login page.
    const third = await ssoLogin(app, login)
    expect(third.callback.headers.location).toBe('/login?sso_error=locked')
    expect(third.cookie).toBeUndefined()
    // And on the password path.
    const password = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: pj.email, password: pj.password, totp: totpCodeAt(secret, new Date()) },
      remoteAddress: '10.77.0.1',
    })
    expect(password.statusCode).toBe(423)
    const failures = await searchAudit(ctx.db, { instansiId: owner.id, action: 'auth.two_factor_failed' })
    expect(failures).toHaveLength(max)
  })

  it('record the sign-in as a success only once the second factor after single sign-on is proven', async () => {
    const { ctx, app } = await oidcApp()
    const owner = await createTestInstansi(ctx.db)
    const secret = generateTotpSecret()
    const user = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }], {
      totpSecret: secret,
    })
    const login = `sukses-${uniqueSuffix()}`
    accounts.set(login, { email: user.email, email_verified: true, name: 'Sukses' })
    const { cookie } = await ssoLogin(app, login)
    const { users } = await import('../../../db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    const lastLogin = async () =>
      (await ctx.db.select().from(users).where(eq(users.id, user.id)))[0]!.lastLoginAt
    expect(await lastLogin()).toBeNull()
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } })).json()
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/two-factor',
      headers: { cookie: cookie!, 'x-csrf-token': me.csrfToken as string },
      payload: { totp: totpCodeAt(secret, new Date()) },
    })
    expect(verified.statusCode).toBe(200)
    expect(await lastLogin()).not.toBeNull()
  })

  it('answer 404 on the SSO routes when single sign-on is not configured', async () => {
    const ctx = await getTestContext()
    const app = await buildApp(ctx)
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({
      oidc: null,
      passwordReset: false,
    })
    expect((await app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode).toBe(404)
  })
})
