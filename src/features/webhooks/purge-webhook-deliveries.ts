// Housekeeping of webhook_deliveries (job purge-webhook-deliveries, hourly): a delivery is kept while it may be
// needed — processed ones for WEBHOOK_PROCESSED_RETENTION_DAYS, ones never processed (the job kept failing) for
// WEBHOOK_UNPROCESSED_RETENTION_DAYS, for a look at what went wrong — and then deleted in batches, so one run
// never holds a long transaction. Constants, not settings: the table is the deployment's, not an instansi's
// (ARCHITECTURE.md, "Tables").
//
// The de-duplication stays honest. receiveWebhook refuses a delivery whose signed time (`sentAt`) is more than
// WEBHOOK_REPLAY_WINDOW_MS (5 minutes) old before it looks for the stored id, so a delivery id purged after 30 days
// cannot be replayed: its signed time gives it away. The stored id is the only guard for a delivery that carries
// no time (Telegram's updates; a Meta or X body without any event time): such a copy, replayed after its row is
// purged, would be accepted again. For Telegram that adds nothing an attacker lacks — its check is a static secret
// header, and whoever holds a captured request can forge a fresh one — and what processes deliveries must treat an
// event it already knows (by the platform's id) as known anyway.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { deleteOldWebhookDeliveries } from '../../db/webhook-deliveries-repository.ts'

export const WEBHOOK_PROCESSED_RETENTION_DAYS = 30
export const WEBHOOK_UNPROCESSED_RETENTION_DAYS = 90
const DAY_MS = 24 * 3_600_000
const BATCH = 1_000
/** At most this many batches a run (the next hour's run takes the rest of a backlog). */
const MAX_BATCHES = 100

export async function purgeWebhookDeliveries(
  deps: { db: Db; clock: Clock },
  options: { batchSize?: number } = {},
): Promise<{ deleted: number }> {
  const now = deps.clock.now().getTime()
  const cutoffs = {
    processedBefore: new Date(now - WEBHOOK_PROCESSED_RETENTION_DAYS * DAY_MS),
    anyBefore: new Date(now - WEBHOOK_UNPROCESSED_RETENTION_DAYS * DAY_MS),
  }
  const batchSize = options.batchSize ?? BATCH
  let deleted = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await deps.db.transaction((tx) => deleteOldWebhookDeliveries(tx, cutoffs, batchSize))
    deleted += count
    if (count < batchSize) break
  }
  return { deleted }
}
