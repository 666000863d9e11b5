// The published registry as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type PublishedItem = components['schemas']['PublishedItem']
export type PublishedStatus = PublishedItem['status']
export type PublishedPage = JsonAnswer<paths['/api/published']['get']>
export type PublishedTotals = PublishedPage['totals']
export type PublishedSortKey = NonNullable<
  NonNullable<paths['/api/published']['get']['parameters']['query']>['sort']
>
