// YouTube Data API quota, as a pure helper (platforms.md §3.4.5): every project has 10 000 units a day, reset at
// midnight Pacific time; each call costs units by its method (documented in the quota calculator,
// https://developers.google.com/youtube/v3/determine_quota_cost), even a call that fails. videos.insert also has
// its own bucket of 100 uploads a day. The connector tells ConnectorContext.meter each call's cost; the app adds
// them up per quota day for the whole deployment (features/connections/metered-quota.ts) and health shows them.

export const YOUTUBE_DAILY_UNITS = 10_000
export const YOUTUBE_DAILY_UPLOADS = 100

/** The unit cost of each API method the connector calls (quota calculator, "Quota costs"). */
export const YOUTUBE_UNIT_COSTS = {
  'channels.list': 1,
  'playlistItems.list': 1,
  'commentThreads.list': 1,
  'comments.list': 1,
  'videos.list': 1,
  'videos.insert': 100,
  'videos.delete': 50,
  'comments.insert': 50,
  'comments.setModerationStatus': 50,
} as const
export type YouTubeMethod = keyof typeof YOUTUBE_UNIT_COSTS

/** The API calls each connector operation makes at most (one page each), for the cost shown before an action. */
export const YOUTUBE_OPERATION_CALLS: Readonly<Record<string, readonly YouTubeMethod[]>> = {
  verify: ['channels.list'],
  publish: ['channels.list', 'videos.insert'],
  findPublished: ['channels.list', 'playlistItems.list'],
  fetchInteractions: ['channels.list', 'commentThreads.list'],
  reply: ['comments.insert'],
  hideReply: ['comments.setModerationStatus'],
  deleteReply: ['comments.setModerationStatus'],
  deletePost: ['videos.delete'],
  fetchMetrics: ['videos.list'],
}

const PACIFIC = 'America/Los_Angeles'
const pacificParts = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function partsOf(at: Date): {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
} {
  const parts = Object.fromEntries(pacificParts.formatToParts(at).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Pacific time minus UTC at that instant, in milliseconds (-8 h in winter, -7 h in summer). */
function pacificOffsetMs(at: Date): number {
  const p = partsOf(at)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/** The quota day an instant belongs to, as YYYY-MM-DD in Pacific time. */
export function quotaDayOf(at: Date): string {
  const p = partsOf(at)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** When the quota resets next: the coming midnight in Pacific time (summer time included). */
export function nextQuotaReset(now: Date): Date {
  const p = partsOf(now)
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1)
  // The offset at the guess decides; midnight never falls inside a summer-time jump (those happen at 02:00).
  const guess = new Date(midnightAsUtc - pacificOffsetMs(now))
  return new Date(midnightAsUtc - pacificOffsetMs(guess))
}

export interface QuotaUse {
  /** The Pacific day counted (YYYY-MM-DD). */
  day: string
  units: number
  remaining: number
  uploads: number
  uploadsRemaining: number
  resetsAt: Date
}

/** Today's use (Pacific day of `now`) from the API calls made, each counted at its documented cost. */
export function quotaUse(
  calls: readonly { method: YouTubeMethod; at: Date }[],
  now: Date,
  dailyUnits: number = YOUTUBE_DAILY_UNITS,
): QuotaUse {
  const day = quotaDayOf(now)
  let units = 0
  let uploads = 0
  for (const call of calls) {
    if (quotaDayOf(call.at) !== day) continue
    units += YOUTUBE_UNIT_COSTS[call.method]
    if (call.method === 'videos.insert') uploads += 1
  }
  return {
    day,
    units,
    remaining: Math.max(0, dailyUnits - units),
    uploads,
    uploadsRemaining: Math.max(0, YOUTUBE_DAILY_UPLOADS - uploads),
    resetsAt: nextQuotaReset(now),
  }
}

/** The units one connector operation costs at most (one page of each list call). */
export function operationUnits(operation: keyof typeof YOUTUBE_OPERATION_CALLS): number {
  return (YOUTUBE_OPERATION_CALLS[operation] ?? []).reduce(
    (sum, method) => sum + YOUTUBE_UNIT_COSTS[method],
    0,
  )
}
