// The inbox as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type InboxItem = components['schemas']['InboxItem']
export type InboxReply = components['schemas']['InboxReply']
export type InboxPage = Answer<paths['/api/inbox/items']['get']>
export type InboxCounts = Answer<paths['/api/inbox/counts']['get']>
export type InboxThread = Answer<paths['/api/inbox/items/{id}']['get']>
export type InboxPresence = InboxThread['others'][number]
export type SavedView = Answer<paths['/api/inbox/views']['get']>['items'][number]
export type ItemSavedReplies = Answer<paths['/api/saved-replies']['get']>
export type RenderedSavedReply = Answer<paths['/api/saved-replies/{id}/render']['post']>
export type Clarification = Answer<paths['/api/inbox/items/{id}/clarification']['post']>
