// Routing rules as the API answers them (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type RoutingRule = components['schemas']['RoutingRule']
export type RoutingAction = RoutingRule['action']
export type RoutingRuleList = JsonAnswer<paths['/api/routing-rules']['get']>
export type RoutingReferences = RoutingRuleList['references']
export type RoutingRuleBody = NonNullable<
  paths['/api/routing-rules']['post']['requestBody']
>['content']['application/json']
export type RoutingPreviewBody = NonNullable<
  paths['/api/routing-rules/preview']['post']['requestBody']
>['content']['application/json']
export type RoutingPreview = JsonAnswer<paths['/api/routing-rules/preview']['post']>
