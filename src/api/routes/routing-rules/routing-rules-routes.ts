// The inbox's routing rules: list (with what a rule may name), add, change, delete, reorder, and the preview on a
// sample text. All need routing.manage from a top-level unit (features/routing/manage-routing-rules.ts).
import type { AppContext } from '../../../context.ts'
import type { HoaxMatcherProvider } from '../../../features/hoax/hoax-matcher-provider.ts'
import {
  createRoutingRule,
  listRoutingRuleViews,
  previewRoutingRule,
  removeRoutingRule,
  reorderRoutingRules,
  updateRoutingRuleFields,
} from '../../../features/routing/manage-routing-rules.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  createBody,
  deletedView,
  orderBody,
  previewBody,
  previewView,
  routingRuleList,
  routingRuleView,
  updateBody,
} from './routing-rules-schemas.ts'

export function registerRoutingRulesRoutes(
  app: ApiInstance,
  context: AppContext,
  options: { claims?: HoaxMatcherProvider } = {},
): void {
  app.get(
    '/routing-rules',
    {
      schema: {
        tags: ['routing-rules'],
        summary:
          "The instansi's routing rules in the order they are tried, and the units, people and accounts to pick",
        response: { 200: routingRuleList },
      },
    },
    async (request) => listRoutingRuleViews(context, requireActor(request)),
  )

  app.post(
    '/routing-rules',
    {
      schema: {
        tags: ['routing-rules'],
        summary: 'Add a rule at the end of the list',
        body: createBody,
        response: { 200: routingRuleView },
      },
    },
    async (request) => createRoutingRule(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.put(
    '/routing-rules/order',
    {
      schema: {
        tags: ['routing-rules'],
        summary: 'Put the rules in this order (every rule once)',
        body: orderBody,
        response: { 200: routingRuleList },
      },
    },
    async (request) =>
      reorderRoutingRules(context, requireActor(request), request.body.ids, requestMeta(request)),
  )

  app.post(
    '/routing-rules/preview',
    {
      schema: {
        tags: ['routing-rules'],
        summary:
          'Test a rule (saved or not) on a sample text: which conditions hold, as ingestion would test an item',
        body: previewBody,
        response: { 200: previewView },
      },
    },
    async (request) =>
      previewRoutingRule(
        { ...context, claims: options.claims },
        requireActor(request),
        request.body.rule,
        request.body.sample,
      ),
  )

  app.patch(
    '/routing-rules/:id',
    {
      schema: {
        tags: ['routing-rules'],
        summary: 'Change a rule: only the fields given change',
        params: idParams,
        body: updateBody,
        response: { 200: routingRuleView },
      },
    },
    async (request) =>
      updateRoutingRuleFields(
        context,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )

  app.delete(
    '/routing-rules/:id',
    {
      schema: {
        tags: ['routing-rules'],
        summary: 'Delete a rule (audited with its conditions)',
        params: idParams,
        response: { 200: deletedView },
      },
    },
    async (request) => {
      await removeRoutingRule(context, requireActor(request), request.params.id, requestMeta(request))
      return { id: request.params.id, deleted: true as const }
    },
  )
}
