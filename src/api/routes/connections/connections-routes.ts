// An official account's connection to its platform: its health, connect (credentials checked by the connector,
// stored sealed), disconnect, and a health check. Under the accounts resource: /accounts/:id/connection.
import type { AppContext } from '../../../context.ts'
import type { DefinitionOverrides } from '../../../connectors/registry.ts'
import {
  checkConnection,
  connectAccount,
  disconnectAccount,
  getConnectionHealth,
  type ConnectionHealth,
} from '../../../features/connections/manage-connections.ts'
import type { Locale } from '../../../shared/dates.ts'
import { requestLocale } from '../../error-handler.ts'
import { renderProblem } from '../../render-problem.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import { connectBody, connectionView } from './connections-schemas.ts'

/** The health as answered: the last error explained in the caller's language. */
export function renderHealth(health: ConnectionHealth, locale: Locale) {
  return {
    ...health,
    capabilities: health.capabilities && {
      ...health.capabilities,
      metrics: [...health.capabilities.metrics],
    },
    lastError: health.lastError && {
      ...health.lastError,
      explanation: renderProblem({ key: `connections.error.${health.lastError.kind}` }, locale),
    },
  }
}

export function registerConnectionsRoutes(
  app: ApiInstance,
  context: AppContext,
  extra: { connectors?: DefinitionOverrides } = {},
): void {
  const deps = { ...context, ...extra }
  app.get(
    '/accounts/:id/connection',
    {
      schema: {
        tags: ['accounts'],
        summary: "The account's connection to its platform: state, last error, last success, capabilities",
        params: idParams,
        response: { 200: connectionView },
      },
    },
    async (request) =>
      renderHealth(
        await getConnectionHealth(deps, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )

  app.post(
    '/accounts/:id/connection',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Connect the account (or reconnect it with new credentials): the platform checks them first; they are stored encrypted. A sandbox account needs none',
        params: idParams,
        body: connectBody,
        response: { 200: connectionView },
      },
    },
    async (request) =>
      renderHealth(
        await connectAccount(
          deps,
          requireActor(request),
          request.params.id,
          { credentials: request.body.credentials },
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )

  app.delete(
    '/accounts/:id/connection',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Disconnect the account: its stored credentials are erased',
        params: idParams,
        response: { 200: connectionView },
      },
    },
    async (request) =>
      renderHealth(
        await disconnectAccount(deps, requireActor(request), request.params.id, requestMeta(request)),
        requestLocale(request),
      ),
  )

  app.post(
    '/accounts/:id/connection/check',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Ask the platform now whether the credentials still work, and record the answer as the health',
        params: idParams,
        response: { 200: connectionView },
      },
    },
    async (request) =>
      renderHealth(
        await checkConnection(deps, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )
}
