// The inbox as the API answers it (types generated from the OpenAPI document).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type InboxItem = components['schemas']['InboxItem']
export type InboxReply = components['schemas']['InboxReply']
export type InboxPage = JsonAnswer<paths['/api/inbox/items']['get']>
export type InboxCounts = JsonAnswer<paths['/api/inbox/counts']['get']>
export type InboxThread = JsonAnswer<paths['/api/inbox/items/{id}']['get']>
export type InboxPresence = InboxThread['others'][number]
export type SavedView = JsonAnswer<paths['/api/inbox/views']['get']>['items'][number]
export type ItemSavedReplies = JsonAnswer<paths['/api/saved-replies']['get']>
export type RenderedSavedReply = JsonAnswer<paths['/api/saved-replies/{id}/render']['post']>
export type Clarification = JsonAnswer<paths['/api/inbox/items/{id}/clarification']['post']>
