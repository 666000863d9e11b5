// The notification answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type NotificationsPage = JsonAnswer<paths['/api/notifications']['get']>
export type NotificationItem = NotificationsPage['items'][number]
