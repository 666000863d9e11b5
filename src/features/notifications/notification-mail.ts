// Mails notifications: one at once (send-notification-mail) or each user's waiting ones in one daily digest
// (send-notification-digests). Both lock their rows, re-check they still wait for mail, send, and mark them sent
// in one transaction: a failed send rolls back and the job is retried; a second delivery finds nothing to send.
// The mail is sent before the commit, so a crash between the two can send it twice — the kinder failure for a
// notice than never sending it.
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import {
  lockDigestNotifications,
  lockNotificationForMail,
  setNotificationsEmailStatus,
  type NotificationWithRecipient,
} from '../../db/notifications-repository.ts'
import { isMessageKey } from '../../shared/messages/catalogue.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import { sendMail } from '../mail/send-mail.ts'

export interface NotificationMailDeps {
  db: Db
  config: Pick<Config, 'mail' | 'publicUrl'>
  clock: Clock
}

const DIGEST_BATCH = 500

function render(locale: string, key: string, params: Record<string, string | number>): string {
  return isMessageKey(key) ? formatMessage(locale, key, params) : key
}

function linkOf(config: NotificationMailDeps['config'], link: string | null): string | null {
  return link ? `${config.publicUrl.replace(/\/$/, '')}${link}` : null
}

function entryText(config: NotificationMailDeps['config'], row: NotificationWithRecipient): string {
  const link = linkOf(config, row.link)
  return [render(row.recipientLocale, row.bodyKey, row.params), link].filter(Boolean).join('\n')
}

export type NotificationMailOutcome = 'sent' | 'not_due'

export async function sendNotificationMail(
  deps: NotificationMailDeps,
  notificationId: string,
): Promise<NotificationMailOutcome> {
  const now = deps.clock.now()
  const result = await claimAndRecheck(deps.db, {
    claim: (tx) => lockNotificationForMail(tx, notificationId),
    isStillDue: (row) => row.emailStatus === 'pending' && !row.recipientDisabled,
    act: async (tx, [row]) => {
      const locale = row!.recipientLocale
      await sendMail(deps.config, {
        to: row!.recipientEmail,
        subject: render(locale, row!.titleKey, row!.params),
        text: `${entryText(deps.config, row!)}\n\n${formatMessage(locale, 'notifications.mail_footer')}`,
      })
      await setNotificationsEmailStatus(tx, [row!.id], 'sent', now)
    },
  })
  return result.due > 0 ? 'sent' : 'not_due'
}

/** Sends every waiting digest, one mail per user; returns how many mails went out. */
export async function sendNotificationDigests(deps: NotificationMailDeps): Promise<{ mails: number }> {
  const now = deps.clock.now()
  let mails = 0
  for (;;) {
    const result = await claimAndRecheck(deps.db, {
      claim: (tx) => lockDigestNotifications(tx, DIGEST_BATCH),
      isStillDue: (row) => row.emailStatus === 'digest',
      act: async (tx, due) => {
        const byRecipient = new Map<string, NotificationWithRecipient[]>()
        for (const row of due)
          byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row])
        for (const rows of byRecipient.values()) {
          const first = rows[0]!
          // A disabled user's digest is dropped, not kept for later.
          if (!first.recipientDisabled) {
            const locale = first.recipientLocale
            const entries = rows.map(
              (row) =>
                `• ${render(locale, row.titleKey, row.params)}\n  ${entryText(deps.config, row).replace(/\n/g, '\n  ')}`,
            )
            await sendMail(deps.config, {
              to: first.recipientEmail,
              subject: formatMessage(locale, 'notifications.digest_subject', { count: rows.length }),
              text: `${formatMessage(locale, 'notifications.digest_intro', { name: first.recipientName, count: rows.length })}\n\n${entries.join('\n\n')}\n\n${formatMessage(locale, 'notifications.mail_footer')}`,
            })
            mails++
          }
          await setNotificationsEmailStatus(
            tx,
            rows.map((row) => row.id),
            first.recipientDisabled ? 'none' : 'sent',
            now,
          )
        }
      },
    })
    if (result.claimed < DIGEST_BATCH) return { mails }
  }
}
