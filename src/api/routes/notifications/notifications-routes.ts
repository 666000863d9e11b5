// Your own notifications: the newest first with the unread count, and marking them read. Reading a notification
// changes nothing but its own read mark, so it is not an audit entry.
import type { AppContext } from '../../../context.ts'
import {
  listMyNotifications,
  markMyNotificationsRead,
} from '../../../features/notifications/read-notifications.ts'
import { requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { listQuery, notificationsPage, readBody, readResult } from './notifications-schemas.ts'

export function registerNotificationsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the unread count',
        querystring: listQuery,
        response: { 200: notificationsPage },
      },
    },
    async (request) =>
      listMyNotifications(context, requireActor(request), {
        limit: request.query.limit,
        before: request.query.before,
        unreadOnly: request.query.unreadOnly === 'true',
      }),
  )

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark your notifications read (these ids, or all)',
        body: readBody,
        response: { 200: readResult },
      },
    },
    async (request) => markMyNotificationsRead(context, requireActor(request), request.body.ids),
  )
}
