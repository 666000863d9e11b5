// The notification answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type NotificationsPage = Json<paths['/api/notifications']['get']>
export type NotificationItem = NotificationsPage['items'][number]
