// The approval chain answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type ChainList = JsonAnswer<paths['/api/approval-chains']['get']>
export type ChainReading = JsonAnswer<paths['/api/approval-chains/units/{unitId}']['get']>
export type ChainBody = NonNullable<
  paths['/api/approval-chains/units/{unitId}']['put']['requestBody']
>['content']['application/json']
export type ApprovalStep = ChainBody['steps'][number]
