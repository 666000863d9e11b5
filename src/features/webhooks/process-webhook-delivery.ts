// The work behind an accepted webhook delivery (job process-webhook-delivery): its events become inbox items of the
// connected accounts they are about (features/inbox/ingest-webhook.ts, the same idempotent store as polling), and
// the delivery is marked processed — once, whichever worker gets it (claimAndRecheck). What was stored is
// classified after the transaction commits; a failed classification is left to the inbox sweeper.
import type { WebhookEvent } from '../../connectors/webhook.ts'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  lockWebhookDelivery,
  markWebhookDeliveryProcessed,
  type WebhookDeliveryRow,
} from '../../db/webhook-deliveries-repository.ts'
import { classifyItems } from '../inbox/classify-items.ts'
import { ingestWebhookEvents, type WebhookIngestResult } from '../inbox/ingest-webhook.ts'
import { classifyStored } from '../inbox/ingest-poll.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'

export async function processWebhookDelivery(
  deps: { db: Db; clock: Clock },
  id: string,
): Promise<{ processed: boolean; matchedAccounts: number }> {
  const result = await claimAndRecheck<WebhookDeliveryRow, WebhookIngestResult>(deps.db, {
    claim: (tx) => lockWebhookDelivery(tx, id),
    isStillDue: (row) => row.status === 'pending',
    async act(tx, [row]) {
      const now = deps.clock.now()
      const ingested = await ingestWebhookEvents(tx, row!.platform, row!.events as WebhookEvent[], now)
      await markWebhookDeliveryProcessed(tx, row!.id, ingested.matchedAccounts, now)
      return ingested
    },
  })
  const ingested = result.outcome
  if (ingested) {
    for (const [instansiId, ids] of ingested.toClassify) await classifyStored(deps, instansiId, ids)
    for (const instansiId of ingested.edited) {
      try {
        await classifyItems(deps, instansiId)
      } catch {
        // Left unclassified: the inbox sweeper takes it within a minute.
      }
    }
  }
  return { processed: ingested !== undefined, matchedAccounts: ingested?.matchedAccounts ?? 0 }
}
