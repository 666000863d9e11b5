// Authentication for every /api request: the session cookie or a personal API token sets `request.actor`.
// Cookie-authenticated mutations must carry the session's CSRF token in X-CSRF-Token (tokens are not sent by
// browsers on their own, so token requests need none). A session still limited to 2FA enrolment/verification or
// a password change reaches only the routes that lift the limit.
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
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Mutations that happen before there is a session, or that replace it; they accept JSON only (no form CSRF). */
const CSRF_EXEMPT = new Set(['POST /api/auth/login', 'POST /api/setup'])

const ALWAYS_OPEN = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'GET /api/auth/options',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/setup',
  'GET /api/openapi.json',
])
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
    if (!request.url.startsWith('/api/')) return
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
    if (!auth) return

    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(routeKey)) {
      const header = request.headers['x-csrf-token']
      const sent = Array.isArray(header) ? header[0] : header
      if (!sent || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        return deny(request, reply, 403, 'csrf_failed', 'auth.csrf_failed')
      }
    }

    if (
      auth.restriction &&
      !ALWAYS_OPEN.has(routeKey) &&
      !OPEN_WHEN[auth.restriction].has(routeKey) &&
      !CSRF_EXEMPT.has(routeKey)
    ) {
      const { code, key } = RESTRICTION_REPLY[auth.restriction]
      return deny(request, reply, 403, code, key)
    }
    request.auth = auth
    request.actor = auth.actor
  })
}
