// Collects the metrics readings that fell due (collect-post-metrics job, every minute and at worker start). Due
// rows are taken under a lease, grouped by account, and read through the account's connector many posts per
// call (runForAccount records the account's health). What the platform answers decides each row:
//   - a count for the post → the reading is stored and copied to the variant as its latest (metrics, metrics_at);
//   - no such post any more → the post was deleted on the platform: its open readings close as `post_deleted`;
//   - rate_limited → the account's rows wait for the window, no attempt counted, nothing more asked this run;
//   - auth_expired → the account needs a reconnect (recorded as its health): its rows wait hours, one attempt each;
//   - anything else (unavailable, a disconnected account) → one attempt, backoff; after the last, given up.
import type { Clock } from '../../clock.ts'
import { isConnectorError, type PostMetrics } from '../../connectors/connector.ts'
import {
  closeMetricReadingsOfVariant,
  giveUpMetricReading,
  postponeMetricReading,
  recordMetricReading,
  takeDueMetricReadings,
  type DueMetricReading,
} from '../../db/post-metrics-repository.ts'
import { setVariantMetrics } from '../../db/post-variants-repository.ts'
import type { StoredMetrics } from '../../db/schema/index.ts'
import { isAppError } from '../app-error.ts'
import { errorMessageOf, runForAccount, type ConnectionDeps } from '../connections/account-connector.ts'

export interface MetricsDeps extends ConnectionDeps {
  clock: Clock
}

/** Tries counted per reading (rate limits are not) before it is given up. */
export const MAX_METRIC_ATTEMPTS = 5
/** Post ids per fetchMetrics call (Bluesky's getPosts takes 25). */
export const METRICS_BATCH_SIZE = 25
/** How long taken rows stay away from another collector; a collector that dies leaves them due after it. */
const LEASE_MS = 5 * 60_000
const FIRST_BACKOFF_MS = 5 * 60_000
const RECONNECT_WAIT_MS = 6 * 60 * 60_000
/** What a reading closed without metrics says when its post is gone from the platform. */
export const POST_DELETED = 'post_deleted'

export interface CollectResult {
  read: number
  deleted: number
  postponed: number
  givenUp: number
}

function storedOf(metrics: PostMetrics): StoredMetrics {
  return {
    likes: metrics.likes,
    shares: metrics.shares,
    replies: metrics.replies,
    quotes: metrics.quotes,
    views: metrics.views,
  }
}

function groupByAccount(rows: readonly DueMetricReading[]): DueMetricReading[][] {
  const groups = new Map<string, DueMetricReading[]>()
  for (const row of rows) {
    const key = `${row.instansiId}/${row.accountId}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return [...groups.values()]
}

/** Batches of rows covering at most `size` distinct posts (a post's 1 h and 24 h readings may be due together). */
function batchesOf(rows: readonly DueMetricReading[], size: number): DueMetricReading[][] {
  const batches: DueMetricReading[][] = []
  let current: DueMetricReading[] = []
  let posts = new Set<string>()
  for (const row of rows) {
    if (!posts.has(row.platformPostId) && posts.size >= size) {
      batches.push(current)
      current = []
      posts = new Set()
    }
    posts.add(row.platformPostId)
    current.push(row)
  }
  if (current.length > 0) batches.push(current)
  return batches
}

export async function collectPostMetrics(
  deps: MetricsDeps,
  options: {
    limit?: number | undefined
    /** Only this instansi's readings (tests, which share one database); every instansi by default. */
    instansiId?: string | undefined
  } = {},
): Promise<CollectResult> {
  const now = deps.clock.now()
  const due = await deps.db.transaction((tx) =>
    takeDueMetricReadings(
      tx,
      now,
      new Date(now.getTime() + LEASE_MS),
      MAX_METRIC_ATTEMPTS,
      options.limit ?? 1_000,
      options.instansiId,
    ),
  )
  const result: CollectResult = { read: 0, deleted: 0, postponed: 0, givenUp: 0 }
  for (const rows of groupByAccount(due)) {
    const batches = batchesOf(rows, METRICS_BATCH_SIZE)
    for (const [index, batch] of batches.entries()) {
      const first = batch[0]!
      const ids = [...new Set(batch.map((row) => row.platformPostId))]
      let found: Map<string, PostMetrics>
      try {
        found = await runForAccount(deps, first.instansiId, first.accountId, (connector) =>
          connector.fetchMetrics(ids),
        )
      } catch (error) {
        // A rate limit or an expired access holds for the whole account: its other batches wait too.
        const wholeAccount = isConnectorError(error) && ['rate_limited', 'auth_expired'].includes(error.kind)
        await postpone(deps, wholeAccount ? batches.slice(index).flat() : batch, error, result)
        if (wholeAccount) break
        continue
      }
      await recordReadings(deps, batch, found, result)
    }
  }
  return result
}

async function recordReadings(
  deps: MetricsDeps,
  batch: readonly DueMetricReading[],
  found: Map<string, PostMetrics>,
  result: CollectResult,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    for (const row of batch) {
      const metrics = found.get(row.platformPostId)
      if (metrics) {
        await recordMetricReading(tx, row.instansiId, row.id, storedOf(metrics), now)
        await setVariantMetrics(tx, row.instansiId, row.variantId, storedOf(metrics), now)
        result.read++
      } else {
        await closeMetricReadingsOfVariant(tx, row.instansiId, row.variantId, POST_DELETED, now)
        result.deleted++
      }
    }
  })
}

/** Records why the rows were not read and when to try again (or that they are given up). */
async function postpone(
  deps: MetricsDeps,
  rows: readonly DueMetricReading[],
  error: unknown,
  result: CollectResult,
): Promise<void> {
  const now = deps.clock.now()
  const kind = isConnectorError(error) ? error.kind : isAppError(error) ? error.key : 'internal'
  const text = isConnectorError(error)
    ? `${kind}: ${errorMessageOf(error)}`
    : `${kind}: ${error instanceof Error ? error.message : String(error)}`
  const notBefore = isConnectorError(error) && error.retryAt ? error.retryAt.getTime() : 0
  await deps.db.transaction(async (tx) => {
    for (const row of rows) {
      if (kind === 'rate_limited') {
        // The window is the platform's: no attempt counted.
        const at = new Date(notBefore || now.getTime() + 60_000)
        await postponeMetricReading(tx, row.instansiId, row.id, {
          dueAt: at,
          lastError: text,
          countAttempt: false,
        })
        result.postponed++
      } else if (row.attempts + 1 >= MAX_METRIC_ATTEMPTS) {
        await giveUpMetricReading(tx, row.instansiId, row.id, text, now)
        result.givenUp++
      } else {
        const wait =
          kind === 'auth_expired' ? RECONNECT_WAIT_MS : FIRST_BACKOFF_MS * 2 ** Math.max(0, row.attempts)
        await postponeMetricReading(tx, row.instansiId, row.id, {
          dueAt: new Date(Math.max(now.getTime() + wait, notBefore)),
          lastError: text,
          countAttempt: true,
        })
        result.postponed++
      }
    }
  })
}
