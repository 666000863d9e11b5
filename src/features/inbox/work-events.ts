// Live updates of the inbox (Server-Sent Events): what changed in the actor's units since the last look — new
// items, status and assignment changes, presence. Read from the database by updated_at every couple of seconds,
// so every API process sees every other's changes and both engines work the same (PGlite has no LISTEN/NOTIFY
// across processes; a poll on the (instansi_id, updated_at) index is cheap for the few open screens an office has).
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { itemsChangedSince, presenceChangedSince, type PresenceRow } from '../../db/inbox-work-repository.ts'
import type { Actor } from '../access/policy.ts'
import { readScope, type InboxDeps } from './work-queue.ts'

/** A change committed a little after its updated_at was taken is still seen: each look reaches back this far. */
const OVERLAP_MS = 5_000

export type InboxEvent = { type: 'item'; item: InboxItemRow } | { type: 'presence'; presence: PresenceRow }

export interface InboxEventCursor {
  since: Date
  /** What was sent in the overlap window (id → updated_at ms), so nothing goes out twice. */
  sent: Map<string, number>
}

export function startCursor(since: Date): InboxEventCursor {
  return { since, sent: new Map() }
}

/** One look: the changes after the cursor within the actor's inbox.read units; moves the cursor. */
export async function pollInboxEvents(
  deps: InboxDeps,
  actor: Actor,
  cursor: InboxEventCursor,
): Promise<InboxEvent[]> {
  const prefixes = readScope(actor)
  const from = new Date(cursor.since.getTime() - OVERLAP_MS)
  const [items, presence] = await Promise.all([
    itemsChangedSince(deps.db, actor.instansiId, prefixes, from),
    presenceChangedSince(deps.db, actor.instansiId, prefixes, from),
  ])
  const events: InboxEvent[] = []
  let newest = cursor.since.getTime()
  for (const item of items) {
    const at = item.updatedAt.getTime()
    if (cursor.sent.get(`i:${item.id}`) === at) continue
    cursor.sent.set(`i:${item.id}`, at)
    newest = Math.max(newest, at)
    events.push({ type: 'item', item })
  }
  for (const row of presence) {
    if (row.userId === actor.userId) continue
    const at = row.seenAt.getTime()
    const key = `p:${row.threadId}:${row.userId}`
    if (cursor.sent.get(key) === at) continue
    cursor.sent.set(key, at)
    newest = Math.max(newest, at)
    events.push({ type: 'presence', presence: row })
  }
  cursor.since = new Date(Math.max(newest, cursor.since.getTime()))
  const keepAfter = cursor.since.getTime() - 2 * OVERLAP_MS
  for (const [key, at] of cursor.sent) if (at < keepAfter) cursor.sent.delete(key)
  return events
}
