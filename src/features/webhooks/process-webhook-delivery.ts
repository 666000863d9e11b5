// The work behind an accepted webhook delivery (job process-webhook-delivery). For now: the events stay in the
// delivery row (the inbox of issue #9 will read interactions from there), the accounts they are about are found
// by their platform id, and the delivery is marked processed — once, whichever worker gets it (claimAndRecheck).
import type { WebhookEvent } from '../../connectors/webhook.ts'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { countConnectedByPlatformIds } from '../../db/account-connections-repository.ts'
import {
  lockWebhookDelivery,
  markWebhookDeliveryProcessed,
  type WebhookDeliveryRow,
} from '../../db/webhook-deliveries-repository.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'

export async function processWebhookDelivery(
  deps: { db: Db; clock: Clock },
  id: string,
): Promise<{ processed: boolean; matchedAccounts: number }> {
  const result = await claimAndRecheck<WebhookDeliveryRow, number>(deps.db, {
    claim: (tx) => lockWebhookDelivery(tx, id),
    isStillDue: (row) => row.status === 'pending',
    async act(tx, [row]) {
      const events = row!.events as WebhookEvent[]
      const accountIds = [
        ...new Set(
          events.map((event) => event.accountExternalId).filter((value): value is string => !!value),
        ),
      ]
      const matched = await countConnectedByPlatformIds(tx, row!.platform, accountIds)
      await markWebhookDeliveryProcessed(tx, row!.id, matched, deps.clock.now())
      return matched
    },
  })
  return { processed: result.outcome !== undefined, matchedAccounts: result.outcome ?? 0 }
}
