// The readings of a published post's metrics (issue #7 item 6): one hour, one day and one week after it went out.
// Planned by the publishing engine in the transaction that records `published` (accepted or reconciled), so a
// published variant always has its three rows; the collect-post-metrics job takes them when they fall due.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { insertMetricCheckpoints, type MetricCheckpoint } from '../../db/post-metrics-repository.ts'

const HOUR_MS = 60 * 60_000

/** Each checkpoint and how long after publishing it is read. */
export const METRIC_CHECKPOINTS: readonly { checkpoint: MetricCheckpoint; afterMs: number }[] = [
  { checkpoint: '1h', afterMs: HOUR_MS },
  { checkpoint: '24h', afterMs: 24 * HOUR_MS },
  { checkpoint: '7d', afterMs: 7 * 24 * HOUR_MS },
]

export async function planMetricReadings(
  tx: Db,
  variant: { id: string; instansiId: string },
  publishedAt: Date,
): Promise<void> {
  await insertMetricCheckpoints(
    tx,
    METRIC_CHECKPOINTS.map(({ checkpoint, afterMs }) => ({
      id: randomUUID(),
      instansiId: variant.instansiId,
      variantId: variant.id,
      checkpoint,
      dueAt: new Date(publishedAt.getTime() + afterMs),
    })),
  )
}
