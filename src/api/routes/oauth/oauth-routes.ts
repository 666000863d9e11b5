// OAuth connect: start (the account's page asks for the platform's authorization address) and the callback the
// platform sends the browser back to. The callback is public (the platform's redirect carries no CSRF header); its
// state, issued to the user who started, is what authorises it.
import type { AppContext } from '../../../context.ts'
import type { ConnectionDeps } from '../../../features/connections/account-connector.ts'
import { chooseOAuthAccount, getOAuthChoice } from '../../../features/connections/oauth-account-choice.ts'
import {
  finishOAuthConnect,
  oauthReturnPath,
  startOAuthConnect,
} from '../../../features/connections/oauth-connect.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { renderHealth } from '../connections/connections-routes.ts'
import { connectionView } from '../connections/connections-schemas.ts'
import { idParams } from '../shared-schemas.ts'
import {
  oauthCallbackQuery,
  oauthChoiceParams,
  oauthChoiceView,
  oauthChooseBody,
  oauthRedirect,
  oauthStartView,
} from './oauth-schemas.ts'
import { cliText } from '../../../cli/cli-text.ts'

export function registerOAuthRoutes(
  app: ApiInstance,
  context: AppContext,
  extra: Pick<ConnectionDeps, 'connectors'> & { fetch?: typeof globalThis.fetch } = {},
): void {
  const deps = { ...context, ...extra }

  app.post(
    '/accounts/:id/oauth/start',
    {
      schema: {
        tags: ['accounts'],
        summary:
          "Start connecting the account through its platform's OAuth: the address to send the browser to (state and PKCE kept for ten minutes, used once)",
        params: idParams,
        response: { 200: oauthStartView },
      },
    },
    async (request) => startOAuthConnect(deps, requireActor(request), request.params.id),
  )

  app.get(
    '/oauth/callback',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary:
          'The platform sends the browser back here: the state is checked, the code exchanged, the connection stored encrypted; redirects to the account page with ?oauth=<outcome>',
        querystring: oauthCallbackQuery,
        response: { 302: oauthRedirect },
      },
    },
    async (request, reply) => {
      const result = await finishOAuthConnect(
        deps,
        { code: request.query.code, state: request.query.state, error: request.query.error },
        requestMeta(request),
      )
      request.log.info(
        { outcome: result.outcome, accountId: result.accountId },
        cliText('cli.log_oauth_callback'),
      )
      return reply.redirect(oauthReturnPath(result), 302)
    },
  )

  app.get(
    '/accounts/:id/oauth/choices/:choiceId',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'A login that manages several accounts (Facebook Pages) waits for a choice: the accounts it may post as, each marked when another Warta account holds it (only for the user who started, thirty minutes)',
        params: oauthChoiceParams,
        response: { 200: oauthChoiceView },
      },
    },
    async (request) =>
      getOAuthChoice(deps, requireActor(request), request.params.id, request.params.choiceId),
  )

  app.post(
    '/accounts/:id/oauth/choices/:choiceId',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Connect the chosen account (a Facebook Page) with its own token; audited, the choice is used once. Refused when another Warta account holds it',
        params: oauthChoiceParams,
        body: oauthChooseBody,
        response: { 200: connectionView },
      },
    },
    async (request) =>
      renderHealth(
        await chooseOAuthAccount(
          deps,
          requireActor(request),
          request.params.id,
          { choiceId: request.params.choiceId, platformAccountId: request.body.platformAccountId },
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )
}
