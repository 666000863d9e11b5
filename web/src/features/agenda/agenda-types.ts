// The digital agenda as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type AgendaItem = components['schemas']['AgendaItem']
export type AgendaBoard = components['schemas']['AgendaBoard']
export type AgendaBoardRow = components['schemas']['AgendaBoardRow']
export type AgendaList = Json<paths['/api/agenda']['get']>
export type AgendaCreateBody = NonNullable<
  paths['/api/agenda']['post']['requestBody']
>['content']['application/json']
export type AgendaTargets = NonNullable<
  paths['/api/agenda/{id}/tasks']['post']['requestBody']
>['content']['application/json']
