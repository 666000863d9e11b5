// Login, logout, the current user, and completing a login with a second factor.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import { ACTIONS } from '../../../features/access/policy.ts'
import { describeMe } from '../../../features/identity/describe-me.ts'
import { loadActor } from '../../../features/identity/load-actor.ts'
import { login } from '../../../features/identity/login.ts'
import { logout, SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import { verifySessionSecondFactor } from '../../../features/identity/two-factor.ts'
import { AppError } from '../../../features/app-error.ts'
import { sessionCookieOptions } from '../../auth/authenticate.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import { registerOidcRoutes } from './oidc-routes.ts'

const loginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
})

/** The signed-in user's own view (GET /api/auth/me; also PATCH /api/me answers it). */
export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    twoFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
  }),
  instansi: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  roles: z.array(
    z.object({
      grantId: z.string(),
      role: z.string(),
      unitId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      unitPath: z.string(),
    }),
  ),
  allowedActions: z.array(z.enum(ACTIONS)),
  csrfToken: z.string().nullable(),
  mustEnrolTwoFactor: z.boolean(),
  twoFactorPending: z.boolean(),
  via: z.enum(['session', 'token', 'cli']),
})

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/auth/options',
    {
      schema: {
        tags: ['auth'],
        summary: 'Login options shown on the login page (single sign-on label when configured)',
        response: { 200: z.object({ oidc: z.object({ label: z.string() }).nullable() }) },
      },
    },
    async () => ({ oidc: context.config.oidc ? { label: context.config.oidc.label } : null }),
  )

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Log in with e-mail and password (and a TOTP or recovery code when 2FA is on); sets the session cookie',
        body: loginBody,
        response: { 200: meResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as z.infer<typeof loginBody>
      const result = await login(context, body, requestMeta(request))
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(context))
      const { actor } = await loadActor(context.db, result.user, 'session')
      return describeMe(context, actor, { csrfToken: result.session.csrfToken, twoFactorPending: false })
    },
  )

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      if (request.auth?.sessionId) await logout(context, actor, request.auth.sessionId, requestMeta(request))
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { ok: true as const }
    },
  )

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current user, instansi, roles with units, allowed actions and the CSRF token',
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      return describeMe(context, actor, {
        csrfToken: request.auth?.csrfToken ?? null,
        twoFactorPending: request.auth?.restriction === 'verify_two_factor',
      })
    },
  )

  const secondFactorBody = z.object({
    totp: z.string().trim().max(10).optional(),
    recoveryCode: z.string().trim().max(40).optional(),
  })
  app.post(
    '/auth/two-factor',
    {
      schema: {
        tags: ['auth'],
        summary: 'Complete a login (e.g. single sign-on) with a TOTP or recovery code',
        body: secondFactorBody,
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const sessionId = request.auth?.sessionId
      if (!sessionId) throw new AppError('invalid_input', 'Verifikasi dua langkah hanya untuk sesi peramban.')
      await verifySessionSecondFactor(
        context,
        actor,
        sessionId,
        request.body as z.infer<typeof secondFactorBody>,
        requestMeta(request),
      )
      return describeMe(context, actor, {
        csrfToken: request.auth?.csrfToken ?? null,
        twoFactorPending: false,
      })
    },
  )

  registerOidcRoutes(app, context)
}
