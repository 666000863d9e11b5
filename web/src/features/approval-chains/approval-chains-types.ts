// The approval chain answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type ChainList = Json<paths['/api/approval-chains']['get']>
export type ChainReading = Json<paths['/api/approval-chains/units/{unitId}']['get']>
export type ChainBody = NonNullable<
  paths['/api/approval-chains/units/{unitId}']['put']['requestBody']
>['content']['application/json']
export type ApprovalStep = ChainBody['steps'][number]
