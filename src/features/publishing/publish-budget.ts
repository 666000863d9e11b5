// The publishing rate budgets, pure: how many publishes an account (and a whole platform, for Warta's app or
// address) may make per window (src/shared/platform-rules.ts `publishLimits`), whether one more may go now, and
// the slots a batch of due variants is spread over so the engine never fires beyond the budget and earns 429s.
// The windows are fixed: a window opens at its first publish and holds `calls` until `windowSeconds` later. The
// state lives in publish_budgets rows (db/publish-budgets-repository.ts) so every worker shares it.
import type { PublishLimit } from '../../shared/platform-rules.ts'

export type BudgetScope = 'account' | 'platform'

/** One stored window of one scope and limit. */
export interface BudgetWindow {
  windowStartedAt: Date
  used: number
  /** The platform said to wait (a `rate_limited` with a reset time): nothing goes before this. */
  pausedUntil: Date | null
}

export type TakeResult = { granted: true; window: BudgetWindow } | { granted: false; retryAt: Date }

function windowEnd(window: BudgetWindow, limit: PublishLimit): number {
  return window.windowStartedAt.getTime() + limit.windowSeconds * 1000
}

/** The window as it stands at `now`: a window that has run out is a fresh one (pause kept while it holds). */
export function currentWindow(
  window: BudgetWindow | undefined,
  limit: PublishLimit,
  now: Date,
): BudgetWindow | undefined {
  if (!window) return undefined
  if (now.getTime() >= windowEnd(window, limit)) {
    const pausedUntil =
      window.pausedUntil && window.pausedUntil.getTime() > now.getTime() ? window.pausedUntil : null
    return pausedUntil ? { windowStartedAt: window.windowStartedAt, used: 0, pausedUntil } : undefined
  }
  return window
}

/** Takes one publish from one window: granted with the window after it, or the earliest time to ask again. */
export function takeToken(window: BudgetWindow | undefined, limit: PublishLimit, now: Date): TakeResult {
  if (window?.pausedUntil && window.pausedUntil.getTime() > now.getTime())
    return { granted: false, retryAt: window.pausedUntil }
  const current = currentWindow(window, limit, now)
  if (!current || now.getTime() >= windowEnd(current, limit) || current.pausedUntil)
    return { granted: true, window: { windowStartedAt: now, used: 1, pausedUntil: null } }
  if (current.used < limit.calls) return { granted: true, window: { ...current, used: current.used + 1 } }
  return { granted: false, retryAt: new Date(windowEnd(current, limit)) }
}

/**
 * One publish from every window that applies (the account's and the platform's): granted only when all have
 * room, else the latest of their reset times (asking earlier would be refused by one of them).
 */
export function takeTokens(
  windows: readonly { window: BudgetWindow | undefined; limit: PublishLimit }[],
  now: Date,
): { granted: true; windows: BudgetWindow[] } | { granted: false; retryAt: Date } {
  const results = windows.map(({ window, limit }) => takeToken(window, limit, now))
  const refused = results.filter((result) => !result.granted)
  if (refused.length > 0)
    return {
      granted: false,
      retryAt: new Date(Math.max(...refused.map((result) => result.retryAt.getTime()))),
    }
  return {
    granted: true,
    windows: results.map((result) => (result as { window: BudgetWindow }).window),
  }
}

/**
 * A scope's windows for planning: consecutive windows from `origin` (the stored window's start while it runs,
 * else now), with the publishes planned in each. The claims open real windows at their first publish, so the
 * plan is close to, not exactly, what takeToken will do; takeToken enforces, and defers the odd one left over.
 */
interface PlannedWindows {
  origin: number
  lengthMs: number
  used: Map<number, number>
  pausedUntil: number
}

function windowIndex(plan: PlannedWindows, at: number): number {
  return plan.lengthMs === 0 ? 0 : Math.floor((at - plan.origin) / plan.lengthMs)
}

function slotIn(plan: PlannedWindows, limit: PublishLimit, from: number): number {
  let at = Math.max(from, plan.pausedUntil)
  if (plan.lengthMs === 0) return at
  let index = windowIndex(plan, at)
  while ((plan.used.get(index) ?? 0) >= limit.calls) {
    index++
    at = plan.origin + index * plan.lengthMs
  }
  return at
}

function consume(plan: PlannedWindows, at: number): void {
  if (plan.lengthMs === 0) return
  const index = windowIndex(plan, at)
  plan.used.set(index, (plan.used.get(index) ?? 0) + 1)
}

export interface SlotRequest {
  /** The keys of the windows this publish draws on (see budgetKey), with their limits. */
  windows: readonly { key: string; limit: PublishLimit }[]
  /** Not before this (the variant's due time, when the sweeper looks ahead); default now. */
  notBefore?: Date | undefined
}

/**
 * The earliest time each request may go, in order, given the stored windows: each takes the first moment every
 * one of its windows has room (counting the requests planned before it), so a crowd of variants due in the same
 * second is spread over the windows instead of being sent at once (a platform's short window, such as a few
 * publishes per second, is what staggers a crowd of accounts).
 */
export function planSlots(
  requests: readonly SlotRequest[],
  stored: ReadonlyMap<string, BudgetWindow>,
  now: Date,
): Date[] {
  const plans = new Map<string, PlannedWindows>()
  const planOf = (key: string, limit: PublishLimit): PlannedWindows => {
    let plan = plans.get(key)
    if (!plan) {
      const window = stored.get(key)
      const lengthMs = limit.windowSeconds * 1000
      const running = window && now.getTime() < window.windowStartedAt.getTime() + lengthMs
      plan = {
        origin: running ? window.windowStartedAt.getTime() : now.getTime(),
        lengthMs,
        used: new Map(running ? [[0, window.used]] : []),
        pausedUntil: window?.pausedUntil?.getTime() ?? 0,
      }
      plans.set(key, plan)
    }
    return plan
  }
  return requests.map((request) => {
    const windows = request.windows.map(({ key, limit }) => ({ plan: planOf(key, limit), limit }))
    let at = Math.max(now.getTime(), request.notBefore?.getTime() ?? 0)
    // Each window may push the time later; repeat until all agree (a later time can only free room).
    for (let round = 0; round < 1000; round++) {
      const next = Math.max(at, ...windows.map(({ plan, limit }) => slotIn(plan, limit, at)))
      if (next === at) break
      at = next
    }
    for (const { plan } of windows) consume(plan, at)
    return new Date(at)
  })
}

/** The row key of a scope's window for one limit. */
export function budgetKey(scope: BudgetScope, subject: string, limit: PublishLimit): string {
  return `${scope}:${subject}:${limit.windowSeconds}`
}
