// The published registry as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type PublishedItem = components['schemas']['PublishedItem']
export type PublishedStatus = PublishedItem['status']
export type PublishedPage = Answer<paths['/api/published']['get']>
export type PublishedTotals = PublishedPage['totals']
export type PublishedSortKey = NonNullable<
  NonNullable<paths['/api/published']['get']['parameters']['query']>['sort']
>
