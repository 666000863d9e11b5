// The digital agenda as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type AgendaItem = components['schemas']['AgendaItem']
export type AgendaBoard = components['schemas']['AgendaBoard']
export type AgendaBoardRow = components['schemas']['AgendaBoardRow']
export type AgendaList = JsonAnswer<paths['/api/agenda']['get']>
export type AgendaCreateBody = NonNullable<
  paths['/api/agenda']['post']['requestBody']
>['content']['application/json']
export type AgendaTargets = NonNullable<
  paths['/api/agenda/{id}/tasks']['post']['requestBody']
>['content']['application/json']
