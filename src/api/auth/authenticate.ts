// Authentication for every request: the session cookie or a personal API token sets `request.actor`. A route
// answers anonymous callers only when it is marked `config: { public: true }` (sign-in, setup, health, the web
// app); every other route answers 401 here, in onRequest, before its body is read or parsed, so a stranger's
// request costs no more than a cookie lookup.
// Cookie-authenticated mutations must carry the session's CSRF token in X-CSRF-Token (tokens are not sent by
// browsers on their own, so token requests need none). A session still limited to 2FA enrolment/verification or
// a password change reaches only the routes that lift the limit. A personal API token never reaches the owner's
// security settings under /api/me/ (password, two-factor, sessions, tokens): whoever holds a token must not be
// able to take the account over with it (finding 4.3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import {
  authenticateApiToken,
  authenticateSessionToken,
  type Authenticated,
  type SessionRestriction,
} from '../../features/identity/authenticate-request.ts'
import { safeEqual } from '../../features/identity/secret-token.ts'
import { SESSION_COOKIE } from '../../features/identity/sessions.ts'
import type { ApiErrorCode } from '../../shared/errors.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import { errorBody, requestLocale } from '../error-handler.ts'

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null
  }
  interface FastifyContextConfig {
    /** Answered without a session or token. Every route without it refuses anonymous callers with 401. */
    public?: boolean
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Mutations that happen before there is a session, or that replace it; they accept JSON only (no form CSRF). */
const CSRF_EXEMPT = new Set([
  'POST /api/auth/login',
  'POST /api/setup',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset',
])

/** Open to a limited session besides the public routes (which anyone may call). */
const ALWAYS_OPEN = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'GET /api/openapi.json'])
const OPEN_WHEN: Record<SessionRestriction, ReadonlySet<string>> = {
  // A person held at enrolment or at the password change may still switch the language of those screens.
  enrol_two_factor: new Set([
    'POST /api/me/two-factor/enrol',
    'POST /api/me/two-factor/confirm',
    'PATCH /api/me',
  ]),
  verify_two_factor: new Set(['POST /api/auth/two-factor']),
  change_password: new Set(['POST /api/me/password', 'PATCH /api/me']),
}

/** The owner's security settings: answered to a browser session only, never to an API token. */
export function isSecuritySettingsRoute(url: string): boolean {
  return url.startsWith('/api/me/')
}

const RESTRICTION_REPLY: Record<SessionRestriction, { code: ApiErrorCode; key: MessageKey }> = {
  enrol_two_factor: { code: 'two_factor_required', key: 'auth.enrol_two_factor' },
  verify_two_factor: { code: 'two_factor_required', key: 'auth.verify_two_factor' },
  change_password: { code: 'password_change_required', key: 'auth.password_change_required' },
}

export function sessionCookieOptions(context: AppContext): {
  path: string
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  maxAge: number
} {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: context.config.secureCookies,
    maxAge: context.config.sessionHours * 3600,
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match ? match[1]! : null
}

function deny(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ApiErrorCode,
  key: MessageKey,
): FastifyReply {
  return reply.status(status).send(errorBody(requestLocale(request), code, key))
}

export function registerAuthentication(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('auth', null)
  app.addHook('onRequest', async (request, reply) => {
    // No route matched: the not-found handler answers (or serves the web app's client-side routes).
    if (request.routeOptions.url === undefined) return
    const isPublic = request.routeOptions.config.public === true
    // Health, metrics (which checks its own token) and the web app's files know no session.
    if (isPublic && !request.url.startsWith('/api/')) return
    const routeKey = `${request.method} ${request.routeOptions.url ?? ''}`

    const bearer = bearerToken(request)
    let auth: Authenticated | null = null
    if (bearer !== null) {
      auth = await authenticateApiToken(context, bearer)
      if (!auth) return deny(request, reply, 401, 'unauthenticated', 'auth.token_invalid')
    } else {
      const cookie = request.cookies[SESSION_COOKIE]
      if (cookie) auth = await authenticateSessionToken(context, cookie)
    }
    if (!auth)
      return isPublic ? undefined : deny(request, reply, 401, 'unauthenticated', 'common.unauthenticated')
    if (auth.kind === 'token' && isSecuritySettingsRoute(request.routeOptions.url ?? ''))
      return deny(request, reply, 403, 'forbidden', 'auth.token_not_for_security_settings')

    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(routeKey)) {
      const header = request.headers['x-csrf-token']
      const sent = Array.isArray(header) ? header[0] : header
      if (!sent || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        return deny(request, reply, 403, 'csrf_failed', 'auth.csrf_failed')
      }
    }

    if (
      auth.restriction &&
      !isPublic &&
      !ALWAYS_OPEN.has(routeKey) &&
      !OPEN_WHEN[auth.restriction].has(routeKey)
    ) {
      const { code, key } = RESTRICTION_REPLY[auth.restriction]
      return deny(request, reply, 403, code, key)
    }
    request.auth = auth
    request.actor = auth.actor
  })
}
