// Saved replies (jawaban baku) as the API answers them (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type SavedReply = components['schemas']['SavedReply']
export type SavedReplyList = JsonAnswer<paths['/api/saved-replies']['get']>
export type SavedReplyBody = NonNullable<
  paths['/api/saved-replies']['post']['requestBody']
>['content']['application/json']
