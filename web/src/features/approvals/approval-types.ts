// The shapes of the approval flow API, from the generated API types (web/src/api/openapi.d.ts).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type ApprovalQueue = JsonAnswer<paths['/api/approvals/queue']['get']>
export type QueueItem = ApprovalQueue['items'][number]
export type ApprovalDecision = components['schemas']['ApprovalDecision']
export type DecisionList = JsonAnswer<paths['/api/posts/{id}/decisions']['get']>
