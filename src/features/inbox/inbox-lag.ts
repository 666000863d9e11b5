// How far the inbox is behind an account, for the account's health (issue #9: "a connector that falls behind shows
// it"): the last poll and the last good one, since when it is behind, the failures in a row, and whether the
// backfill on connect finished. Behind means polls are failing (since the first failure in a row), or nothing
// polled the account successfully for STALE_AFTER_MS while it is connected (no worker running, a poll stuck).
import type { InboxCursorRow } from '../../db/inbox-repository.ts'
import type { ConnectionStateName } from '../../shared/statuses.ts'

/** Twice the quietest polling interval (ingest-poll.ts POLL_INTERVALS.idleMs). */
export const STALE_AFTER_MS = 30 * 60_000

export interface InboxLag {
  /** ISO times. */
  lastPolledAt: string | null
  lastSuccessAt: string | null
  /** Since when the inbox is behind this account; null while it keeps up. */
  behindSince: string | null
  failures: number
  lastError: string | null
  /** When the first complete read (backfill on connect) finished; null while it runs. */
  backfilledAt: string | null
}

export function inboxLagOf(
  cursor: InboxCursorRow | undefined,
  state: ConnectionStateName,
  now: Date,
): InboxLag {
  const iso = (value: Date | null | undefined) => value?.toISOString() ?? null
  let behind = cursor?.behindSince ?? null
  const lastGood = cursor?.lastSuccessAt ?? null
  if (!behind && state === 'connected' && lastGood && now.getTime() - lastGood.getTime() > STALE_AFTER_MS)
    behind = lastGood
  return {
    lastPolledAt: iso(cursor?.lastPolledAt),
    lastSuccessAt: iso(lastGood),
    behindSince: iso(behind),
    failures: cursor?.failures ?? 0,
    lastError: cursor?.lastError ?? null,
    backfilledAt: iso(cursor?.backfilledAt),
  }
}
