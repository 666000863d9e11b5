// The shapes of the approval flow API, from the generated API types (web/src/api/openapi.d.ts).
import type { components, paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type ApprovalQueue = Json<paths['/api/approvals/queue']['get']>
export type QueueItem = ApprovalQueue['items'][number]
export type ApprovalDecision = components['schemas']['ApprovalDecision']
export type DecisionList = Json<paths['/api/posts/{id}/decisions']['get']>
