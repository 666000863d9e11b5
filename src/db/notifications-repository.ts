// The notifications table: in-app notifications of one user, with how (and whether) each goes out by e-mail.
// Every query filters on instansi_id (and the recipient); the mail jobs lock rows FOR UPDATE SKIP LOCKED.
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { notifications, users, type NotificationEmailStatus } from './schema/index.ts'

export type NotificationRow = typeof notifications.$inferSelect

export interface NewNotification {
  id: string
  instansiId: string
  recipientId: string
  kind: string
  titleKey: string
  bodyKey: string
  params: Record<string, string | number>
  link: string | null
  emailStatus: NotificationEmailStatus
}

export async function insertNotifications(
  db: Db,
  rows: readonly NewNotification[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return
  await db.insert(notifications).values(rows.map((row) => ({ ...row, createdAt: now })))
}

export async function listNotificationsOf(
  db: Db,
  instansiId: string,
  recipientId: string,
  options: { limit: number; before?: Date | undefined; unreadOnly?: boolean | undefined },
): Promise<NotificationRow[]> {
  const conditions = [eq(notifications.instansiId, instansiId), eq(notifications.recipientId, recipientId)]
  if (options.before) conditions.push(lt(notifications.createdAt, options.before))
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt))
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
}

export async function countUnreadOf(db: Db, instansiId: string, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.instansiId, instansiId),
        eq(notifications.recipientId, recipientId),
        isNull(notifications.readAt),
      ),
    )
  return Number(row?.n ?? 0)
}

/** Marks the recipient's notifications read (these ids, or all when ids is undefined); returns how many changed. */
export async function markNotificationsRead(
  db: Db,
  instansiId: string,
  recipientId: string,
  ids: readonly string[] | undefined,
  now: Date,
): Promise<number> {
  const conditions = [
    eq(notifications.instansiId, instansiId),
    eq(notifications.recipientId, recipientId),
    isNull(notifications.readAt),
  ]
  if (ids) {
    if (ids.length === 0) return 0
    conditions.push(inArray(notifications.id, [...ids]))
  }
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...conditions))
    .returning({ id: notifications.id })
  return rows.length
}

export interface NotificationWithRecipient extends NotificationRow {
  recipientEmail: string
  recipientName: string
  recipientLocale: string
  recipientDisabled: boolean
}

const withRecipient = {
  notification: notifications,
  recipientEmail: users.email,
  recipientName: users.name,
  recipientLocale: users.locale,
  recipientDisabledAt: users.disabledAt,
}

function flatten(row: {
  notification: NotificationRow
  recipientEmail: string
  recipientName: string
  recipientLocale: string
  recipientDisabledAt: Date | null
}): NotificationWithRecipient {
  return {
    ...row.notification,
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    recipientLocale: row.recipientLocale,
    recipientDisabled: row.recipientDisabledAt !== null,
  }
}

/** Locks one notification (for its immediate mail) with its recipient's address. */
export async function lockNotificationForMail(db: Db, id: string): Promise<NotificationWithRecipient[]> {
  const rows = await db
    .select(withRecipient)
    .from(notifications)
    .innerJoin(
      users,
      and(eq(users.id, notifications.recipientId), eq(users.instansiId, notifications.instansiId)),
    )
    .where(eq(notifications.id, id))
    .for('update', { of: notifications, skipLocked: true })
  return rows.map(flatten)
}

/** Locks up to `limit` notifications waiting for the daily digest, oldest first. */
export async function lockDigestNotifications(db: Db, limit: number): Promise<NotificationWithRecipient[]> {
  const rows = await db
    .select(withRecipient)
    .from(notifications)
    .innerJoin(
      users,
      and(eq(users.id, notifications.recipientId), eq(users.instansiId, notifications.instansiId)),
    )
    .where(eq(notifications.emailStatus, 'digest'))
    .orderBy(notifications.recipientId, notifications.createdAt)
    .limit(limit)
    .for('update', { of: notifications, skipLocked: true })
  return rows.map(flatten)
}

export async function setNotificationsEmailStatus(
  db: Db,
  ids: readonly string[],
  status: NotificationEmailStatus,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(notifications)
    .set({ emailStatus: status, mailedAt: status === 'sent' ? now : sql`${notifications.mailedAt}` })
    .where(inArray(notifications.id, [...ids]))
}
