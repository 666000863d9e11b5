// Tells users something needs them: an in-app notification for each, and an e-mail by their own choice — at once
// (a send-notification-mail job, enqueued in the caller's transaction so the mail goes out only once the change
// commits), in the daily digest, or none. Title and body are catalogue keys with parameters, so each reader sees
// them in their own language, in the app and in the mail.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { insertNotifications, type NewNotification } from '../../db/notifications-repository.ts'
import { notificationPreferencesOf } from '../../db/users-repository.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import { enqueue } from '../jobs/enqueue.ts'

export const NOTIFICATION_KINDS = [
  'approval.requested',
  'approval.approved',
  'approval.rejected',
  'approval.changes_requested',
  'approval.expired',
  'approval.crisis_approver',
  'approval.blocked',
  'publishing.reconnect_needed',
  'agenda.task_assigned',
  'connections.token_expiring',
  'connections.reconnect_needed',
  // An SLA clock (reply target, UU KIP, SP4N-LAPOR!) about to run out, and one that ran out (issue #9).
  'sla.reminder',
  'sla.breached',
  // A junior's reply waits for the penanggung jawab; its author told of the decision (issue #9 item 4).
  'inbox.reply_awaiting_approval',
  'inbox.reply_approved',
  'inbox.reply_rejected',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_EMAIL_CHOICES = ['immediately', 'daily', 'none'] as const
export type NotificationEmailChoice = (typeof NOTIFICATION_EMAIL_CHOICES)[number]

export interface Notice {
  kind: NotificationKind
  titleKey: MessageKey
  bodyKey: MessageKey
  params?: Record<string, string | number> | undefined
  /** A path inside the web app ('/approval-chains'), made absolute with the public URL in mails. */
  link?: string | null | undefined
}

export interface NotifyOptions {
  /** Whether this deployment can send mail (SMTP configured); without it notifications stay in the app. */
  mailEnabled: boolean
  now: Date
}

/** Pass the transaction of the change the notice is about. Returns the ids of the notifications made. */
export async function notifyUsers(
  tx: Db,
  instansiId: string,
  recipientIds: readonly string[],
  notice: Notice,
  options: NotifyOptions,
): Promise<string[]> {
  const recipients = await notificationPreferencesOf(tx, instansiId, [...new Set(recipientIds)])
  const rows: NewNotification[] = recipients.map((recipient) => ({
    id: randomUUID(),
    instansiId,
    recipientId: recipient.id,
    kind: notice.kind,
    titleKey: notice.titleKey,
    bodyKey: notice.bodyKey,
    params: notice.params ?? {},
    link: notice.link ?? null,
    emailStatus: !options.mailEnabled
      ? 'none'
      : recipient.notificationEmail === 'immediately'
        ? 'pending'
        : recipient.notificationEmail === 'daily'
          ? 'digest'
          : 'none',
  }))
  await insertNotifications(tx, rows, options.now)
  for (const row of rows)
    if (row.emailStatus === 'pending') await enqueue(tx, 'send-notification-mail', { notificationId: row.id })
  return rows.map((row) => row.id)
}
