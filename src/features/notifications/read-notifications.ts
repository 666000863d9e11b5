// A signed-in user's own notifications: the newest first with the unread count (the bell), and marking them read.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  countUnreadOf,
  listNotificationsOf,
  markNotificationsRead,
  type NotificationRow,
} from '../../db/notifications-repository.ts'
import type { Actor } from '../access/policy.ts'

export interface NotificationsDeps {
  db: Db
  clock: Clock
}

export interface NotificationView {
  id: string
  kind: string
  titleKey: string
  bodyKey: string
  params: Record<string, string | number>
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface NotificationsPage {
  unread: number
  items: NotificationView[]
}

function view(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    titleKey: row.titleKey,
    bodyKey: row.bodyKey,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }
}

export async function listMyNotifications(
  deps: NotificationsDeps,
  actor: Actor,
  query: { limit: number; before?: string | undefined; unreadOnly?: boolean | undefined },
): Promise<NotificationsPage> {
  const [rows, unread] = await Promise.all([
    listNotificationsOf(deps.db, actor.instansiId, actor.userId, {
      limit: query.limit,
      before: query.before ? new Date(query.before) : undefined,
      unreadOnly: query.unreadOnly,
    }),
    countUnreadOf(deps.db, actor.instansiId, actor.userId),
  ])
  return { unread, items: rows.map(view) }
}

/** Marks the given notifications (or all) of the actor read; someone else's ids are silently not theirs to mark. */
export async function markMyNotificationsRead(
  deps: NotificationsDeps,
  actor: Actor,
  ids: readonly string[] | undefined,
): Promise<{ marked: number; unread: number }> {
  const marked = await markNotificationsRead(deps.db, actor.instansiId, actor.userId, ids, deps.clock.now())
  return { marked, unread: await countUnreadOf(deps.db, actor.instansiId, actor.userId) }
}
