// The hoax knowledge base as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type HoaxClaim = components['schemas']['HoaxClaim']
export type HoaxLabel = HoaxClaim['label']
export type HoaxClaimList = JsonAnswer<paths['/api/hoax-claims']['get']>
export type HoaxClaimBody = NonNullable<
  paths['/api/hoax-claims']['post']['requestBody']
>['content']['application/json']
export type HoaxImport = JsonAnswer<paths['/api/hoax-claims/import']['post']>
export type HoaxImportRow = HoaxImport['rows'][number]
export type HoaxImportError = HoaxImport['errors'][number]
