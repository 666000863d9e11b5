// Logs a test user in through the real login route and returns headers for app.inject: the session cookie and
// the CSRF token every cookie-authenticated mutation needs.
import type { FastifyInstance } from 'fastify'
import { totpCodeAt } from '../../src/features/identity/totp.ts'

export interface LoginHeaders {
  headers: { cookie: string; 'x-csrf-token': string }
  csrfToken: string
  cookie: string
  me: Record<string, unknown>
}

export async function loginAs(
  app: FastifyInstance,
  user: { email: string; password: string; totpSecret?: string | undefined },
  options: { totp?: string; recoveryCode?: string; ip?: string } = {},
): Promise<LoginHeaders> {
  const totp = options.totp ?? (user.totpSecret ? totpCodeAt(user.totpSecret, new Date()) : undefined)
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password, totp, recoveryCode: options.recoveryCode },
    remoteAddress: options.ip ?? '127.0.0.1',
  })
  if (response.statusCode !== 200) throw new Error(`login of ${user.email} failed: ${response.statusCode} ${response.body}`)
  const setCookie = response.cookies.find((c) => c.name === 'warta_session')
  if (!setCookie) throw new Error('login did not set the warta_session cookie')
  const me = response.json<Record<string, unknown>>()
  const csrfToken = me.csrfToken as string
  const cookie = `warta_session=${setCookie.value}`
  return { headers: { cookie, 'x-csrf-token': csrfToken }, csrfToken, cookie, me }
}
