// Who is told about a junior's reply: the penanggung jawab who may approve it when it starts waiting (in the app,
// and by mail as every other approval notice), and its author once it is approved or refused. Sent inside the
// transaction of the change, so a notice goes out once and never for a change that rolled back.
import type { Db } from '../../db/client.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import type { InboxReplyRow } from '../../db/inbox-work-repository.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import { notifyUsers, type Notice, type NotifyOptions } from '../notifications/notify-users.ts'

/** The role that holds post.approve, the permission approveReply asks for on the item's unit. */
const APPROVER_ROLE = 'penanggung_jawab'

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= 80 ? flat : `${flat.slice(0, 79)}…`
}

function itemLink(item: Pick<InboxItemRow, 'id'>): string {
  return `/inbox?item=${item.id}`
}

/**
 * Who approves a reply to the item: the account's penanggung jawab when they may approve on the item's unit (the
 * item may have been routed to another unit), else every penanggung jawab over the item's unit. Never the author.
 */
export async function replyApproversOf(
  tx: Db,
  item: Pick<InboxItemRow, 'instansiId' | 'accountId' | 'unitPath'>,
  authorUserId: string | null,
): Promise<string[]> {
  const holders = (await activeUsersHoldingRoleOver(tx, item.instansiId, item.unitPath, [APPROVER_ROLE]))
    .map((holder) => holder.userId)
    .filter((userId) => userId !== authorUserId)
  const account = await getAccount(tx, item.instansiId, item.accountId)
  const accountPj = account?.penanggungJawab.userId
  if (accountPj && holders.includes(accountPj)) return [accountPj]
  return [...new Set(holders)]
}

export async function noticeReplyAwaitingApproval(
  tx: Db,
  item: InboxItemRow,
  reply: InboxReplyRow,
  authorName: string,
  options: NotifyOptions,
): Promise<string[]> {
  const recipients = await replyApproversOf(tx, item, reply.authorUserId)
  return notifyUsers(
    tx,
    item.instansiId,
    recipients,
    {
      kind: 'inbox.reply_awaiting_approval',
      titleKey: 'notifications.reply_awaiting_approval.title',
      bodyKey: 'notifications.reply_awaiting_approval.body',
      params: { author: authorName, citizen: `@${item.authorHandle}`, text: excerpt(reply.body) },
      link: itemLink(item),
    },
    options,
  )
}

export function replyDecisionNotice(
  item: InboxItemRow,
  reply: InboxReplyRow,
  verdict: 'approved' | 'rejected',
  by: string,
): Notice {
  const params = { by, citizen: `@${item.authorHandle}`, text: excerpt(reply.body) }
  return verdict === 'approved'
    ? {
        kind: 'inbox.reply_approved',
        titleKey: 'notifications.reply_approved.title',
        bodyKey: 'notifications.reply_approved.body',
        params,
        link: itemLink(item),
      }
    : {
        kind: 'inbox.reply_rejected',
        titleKey: 'notifications.reply_rejected.title',
        bodyKey: 'notifications.reply_rejected.body',
        params,
        link: itemLink(item),
      }
}

/** Tells the reply's author what the penanggung jawab decided. */
export async function noticeReplyDecision(
  tx: Db,
  item: InboxItemRow,
  reply: InboxReplyRow,
  verdict: 'approved' | 'rejected',
  by: string,
  options: NotifyOptions,
): Promise<string[]> {
  if (!reply.authorUserId) return []
  return notifyUsers(
    tx,
    item.instansiId,
    [reply.authorUserId],
    replyDecisionNotice(item, reply, verdict, by),
    options,
  )
}
