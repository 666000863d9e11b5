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

let addressCounter = 0

/**
 * A network address of its own for each sign-in, unless the test names one: failed sign-ins are also counted per
 * address (the lockout's address throttle), and test files share a database per worker, so one test's deliberate
 * failures (or a 2FA code refused as a replay, retried below) from one address would lock the next file out.
 */
function nextTestAddress(): string {
  addressCounter += 1
  const n = (process.pid % 200) * 65_536 + addressCounter
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

/**
 * For a user with `totpSecret` the code of the current 30-second step is sent, and if that step was already
 * used (the server refuses replays) the next step's code, which the server still accepts. So a test can log
 * the same 2FA user in twice within one step, not more.
 */
export async function loginAs(
  app: FastifyInstance,
  user: { email: string; password: string; totpSecret?: string | undefined },
  options: { totp?: string; recoveryCode?: string; ip?: string } = {},
): Promise<LoginHeaders> {
  const ip = options.ip ?? nextTestAddress()
  const attempt = (totp: string | undefined) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password, totp, recoveryCode: options.recoveryCode },
      remoteAddress: ip,
    })
  const now = Date.now()
  let response = await attempt(
    options.totp ?? (user.totpSecret ? totpCodeAt(user.totpSecret, new Date(now)) : undefined),
  )
  if (response.statusCode === 401 && user.totpSecret && !options.totp) {
    response = await attempt(totpCodeAt(user.totpSecret, new Date(now + 30_000)))
  }
  if (response.statusCode !== 200)
    throw new Error(`login of ${user.email} failed: ${response.statusCode} ${response.body}`)
  const setCookie = response.cookies.find((c) => c.name === 'warta_session')
  if (!setCookie) throw new Error('login did not set the warta_session cookie')
  const me = response.json<Record<string, unknown>>()
  const csrfToken = me.csrfToken as string
  const cookie = `warta_session=${setCookie.value}`
  return { headers: { cookie, 'x-csrf-token': csrfToken }, csrfToken, cookie, me }
}

/** A code the server has not seen yet right after one code of the current step was used (enrolment, login). */
export function nextTotpCode(secret: string): string {
  return totpCodeAt(secret, new Date(Date.now() + 30_000))
}
