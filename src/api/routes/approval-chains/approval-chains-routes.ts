// Approval chains: list them, read the chain of a unit or an account (own and effective), set or remove it.
import type { AppContext } from '../../../context.ts'
import {
  listChains,
  readChain,
  removeChain,
  setChain,
  type ChainTarget,
} from '../../../features/approvals/manage-approval-chains.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import {
  accountParams,
  chainBody,
  chainList,
  chainReading,
  chainView,
  removedView,
  unitParams,
} from './approval-chains-schemas.ts'

export function registerApprovalChainsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/approval-chains',
    {
      schema: {
        tags: ['approval-chains'],
        summary: 'The approval chains set on units and accounts you manage (approval.manage)',
        response: { 200: chainList },
      },
    },
    async (request) => listChains(context, requireActor(request)),
  )

  const owners = [
    { path: 'units/:unitId', params: unitParams, what: 'unit' },
    { path: 'accounts/:accountId', params: accountParams, what: 'account' },
  ] as const
  const targetOf = (params: { unitId: string } | { accountId: string }): ChainTarget => params

  for (const owner of owners) {
    app.get(
      `/approval-chains/${owner.path}`,
      {
        schema: {
          tags: ['approval-chains'],
          summary: `The approval chain of a ${owner.what}: its own, and the one its posts go through (account → unit → units above → default)`,
          params: owner.params,
          response: { 200: chainReading },
        },
      },
      async (request) => readChain(context, requireActor(request), targetOf(request.params)),
    )

    app.put(
      `/approval-chains/${owner.path}`,
      {
        schema: {
          tags: ['approval-chains'],
          summary: `Set the ${owner.what}'s own approval chain (admin or penanggung jawab over the unit)`,
          params: owner.params,
          body: chainBody,
          response: { 200: chainView },
        },
      },
      async (request) =>
        setChain(
          context,
          requireActor(request),
          targetOf(request.params),
          request.body,
          requestMeta(request),
        ),
    )

    app.delete(
      `/approval-chains/${owner.path}`,
      {
        schema: {
          tags: ['approval-chains'],
          summary: `Remove the ${owner.what}'s own approval chain: it inherits again`,
          params: owner.params,
          response: { 200: removedView },
        },
      },
      async (request) => {
        await removeChain(context, requireActor(request), targetOf(request.params), requestMeta(request))
        return { removed: true }
      },
    )
  }
}
