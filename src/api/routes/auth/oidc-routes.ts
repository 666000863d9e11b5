// OpenID Connect single sign-on (only when configured). The browser is redirected to the provider and back;
// failures land on the login page with a reason code the web app explains.
import type { AppContext } from '../../../context.ts'
import { finishOidcLogin, OidcLoginError, startOidcLogin } from '../../../features/identity/oidc-login.ts'
import { SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import { sessionCookieOptions } from '../../auth/authenticate.ts'
import { requestMeta } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { oidcCallbackQuery, redirectView } from './auth-schemas.ts'
import { cliText } from '../../../cli/cli-text.ts'

const STATE_COOKIE = 'warta_oidc_state'
const STATE_COOKIE_PATH = '/api/auth/oidc'

export function registerOidcRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/auth/oidc/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the OpenID provider (state, nonce, PKCE)',
        response: { 302: redirectView },
      },
    },
    async (_request, reply) => {
      const { url, state } = await startOidcLogin(context)
      reply.setCookie(STATE_COOKIE, state, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: context.config.secureCookies,
        maxAge: 600,
      })
      return reply.redirect(url, 302)
    },
  )

  app.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Return from the OpenID provider: logs the matching user in and redirects to the app',
        querystring: oidcCallbackQuery,
        response: { 302: redirectView },
      },
    },
    async (request, reply) => {
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH })
      const callbackUrl = new URL(request.url, context.config.publicUrl)
      try {
        const result = await finishOidcLogin(
          context,
          callbackUrl,
          request.cookies[STATE_COOKIE],
          requestMeta(request),
        )
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(context))
        return reply.redirect('/', 302)
      } catch (error) {
        if (!(error instanceof OidcLoginError)) throw error
        request.log.warn({ reason: error.reason, err: error.message }, cliText('cli.log_oidc_refused'))
        return reply.redirect(`/login?sso_error=${error.reason}`, 302)
      }
    },
  )
}
