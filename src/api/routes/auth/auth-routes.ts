// Login, logout, the current user, and completing a login with a second factor.
import type { AppContext } from '../../../context.ts'
import { describeMe } from '../../../features/identity/describe-me.ts'
import { loadActor } from '../../../features/identity/load-actor.ts'
import { login } from '../../../features/identity/login.ts'
import {
  isPasswordResetOffered,
  requestPasswordReset,
  resetPasswordWithToken,
} from '../../../features/identity/password-reset.ts'
import { logout, SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import { verifySessionSecondFactor } from '../../../features/identity/two-factor.ts'
import { AppError } from '../../../features/app-error.ts'
import { sessionCookieOptions } from '../../auth/authenticate.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { ok } from '../shared-schemas.ts'
import {
  authOptionsView,
  loginBody,
  meView,
  passwordResetBody,
  passwordResetRequestBody,
  passwordResetView,
  secondFactorBody,
} from './auth-schemas.ts'
import { registerOidcRoutes } from './oidc-routes.ts'

export function registerAuthRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/auth/options',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Login options shown on the login page: the single sign-on label when configured, and whether a password reset link can be mailed',
        response: { 200: authOptionsView },
      },
    },
    async () => ({
      oidc: context.config.oidc ? { label: context.config.oidc.label } : null,
      passwordReset: isPasswordResetOffered(context),
    }),
  )

  app.post(
    '/auth/password-reset/request',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Ask for a password reset link by e-mail. The answer is the same whether or not the e-mail has an account; 404 when no mail server is configured',
        body: passwordResetRequestBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      await requestPasswordReset(context, request.body.email, requestMeta(request))
      return { ok: true as const }
    },
  )

  app.post(
    '/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Set a new password with the token of an e-mailed link (single use); ends every session and API token of the user',
        body: passwordResetBody,
        response: { 200: passwordResetView },
      },
    },
    async (request) => resetPasswordWithToken(context, request.body, requestMeta(request)),
  )

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Log in with e-mail and password (and a TOTP or recovery code when 2FA is on); sets the session cookie',
        body: loginBody,
        response: { 200: meView },
      },
    },
    async (request, reply) => {
      const result = await login(context, request.body, requestMeta(request))
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
        response: { 200: ok },
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
        response: { 200: meView },
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

  app.post(
    '/auth/two-factor',
    {
      schema: {
        tags: ['auth'],
        summary: 'Complete a login (e.g. single sign-on) with a TOTP or recovery code',
        body: secondFactorBody,
        response: { 200: meView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const sessionId = request.auth?.sessionId
      if (!sessionId) throw new AppError('invalid_input', 'auth.two_factor_browser_only')
      await verifySessionSecondFactor(context, actor, sessionId, request.body, requestMeta(request))
      return describeMe(context, actor, {
        csrfToken: request.auth?.csrfToken ?? null,
        twoFactorPending: false,
      })
    },
  )

  registerOidcRoutes(app, context)
}
