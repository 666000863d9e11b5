// Quotas a platform counts per API call but never reports back (YouTube's 10,000 units a day per Google Cloud
// project, i.e. per Warta deployment): the connector tells the meter each call it makes (ConnectorContext.meter),
// a tally adds them up per quota day in memory, and runForAccount stores the tally in one upsert after the
// connector call returns (db/metered-quota-usage-repository.ts), so an operation costs one round-trip, not one per
// API call. Pure: the arithmetic only.
import type { MeteredCall } from '../../connectors/connector.ts'
import { nextQuotaReset, quotaDayOf, YOUTUBE_DAILY_UNITS } from '../../connectors/youtube/youtube-quota.ts'

export interface MeteredQuotaRule {
  /** The units the platform grants per quota day. */
  total: number
  /** The quota day an instant belongs to (YYYY-MM-DD in the platform's reset zone). */
  dayOf(at: Date): string
  /** When the current quota day ends. */
  resetsAt(now: Date): Date
}

/** The platforms with a metered quota, by platform name. */
export const METERED_QUOTAS: Readonly<Record<string, MeteredQuotaRule>> = {
  youtube: { total: YOUTUBE_DAILY_UNITS, dayOf: quotaDayOf, resetsAt: nextQuotaReset },
}

export function meteredQuotaOf(platform: string): MeteredQuotaRule | undefined {
  return Object.hasOwn(METERED_QUOTAS, platform) ? METERED_QUOTAS[platform] : undefined
}

export interface MeteredDay {
  quotaDay: string
  units: number
  calls: number
}

export interface MeterTally {
  /** The ConnectorContext.meter: each call counted on the quota day of the moment it is told. */
  meter: (call: MeteredCall) => void
  /** What was counted since the last take, per day (one entry per day), and the tally starts again from zero. */
  take: () => MeteredDay[]
}

export function createMeterTally(rule: Pick<MeteredQuotaRule, 'dayOf'>, now: () => Date): MeterTally {
  let days = new Map<string, MeteredDay>()
  return {
    meter(call) {
      // A connector's bad number must not corrupt the day's sum: whole, non-negative units only.
      const units = Number.isFinite(call.units) ? Math.max(0, Math.round(call.units)) : 0
      const quotaDay = rule.dayOf(now())
      const day = days.get(quotaDay) ?? { quotaDay, units: 0, calls: 0 }
      day.units += units
      day.calls += 1
      days.set(quotaDay, day)
    },
    take() {
      const taken = [...days.values()]
      days = new Map()
      return taken
    },
  }
}

export interface DailyUnits {
  used: number
  total: number
  /** ISO time the quota day ends. */
  resetsAt: string
}

/** The day's use as health shows it, with the platform's total and when the day ends. */
export function dailyUnitsOf(rule: MeteredQuotaRule, used: number, now: Date): DailyUnits {
  return { used, total: rule.total, resetsAt: rule.resetsAt(now).toISOString() }
}
