// The rate budgets over the database: a publish takes a token from its account's and its platform's windows in
// the claim's transaction (or learns when to come back), the sweeper spreads a crowd of due variants over the
// windows before handing them out, and a `rate_limited` answer pauses the account (or the platform) until the
// time the platform gave. The arithmetic is publish-budget.ts; the limits are src/shared/platform-rules.ts.
import type { Db } from '../../db/client.ts'
import {
  lockBudgetWindows,
  pauseBudget,
  readBudgets,
  saveBudgetWindow,
  type BudgetSubject,
  type PublishBudgetRow,
} from '../../db/publish-budgets-repository.ts'
import { PLATFORM_RULES, type PublishLimit } from '../../shared/platform-rules.ts'
import { POSTING_PLATFORMS, type PostingPlatform } from '../../shared/platforms.ts'
import { budgetKey, planSlots, takeTokens, type BudgetWindow } from './publish-budget.ts'

/** The publishing quota the platform last reported for the account (account_connections, 0022). */
export interface ReportedQuota {
  used: number
  total: number
  windowSeconds: number
  checkedAt: Date
}

export interface PublishTarget {
  instansiId: string
  accountId: string
  platform: string
  /** For planning: the variant's due time when later than now. */
  dueAt?: Date | undefined
  /** The account's reported quota, when its platform reports one: its total replaces the documented guess. */
  reportedQuota?: ReportedQuota | null | undefined
}

/**
 * How long a reported quota with nothing left holds the account back after it was read: the platform counts a
 * moving window and does not say when its oldest post leaves it, so the engine waits this long and then lets the
 * connector ask again (Instagram's publish reads the quota first and answers rate_limited while it is used up).
 */
export const REPORTED_QUOTA_HOLD_MS = 60 * 60_000

/** Pure: until when the reported quota holds the account back (nothing left, read recently), else null. */
export function reportedQuotaHold(quota: ReportedQuota | null | undefined, now: Date): Date | null {
  if (!quota || quota.used < quota.total) return null
  const until = quota.checkedAt.getTime() + REPORTED_QUOTA_HOLD_MS
  return until > now.getTime() ? new Date(until) : null
}

/**
 * Pure: the account's limits with the platform's reported total in place of the documented figure for the same
 * window (Instagram: 25, 50 or 100 a day, the lowest until content_publishing_limit was read).
 */
export function withReportedTotal(
  limits: readonly PublishLimit[],
  quota: ReportedQuota | null | undefined,
): readonly PublishLimit[] {
  if (!quota || quota.total <= 0) return limits
  return limits.map((limit) =>
    limit.windowSeconds === quota.windowSeconds ? { ...limit, calls: quota.total } : limit,
  )
}

function limitsFor(target: PublishTarget, limitsOf: LimitsOf) {
  const limits = limitsOf(target.platform)
  return { account: withReportedTotal(limits.account, target.reportedQuota), platform: limits.platform }
}

/** The limits of a platform; tests and the bench may pass their own. */
export type LimitsOf = (platform: string) => {
  account: readonly PublishLimit[]
  platform: readonly PublishLimit[]
}

export const platformLimits: LimitsOf = (platform) =>
  (POSTING_PLATFORMS as readonly string[]).includes(platform)
    ? PLATFORM_RULES[platform as PostingPlatform].publishLimits
    : { account: [], platform: [] }

/** A pause is a window of length 0 and no limit: it only holds back until paused_until. */
const PAUSE: PublishLimit = { calls: Number.MAX_SAFE_INTEGER, windowSeconds: 0 }

function subjectsOf(target: PublishTarget): [BudgetSubject, BudgetSubject] {
  return [
    { scope: 'account', subject: target.accountId, instansiId: target.instansiId },
    { scope: 'platform', subject: target.platform, instansiId: null },
  ]
}

function windowOf(row: PublishBudgetRow): BudgetWindow {
  return { windowStartedAt: row.windowStartedAt, used: row.used, pausedUntil: row.pausedUntil }
}

function rowKey(row: PublishBudgetRow): string {
  return `${row.scope}:${row.subject}:${row.windowSeconds}`
}

export type SlotResult = { granted: true } | { granted: false; retryAt: Date }

/**
 * One publish for the target now, in the caller's transaction (the claim): refused while the account or the
 * platform is paused, while the account's reported quota says nothing is left, or while one of their windows is
 * full (then `retryAt` is when there is room again).
 */
export async function takePublishSlot(
  tx: Db,
  target: PublishTarget,
  now: Date,
  limitsOf: LimitsOf = platformLimits,
): Promise<SlotResult> {
  // The platform said the account has nothing left: wait, without calling it for a rate-limit answer.
  const held = reportedQuotaHold(target.reportedQuota, now)
  if (held) return { granted: false, retryAt: held }
  const subjects = subjectsOf(target)
  const limits = limitsFor(target, limitsOf)
  const wanted = [
    ...limits.account.map((limit) => ({ ...subjects[0], windowSeconds: limit.windowSeconds, limit })),
    ...limits.platform.map((limit) => ({ ...subjects[1], windowSeconds: limit.windowSeconds, limit })),
  ]
  // The windows and the pauses, locked in one statement (a pause is a row of length 0).
  const locked =
    wanted.length > 0 ? await lockBudgetWindows(tx, wanted, now) : await readBudgets(tx, subjects)
  const pausedUntil = Math.max(
    0,
    ...locked.filter((row) => row.windowSeconds === 0).map((row) => row.pausedUntil?.getTime() ?? 0),
  )
  if (pausedUntil > now.getTime()) return { granted: false, retryAt: new Date(pausedUntil) }
  if (wanted.length === 0) return { granted: true }
  const rows = new Map(locked.map((row) => [rowKey(row), row]))
  const keyed = wanted.map((w) => ({ ...w, key: `${w.scope}:${w.subject}:${w.windowSeconds}` }))
  const result = takeTokens(
    keyed.map((w) => {
      const row = rows.get(w.key)
      return { window: row ? windowOf(row) : undefined, limit: w.limit }
    }),
    now,
  )
  if (!result.granted) return result
  for (const [index, w] of keyed.entries()) await saveBudgetWindow(tx, w, result.windows[index]!, now)
  return { granted: true }
}

/**
 * When each of these due variants may go (in their order), from the stored windows and pauses: at once while
 * there is room, later windows for the rest. Reads only; the claims take the tokens.
 */
export async function planPublishSlots(
  db: Db,
  targets: readonly PublishTarget[],
  now: Date,
  limitsOf: LimitsOf = platformLimits,
): Promise<Date[]> {
  const subjects = new Map<string, BudgetSubject>()
  for (const target of targets)
    for (const subject of subjectsOf(target)) subjects.set(`${subject.scope}:${subject.subject}`, subject)
  const rows = await readBudgets(db, [...subjects.values()])
  const stored = new Map(rows.map((row) => [rowKey(row), windowOf(row)]))
  // A pause row is a window of its own (PAUSE) that every request of its scope draws on.
  return planSlots(
    targets.map((target) => {
      const limits = limitsFor(target, limitsOf)
      return {
        notBefore: target.dueAt,
        windows: [
          { key: budgetKey('account', target.accountId, PAUSE), limit: PAUSE },
          { key: budgetKey('platform', target.platform, PAUSE), limit: PAUSE },
          ...limits.account.map((limit) => ({ key: budgetKey('account', target.accountId, limit), limit })),
          ...limits.platform.map((limit) => ({ key: budgetKey('platform', target.platform, limit), limit })),
        ],
      }
    }),
    stored,
    now,
  )
}

/** A `rate_limited` answer: the account (or the whole platform, when the platform said so) waits until `until`. */
export async function pauseForRateLimit(
  tx: Db,
  target: PublishTarget,
  scope: 'account' | 'platform',
  until: Date,
  now: Date,
): Promise<void> {
  const [account, platform] = subjectsOf(target)
  await pauseBudget(tx, scope === 'account' ? account : platform, until, now)
}
