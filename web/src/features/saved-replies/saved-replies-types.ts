// Saved replies (jawaban baku) as the API answers them (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type SavedReply = components['schemas']['SavedReply']
export type SavedReplyList = Answer<paths['/api/saved-replies']['get']>
export type SavedReplyBody = NonNullable<
  paths['/api/saved-replies']['post']['requestBody']
>['content']['application/json']
