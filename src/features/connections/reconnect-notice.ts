// An account that needs reconnecting says so at once (issue #8): when a connection enters needs_reconnect (the
// platform refused its credentials: auth_expired from a refresh, a publish, a metrics reading or a verify), the
// account's penanggung jawab and the admins over its unit (the instansi's admins among them) are told in the app
// and by e-mail — what to do, and how many scheduled posts wait for it. Called by recordConnectorErrorIn in the
// transaction that made the move, so a notice goes out once per entry and never for a move that rolled back.
import type { Db } from '../../db/client.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import { countScheduledOfAccount } from '../../db/post-variants-repository.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import { notifyUsers } from '../notifications/notify-users.ts'

export async function noticeReconnectNeeded(
  tx: Db,
  ref: { instansiId: string; id: string },
  options: { mailEnabled: boolean; now: Date },
): Promise<string[]> {
  const account = await getAccount(tx, ref.instansiId, ref.id)
  if (!account) return []
  const admins = await activeUsersHoldingRoleOver(tx, account.instansiId, account.unitPath, ['admin'])
  const recipients = [account.penanggungJawab.userId, ...admins.map((admin) => admin.userId)]
  const scheduled = await countScheduledOfAccount(tx, account.instansiId, account.id)
  const platform = isPlatform(account.platform) ? PLATFORM_LABELS[account.platform] : account.platform
  return notifyUsers(
    tx,
    account.instansiId,
    recipients,
    {
      kind: 'connections.reconnect_needed',
      titleKey: 'connections.notice.reconnect_title',
      bodyKey:
        scheduled > 0 ? 'connections.notice.reconnect_body_waiting' : 'connections.notice.reconnect_body',
      params: { handle: account.handleDisplay ?? account.handle, platform, scheduled },
      // The registry with this account's connection open, where "Hubungkan ulang" is.
      link: `/accounts?connection=${account.id}`,
    },
    options,
  )
}
